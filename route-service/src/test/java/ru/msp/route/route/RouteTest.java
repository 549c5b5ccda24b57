package ru.msp.route.route;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import ru.msp.contracts.CompetencyLevel;
import ru.msp.contracts.DeficitSeverity;
import ru.msp.contracts.EventPayload;
import ru.msp.contracts.diagnostics.Deficit;
import ru.msp.contracts.routes.RouteApproved;
import ru.msp.contracts.routes.RouteCompleted;
import ru.msp.contracts.routes.RouteStepCompleted;
import ru.msp.contracts.routes.RouteSuggested;
import ru.msp.contracts.routes.UnmetNeedRecorded;
import ru.msp.route.suggestion.PlannedStep;
import ru.msp.route.suggestion.RouteSuggester;
import ru.msp.route.suggestion.Suggestion;
import ru.msp.support.tenancy.TenantKey;

/** The route aggregate without Spring: lifecycle, re-diagnosis, participation, effect. */
class RouteTest {

    static final Instant NOW = Instant.parse("2026-03-01T09:00:00Z");
    static final TenantKey SCOPE = new TenantKey("reg-1", "mun-1", "org-1", "tch-1");
    static final Deficit ASSESSMENT = new Deficit("ASSESSMENT", DeficitSeverity.PRONOUNCED);
    static final Deficit DIGITAL = new Deficit("DIGITAL", DeficitSeverity.PARTIAL);
    static final Deficit INCLUSIVE = new Deficit("INCLUSIVE", DeficitSeverity.PARTIAL);

    static PlannedStep activity(String competency, String kind, String activityId) {
        return new PlannedStep(
                competency,
                DeficitSeverity.PARTIAL,
                kind,
                activityId,
                List.of(),
                RouteSuggester.PARTIAL_TARGETED,
                "fw-1",
                LocalDate.parse("2026-04-01"),
                40,
                "why");
    }

    static PlannedStep selfStudy(String competency) {
        return new PlannedStep(
                competency,
                DeficitSeverity.PARTIAL,
                "SELF_STUDY",
                null,
                List.of(),
                RouteSuggester.NO_OFFER_SELF_STUDY,
                "fw-1",
                LocalDate.parse("2026-05-01"),
                0,
                "why");
    }

    static Measurement measured(String resultId, String diagnosedOn, double assessment, double digital) {
        return new Measurement(
                resultId,
                LocalDate.parse(diagnosedOn),
                Instant.parse(diagnosedOn + "T12:00:00Z"),
                List.of(
                        new Measurement.Level("ASSESSMENT", assessment, CompetencyLevel.BELOW_BASIC),
                        new Measurement.Level("DIGITAL", digital, CompetencyLevel.BASIC)));
    }

    static RouteChange opened() {
        Suggestion suggestion = new Suggestion(
                List.of(activity("ASSESSMENT", "COURSE", "course-1"), activity("DIGITAL", "EVENT", "seminar-1")),
                List.of());
        return Route.open(
                "tch-1",
                1,
                SCOPE,
                "fw-1",
                measured("res-1", "2026-02-20", 40, 70),
                List.of(ASSESSMENT, DIGITAL),
                suggestion,
                NOW);
    }

    @Test
    void aNewRouteIsSuggestedWithItsStepsAndUnmetNeedsInItsEvents() {
        Suggestion suggestion = new Suggestion(List.of(selfStudy("INCLUSIVE")), List.of(INCLUSIVE));
        RouteChange change = Route.open(
                "tch-1",
                2,
                SCOPE,
                "fw-1",
                measured("res-1", "2026-02-20", 40, 70),
                List.of(INCLUSIVE),
                suggestion,
                NOW);

        Route route = change.route();
        assertThat(route.id()).isEqualTo("rt-tch-1-2");
        assertThat(route.status()).isEqualTo(Route.SUGGESTED);
        assertThat(route.open()).isTrue();
        assertThat(route.dueDate()).isEqualTo(LocalDate.parse("2026-05-01"));
        assertThat(route.nextDueDate()).isEqualTo(LocalDate.parse("2026-05-01"));
        assertThat(change.events()).hasSize(2);
        assertThat(change.events().get(0)).isInstanceOfSatisfying(RouteSuggested.class, e -> {
            assertThat(e.diagnosticResultId()).isEqualTo("res-1");
            assertThat(e.steps()).extracting(s -> s.stepId()).containsExactly("s1");
        });
        assertThat(change.events().get(1))
                .isEqualTo(new UnmetNeedRecorded("tch-1", "rt-tch-1-2", "INCLUSIVE", DeficitSeverity.PARTIAL));
    }

    @Test
    void approvalThenAttendanceThenCourseCompletionCompletesTheRoute() {
        Route route = opened().route();
        RouteChange approved = route.approve("tutor-1", null, Map.of("s2", LocalDate.parse("2026-03-20")), "m", NOW);
        assertThat(approved.route().status()).isEqualTo(Route.APPROVED);
        assertThat(approved.route().nextDueDate()).isEqualTo(LocalDate.parse("2026-03-20"));
        assertThat(approved.events())
                .containsExactly(new RouteApproved(route.id(), "tch-1", "tutor-1", LocalDate.parse("2026-04-01")));

        // one attended session of a course is not the course
        RouteChange sessionOfCourse =
                approved.route().participated("course-1", "ATTENDANCE", LocalDate.parse("2026-03-05"), NOW);
        assertThat(sessionOfCourse.events()).isEmpty();

        RouteChange attended =
                approved.route().participated("seminar-1", "ATTENDANCE", LocalDate.parse("2026-03-05"), NOW);
        assertThat(attended.route().status()).isEqualTo(Route.IN_PROGRESS);
        assertThat(attended.route().progress()).isEqualTo(50);
        assertThat(attended.events())
                .containsExactly(new RouteStepCompleted(
                        route.id(), "tch-1", "s2", "seminar-1", "ATTENDANCE", LocalDate.parse("2026-03-05")));

        RouteChange completed =
                attended.route().participated("course-1", "COURSE_COMPLETION", LocalDate.parse("2026-04-01"), NOW);
        assertThat(completed.route().status()).isEqualTo(Route.COMPLETED);
        assertThat(completed.route().open()).isFalse();
        assertThat(completed.route().progress()).isEqualTo(100);
        assertThat(completed.events()).hasSize(2);
        assertThat(completed.events().get(1)).isInstanceOf(RouteCompleted.class);

        // a repeated report changes nothing
        assertThat(completed
                        .route()
                        .participated("course-1", "COURSE_COMPLETION", LocalDate.parse("2026-04-01"), NOW)
                        .events())
                .isEmpty();
    }

    @Test
    void stepsDoneBeforeApprovalKeepTheRouteSuggestedUntilItIsApproved() {
        Route route = opened().route()
                .participated("seminar-1", "ATTENDANCE", LocalDate.parse("2026-03-05"), NOW)
                .route()
                .participated("course-1", "COURSE_COMPLETION", LocalDate.parse("2026-03-06"), NOW)
                .route();
        assertThat(route.status()).isEqualTo(Route.SUGGESTED);
        RouteChange approved = route.approve("tutor-1", null, Map.of(), "m", NOW);
        assertThat(approved.route().status()).isEqualTo(Route.COMPLETED);
        assertThat(approved.events())
                .extracting(e -> e.getClass().getSimpleName())
                .containsExactly("RouteApproved", "RouteCompleted");
    }

    @Test
    void aReDiagnosisClosesDeficitsItNoLongerFindsAddsNewOnesAndShowsTheEffect() {
        Route route = opened().route()
                .participated("seminar-1", "ATTENDANCE", LocalDate.parse("2026-03-05"), NOW)
                .route();
        Measurement later = new Measurement(
                "res-2",
                LocalDate.parse("2026-06-01"),
                Instant.parse("2026-06-01T12:00:00Z"),
                List.of(
                        new Measurement.Level("ASSESSMENT", 55.0, CompetencyLevel.BELOW_BASIC),
                        new Measurement.Level("DIGITAL", 85.0, CompetencyLevel.ADVANCED),
                        new Measurement.Level("INCLUSIVE", 65.0, CompetencyLevel.BASIC)));
        Suggestion forNew = new Suggestion(List.of(selfStudy("INCLUSIVE")), List.of(INCLUSIVE));

        RouteChange change = route.rediagnosed(
                later, List.of(new Deficit("ASSESSMENT", DeficitSeverity.PARTIAL), INCLUSIVE), forNew, NOW);

        Route next = change.route();
        assertThat(next.id()).isEqualTo(route.id());
        assertThat(next.deficits())
                .extracting(RouteDeficit::competencyCode, RouteDeficit::severity, RouteDeficit::closedByResultId)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("ASSESSMENT", DeficitSeverity.PARTIAL, null),
                        org.assertj.core.groups.Tuple.tuple("DIGITAL", DeficitSeverity.PARTIAL, "res-2"),
                        org.assertj.core.groups.Tuple.tuple("INCLUSIVE", DeficitSeverity.PARTIAL, null));
        assertThat(next.steps())
                .extracting(Step::stepId, Step::status)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("s1", Step.OPEN),
                        org.assertj.core.groups.Tuple.tuple("s2", Step.DONE), // done before: stays done
                        org.assertj.core.groups.Tuple.tuple("s3", Step.OPEN));
        assertThat(change.events()).hasSize(2);
        assertThat(change.events())
                .extracting(EventPayload::getClass)
                .containsExactly(RouteSuggested.class, UnmetNeedRecorded.class);

        CompetencyEffect assessment = next.effect().get(0);
        assertThat(assessment.openingPercent()).isEqualTo(40.0);
        assertThat(assessment.latestPercent()).isEqualTo(55.0);
        assertThat(assessment.change()).isEqualTo(15.0);
        CompetencyEffect digital = next.effect().get(1);
        assertThat(digital.change()).isEqualTo(15.0);
        assertThat(digital.deficitClosed()).isTrue();
        assertThat(digital.stepsDone()).isEqualTo(1);

        // the same diagnosis again changes nothing
        assertThat(next.rediagnosed(later, List.of(INCLUSIVE), forNew, NOW).route())
                .isSameAs(next);
    }

    @Test
    void anOpenStepOfAClosedDeficitIsNoLongerNeededAndAnOlderDiagnosisOnlyAddsLevels() {
        Route route = opened().route();
        Measurement later = measured("res-2", "2026-06-01", 45, 90);
        Route next = route.rediagnosed(later, List.of(ASSESSMENT), new Suggestion(List.of(), List.of()), NOW)
                .route();
        assertThat(next.step("s2").status()).isEqualTo(Step.NOT_NEEDED);
        assertThat(next.progress()).isEqualTo(0);

        Measurement earlier = measured("res-0", "2026-01-10", 30, 50);
        RouteChange late = next.rediagnosed(
                earlier, List.of(ASSESSMENT, DIGITAL, INCLUSIVE), new Suggestion(List.of(), List.of()), NOW);
        assertThat(late.events()).isEmpty();
        assertThat(late.route().deficits()).isEqualTo(next.deficits());
        assertThat(late.route().appliedResultIds()).contains("res-0");
    }

    @Test
    void aStepOnACancelledActivityIsReplacedInPlaceAndSelfStudyLeftAloneIsAnUnmetNeed() {
        Route route = opened().route();
        RouteChange toEvent = route.replaceStep("s2", activity("DIGITAL", "EVENT", "seminar-2"), "seminar-1", NOW);
        assertThat(toEvent.route().step("s2").offerId()).isEqualTo("seminar-2");
        assertThat(toEvent.route().step("s2").why()).startsWith("replaces cancelled activity seminar-1; ");
        assertThat(toEvent.events()).extracting(EventPayload::getClass).containsExactly(RouteSuggested.class);

        RouteChange toSelfStudy = toEvent.route().replaceStep("s2", selfStudy("DIGITAL"), "seminar-2", NOW);
        assertThat(toSelfStudy.route().step("s2").offerKind()).isEqualTo("SELF_STUDY");
        assertThat(toSelfStudy.route().steps()).hasSize(2);
        assertThat(toSelfStudy.events())
                .extracting(EventPayload::getClass)
                .containsExactly(RouteSuggested.class, UnmetNeedRecorded.class);

        // a step no longer on that activity, or already done, is left alone
        assertThat(toSelfStudy
                        .route()
                        .replaceStep("s2", selfStudy("DIGITAL"), "seminar-2", NOW)
                        .events())
                .isEmpty();
        Route done = route.participated("seminar-1", "ATTENDANCE", LocalDate.parse("2026-03-05"), NOW)
                .route();
        assertThat(done.replaceStep("s2", selfStudy("DIGITAL"), "seminar-1", NOW)
                        .route())
                .isSameAs(done);
    }

    @Test
    void stalledIsOpenAndPastADueDate() {
        Route route = opened().route();
        assertThat(route.stalled(LocalDate.parse("2026-04-01"))).isFalse();
        assertThat(route.stalled(LocalDate.parse("2026-04-02"))).isTrue();
        Route cancelled = route.cancel("teacher left", NOW).route();
        assertThat(cancelled.stalled(LocalDate.parse("2027-01-01"))).isFalse();
        assertThat(cancelled.status()).isEqualTo(Route.CANCELLED);
    }
}
