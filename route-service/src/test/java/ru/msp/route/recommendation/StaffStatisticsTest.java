package ru.msp.route.recommendation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import ru.msp.contracts.DeficitSeverity;
import ru.msp.contracts.diagnostics.Deficit;
import ru.msp.contracts.teacher.TeacherFacts;
import ru.msp.route.teacher.StaffDiagnosis;
import ru.msp.route.teacher.TeacherCard;

class StaffStatisticsTest {

    static TeacherCard teacher(String id, List<String> subjects, Deficit... deficits) {
        TeacherFacts facts = new TeacherFacts(
                "org-1", "TEACHER", subjects, null, null, "NONE", null, Set.of(), false, Set.of(), false);
        StaffDiagnosis diagnosis = new StaffDiagnosis(
                "res-" + id,
                "org-1",
                LocalDate.parse("2026-02-01"),
                "2025/2026",
                Instant.parse("2026-02-01T10:00:00Z"),
                List.of("ASSESSMENT", "DIGITAL"),
                List.of(deficits));
        return new TeacherCard(id, "reg-1", "mun-1", "org-1", facts, false, Instant.EPOCH, null, null, diagnosis, null);
    }

    @Test
    void sharesPerSubjectAndForTheWholeStaffOfTheDiagnosedTeachers() {
        Deficit assessment = new Deficit("ASSESSMENT", DeficitSeverity.PRONOUNCED);
        Deficit digital = new Deficit("DIGITAL", DeficitSeverity.PARTIAL);
        List<TeacherCard> staff = List.of(
                teacher("t1", List.of("MATHEMATICS"), assessment),
                teacher("t2", List.of("MATHEMATICS", "PHYSICS"), assessment, digital),
                teacher("t3", List.of("MATHEMATICS")),
                teacher("t4", List.of("HISTORY"), digital),
                new TeacherCard("t5", "reg-1", "mun-1", "org-1", null, false, null, null, null, null, null));

        List<StaffDeficitShare> shares = StaffStatistics.of(staff);

        assertThat(shares)
                .contains(
                        new StaffDeficitShare("MATHEMATICS", "ASSESSMENT", 3, 2, 2, 67),
                        new StaffDeficitShare("ALL_STAFF", "ASSESSMENT", 4, 2, 2, 50),
                        new StaffDeficitShare("ALL_STAFF", "DIGITAL", 4, 2, 0, 50),
                        new StaffDeficitShare("HISTORY", "DIGITAL", 1, 1, 0, 100));
        assertThat(shares.get(0).share()).isEqualTo(100); // largest first
        assertThat(shares).noneMatch(s -> s.withDeficit() == 0);
        assertThat(StaffStatistics.crossesThreshold(new StaffDeficitShare("MATHEMATICS", "ASSESSMENT", 3, 2, 2, 67)))
                .isTrue();
        assertThat(StaffStatistics.crossesThreshold(new StaffDeficitShare("HISTORY", "DIGITAL", 1, 1, 0, 100)))
                .as("one teacher is not a share")
                .isFalse();
        assertThat(StaffStatistics.crossesThreshold(new StaffDeficitShare("ALL_STAFF", "X", 10, 2, 0, 20)))
                .isFalse();
    }

    @Test
    void leaderAdviceNamesTheShareAndWhatToOrganise() {
        StaffDeficitShare share = new StaffDeficitShare("MATHEMATICS", "ASSESSMENT", 13, 5, 2, 38);
        assertThat(Advice.leaderText(share))
                .isEqualTo("38% учителей (MATHEMATICS) (5 из 13) имеют дефицит по ASSESSMENT: организуйте поддержку"
                        + " на уровне школы.");
        assertThat(Advice.forLeader(share))
                .anyMatch(a -> a.contains("школьного методического объединения"))
                .anyMatch(a -> a.contains("с выраженным дефицитом (2)"))
                .noneMatch(a -> a.contains("план методической работы"));
    }

    @Test
    void schoolYearRunsFromSeptember() {
        assertThat(Recommendations.schoolYear(LocalDate.parse("2026-08-31"))).isEqualTo("2025/2026");
        assertThat(Recommendations.schoolYear(LocalDate.parse("2026-09-01"))).isEqualTo("2026/2027");
    }
}
