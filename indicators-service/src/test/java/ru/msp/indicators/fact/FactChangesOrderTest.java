package ru.msp.indicators.fact;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import ru.msp.contracts.DomainEvent;
import ru.msp.contracts.EventCatalog;
import ru.msp.contracts.EventPayload;
import ru.msp.contracts.EventScope;
import ru.msp.contracts.EventType;
import ru.msp.contracts.TargetGroup;
import ru.msp.contracts.activities.AttendanceRecorded;
import ru.msp.contracts.activities.CourseCompleted;
import ru.msp.contracts.diagnostics.CompetencyResult;
import ru.msp.contracts.diagnostics.DiagnosticCompleted;
import ru.msp.contracts.teacher.MembershipChanged;
import ru.msp.contracts.teacher.TeacherFacts;
import ru.msp.contracts.teacher.TeacherRegistered;
import ru.msp.contracts.teacher.TeacherUpdated;
import ru.msp.indicators.catalogue.SchoolYear;
import ru.msp.indicators.value.IndicatorRules;

/** One teacher's history applied in many orders, with repeats: always the same facts and the same tallies. */
class FactChangesOrderTest {

    static final Instant T0 = Instant.parse("2025-10-01T08:00:00Z");
    static final SchoolYear YEAR = SchoolYear.parse("2025/2026");

    @Test
    void anyOrderAndRepeatsGiveTheSameFacts() {
        List<UnaryOperator<TeacherFact>> history = history("t-1");
        TeacherFact inOrder = applyAll(history);
        assertThat(inOrder.profile().position()).isEqualTo("DEPUTY_DIRECTOR"); // the newer update wins
        assertThat(inOrder.organizationId()).isEqualTo("org-2");
        assertThat(inOrder.marks().get("ATTENDED-seminar").positive()).isFalse(); // the later correction wins
        assertThat(inOrder.routes().get("r1").completedOn()).isEqualTo(LocalDate.of(2026, 3, 1));
        assertThat(inOrder.memberships().get("c1").change()).isEqualTo("LEFT");
        assertThat(inOrder.departedOn()).isEqualTo(LocalDate.of(2026, 6, 1));

        Random random = new Random(11);
        for (int round = 0; round < 300; round++) {
            List<UnaryOperator<TeacherFact>> fresh = history("t-1");
            List<UnaryOperator<TeacherFact>> seen = new ArrayList<>(fresh);
            for (UnaryOperator<TeacherFact> change : fresh) {
                if (random.nextInt(3) == 0) {
                    seen.add(change);
                }
            }
            Collections.shuffle(seen, random);
            TeacherFact shuffled = applyAll(seen);
            assertThat(shuffled).isEqualTo(inOrder);
            assertThat(IndicatorRules.of(shuffled, YEAR)).isEqualTo(IndicatorRules.of(inOrder, YEAR));
        }
    }

    @Test
    void aRepeatedEventChangesNothing() {
        for (UnaryOperator<TeacherFact> change : history("t-2")) {
            TeacherFact once = change.apply(TeacherFact.empty("t-2"));
            assertThat(change.apply(once)).isEqualTo(once);
        }
    }

    private static TeacherFact applyAll(List<UnaryOperator<TeacherFact>> changes) {
        TeacherFact fact = TeacherFact.empty("t");
        for (UnaryOperator<TeacherFact> change : changes) {
            fact = change.apply(fact);
        }
        return fact;
    }

    private static List<UnaryOperator<TeacherFact>> history(String id) {
        List<UnaryOperator<TeacherFact>> h = new ArrayList<>();
        TeacherFacts first = facts("org-1", "TEACHER");
        TeacherFacts later = facts("org-2", "DEPUTY_DIRECTOR");
        var registered = event(EventCatalog.TEACHER_REGISTERED, 0, new TeacherRegistered(id, first));
        var updated = event(EventCatalog.TEACHER_UPDATED, 5, new TeacherUpdated(id, later));
        h.add(f -> FactChanges.profile(f, registered, first));
        h.add(f -> FactChanges.profile(f, updated, later));
        var d = new DiagnosticCompleted(
                "res-1",
                id,
                "c",
                "MUNICIPAL",
                "INSTRUMENT",
                "v1",
                LocalDate.of(2025, 10, 5),
                "2025/2026",
                "TEACHER",
                Set.of(),
                List.of(new CompetencyResult("ASSESSMENT", BigDecimal.valueOf(70), BigDecimal.valueOf(100), null)),
                List.of());
        var diagnosed = event(EventCatalog.DIAGNOSTIC_COMPLETED, 2, d);
        h.add(f -> FactChanges.diagnosed(f, diagnosed, d));
        var approved = event(
                EventCatalog.ROUTE_APPROVED,
                3,
                new ru.msp.contracts.routes.RouteApproved("r1", id, "tutor", LocalDate.of(2026, 5, 1)));
        h.add(f -> FactChanges.routeApproved(f, approved, "r1", LocalDate.of(2026, 5, 1)));
        h.add(f -> FactChanges.routeCompleted(f, "r1", LocalDate.of(2026, 3, 1)));
        var yes = new AttendanceRecorded("seminar", id, true, LocalDate.of(2025, 11, 1));
        var no = new AttendanceRecorded("seminar", id, false, LocalDate.of(2025, 11, 1));
        var attended = event(EventCatalog.ATTENDANCE_RECORDED, 6, yes);
        var corrected = event(EventCatalog.ATTENDANCE_RECORDED, 7, no);
        h.add(f -> FactChanges.attended(f, attended, yes, null));
        h.add(f -> FactChanges.attended(f, corrected, no, null));
        var c = new CourseCompleted("course", id, BigDecimal.TEN, true, true, LocalDate.of(2025, 12, 1));
        var course = event(EventCatalog.COURSE_COMPLETED, 8, c);
        ActivityRef ref = new ActivityRef("course", "reg", "mun", "COURSE", "REGIONAL", true, List.of("DIGITAL"), T0);
        // as in the feed: a course event finds the activity's facts if they arrived first, else they come later
        var store = new java.util.concurrent.atomic.AtomicReference<ActivityRef>();
        h.add(f -> FactChanges.courseCompleted(f, course, c, store.get()));
        h.add(f -> {
            store.set(ref);
            return FactChanges.activityKnown(f, ref);
        });
        var joined = new MembershipChanged("c1", id, "NETWORK", "JOINED", LocalDate.of(2025, 9, 10));
        var left = new MembershipChanged("c1", id, "NETWORK", "LEFT", LocalDate.of(2026, 2, 10));
        var join = event(EventCatalog.MEMBERSHIP_CHANGED, 9, joined);
        var leave = event(EventCatalog.MEMBERSHIP_CHANGED, 10, left);
        h.add(f -> FactChanges.membership(f, join, joined));
        h.add(f -> FactChanges.membership(f, leave, left));
        h.add(f -> FactChanges.mentoring(f, new TeacherFact.Mentoring("m1", "MENTEE", LocalDate.of(2025, 9, 1), null)));
        h.add(f -> FactChanges.departed(f, LocalDate.of(2026, 1, 1)));
        h.add(f -> FactChanges.departed(f, LocalDate.of(2026, 6, 1)));
        return h;
    }

    private static TeacherFacts facts(String org, String position) {
        return new TeacherFacts(
                org,
                position,
                List.of(),
                LocalDate.of(1990, 1, 1),
                LocalDate.of(2024, 9, 1),
                "NONE",
                null,
                Set.of(TargetGroup.YOUNG_TEACHER),
                false,
                Set.of(),
                false);
    }

    private static <P extends EventPayload> DomainEvent<P> event(EventType<P> type, int minutes, P data) {
        return new DomainEvent<>(
                UUID.randomUUID().toString(),
                "/test",
                type,
                T0.plusSeconds(60L * minutes),
                new EventScope("reg", "mun", "org-1"),
                null,
                null,
                data);
    }
}
