package ru.msp.activities.activity;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import ru.msp.support.problem.FieldProblem;

class ActivityRulesTest {

    static ActivityDraft course(String format, String place, String link, Instant start, Instant end, CourseDetails c) {
        return new ActivityDraft(
                "reg-66",
                "mun-1",
                "org-1",
                "Формирующее оценивание",
                ActivityKind.COURSE,
                "REGIONAL",
                List.of("ASSESSMENT"),
                Set.of(),
                List.of("TEACHER"),
                format,
                place,
                link,
                start,
                end,
                25,
                c,
                true,
                null);
    }

    static final Instant START = Instant.parse("2026-02-02T06:00:00Z");
    static final CourseDetails DETAILS = new CourseDetails(new BigDecimal("36"), "ИРО", true);

    @Test
    void aWellFormedRemoteCourseHasNoProblems() {
        assertThat(ActivityRules.check(
                        course("REMOTE", null, "https://irro.example/c/1", START, START.plusSeconds(3600), DETAILS)))
                .isEmpty();
    }

    @Test
    void endBeforeStartAndAMissingCourseAndPlaceAreEachReported() {
        List<FieldProblem> problems =
                ActivityRules.check(course("IN_PERSON", " ", null, START, START.minusSeconds(1), null));
        assertThat(problems).extracting(FieldProblem::field).containsExactlyInAnyOrder("endsAt", "course", "place");
    }

    @Test
    void aMixedActivityNeedsBothAPlaceAndALink() {
        assertThat(ActivityRules.check(course("MIXED", "Актовый зал", null, START, START.plusSeconds(60), DETAILS)))
                .extracting(FieldProblem::field)
                .containsExactly("link");
    }

    @Test
    void onlyCoursesCarryCourseDetails() {
        ActivityDraft seminar = new ActivityDraft(
                "reg-66",
                "mun-1",
                "org-1",
                "Семинар",
                ActivityKind.SEMINAR,
                "MUNICIPAL",
                List.of(),
                Set.of(),
                List.of(),
                "IN_PERSON",
                "Школа 5",
                null,
                START,
                START.plusSeconds(60),
                null,
                DETAILS,
                true,
                null);
        assertThat(ActivityRules.check(seminar)).extracting(FieldProblem::field).containsExactly("course");
    }

    @Test
    void aCompetitionHasStagesAndNothingElseHasThem() {
        var competition = ru.msp.activities.Drafts.competition("reg-66", "mun-1");
        assertThat(ActivityRules.check(competition)).isEmpty();
        var unstaged = new ActivityDraft(
                "reg-66",
                "mun-1",
                "org-1",
                "Конкурс",
                ActivityKind.COMPETITION,
                "MUNICIPAL",
                List.of(),
                Set.of(),
                List.of(),
                "IN_PERSON",
                "ДК",
                null,
                START,
                START.plusSeconds(60),
                null,
                null,
                true,
                List.of());
        assertThat(ActivityRules.check(unstaged))
                .extracting(FieldProblem::field)
                .containsExactly("stages");
        var stagedSeminar = new ActivityDraft(
                "reg-66",
                "mun-1",
                "org-1",
                "Семинар",
                ActivityKind.SEMINAR,
                "MUNICIPAL",
                List.of(),
                Set.of(),
                List.of(),
                "IN_PERSON",
                "ДК",
                null,
                START,
                START.plusSeconds(60),
                null,
                null,
                true,
                competition.stages());
        assertThat(ActivityRules.check(stagedSeminar))
                .extracting(FieldProblem::field)
                .containsExactly("stages");
    }
}
