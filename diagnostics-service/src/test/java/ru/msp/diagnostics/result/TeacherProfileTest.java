package ru.msp.diagnostics.result;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import ru.msp.contracts.CompetencyLevel;
import ru.msp.contracts.DeficitSeverity;
import ru.msp.diagnostics.result.DiagnosticResult.ScoredCompetency;

class TeacherProfileTest {

    static DiagnosticResult result(String source, LocalDate on, ScoredCompetency... competencies) {
        return new DiagnosticResult(
                "cmp:t:" + source + on,
                "cmp",
                "MUNICIPAL",
                "r",
                "m",
                "o",
                "t",
                "TEACHER",
                Set.of(),
                source,
                on,
                "2025/2026",
                "2025.1",
                List.of(competencies),
                List.of(),
                "me",
                Instant.parse("2026-01-01T00:00:00Z"),
                List.of());
    }

    static ScoredCompetency scored(String code, String percent, CompetencyLevel level, DeficitSeverity deficit) {
        return new ScoredCompetency(
                code, new BigDecimal(percent), BigDecimal.valueOf(100), new BigDecimal(percent), level, deficit);
    }

    @Test
    void onTheSameDayTheInstrumentIsTheCurrentSourceWhateverTheOrderOfRecording() {
        LocalDate day = LocalDate.of(2025, 10, 1);
        TeacherProfile profile = TeacherProfile.of(
                "t",
                List.of(
                        result(
                                "INSTRUMENT",
                                day,
                                scored("ASSESSMENT", "40", CompetencyLevel.BELOW_BASIC, DeficitSeverity.PRONOUNCED)),
                        result("SELF_ASSESSMENT", day, scored("ASSESSMENT", "95", CompetencyLevel.HIGH, null))));

        assertThat(profile.latest()).singleElement().satisfies(s -> {
            assertThat(s.sourceKind()).isEqualTo("INSTRUMENT");
            assertThat(s.level()).isEqualTo(CompetencyLevel.BELOW_BASIC);
        });
        assertThat(profile.deficits())
                .singleElement()
                .satisfies(d -> assertThat(d.severity()).isEqualTo(DeficitSeverity.PRONOUNCED));
        assertThat(profile.history())
                .extracting(ResultView::sourceKind)
                .containsExactly("SELF_ASSESSMENT", "INSTRUMENT");
    }

    @Test
    void changesArePerCompetencyBetweenConsecutiveDiagnosesAndADeficitGoesWhenTheLevelRises() {
        TeacherProfile profile = TeacherProfile.of(
                "t",
                List.of(
                        result(
                                "INSTRUMENT",
                                LocalDate.of(2026, 4, 1),
                                scored("ASSESSMENT", "85", CompetencyLevel.ADVANCED, null)),
                        result(
                                "INSTRUMENT",
                                LocalDate.of(2025, 10, 1),
                                scored("ASSESSMENT", "55", CompetencyLevel.BELOW_BASIC, DeficitSeverity.PRONOUNCED),
                                scored("UPBRINGING", "70", CompetencyLevel.BASIC, DeficitSeverity.PARTIAL))));

        assertThat(profile.changes()).singleElement().satisfies(c -> {
            assertThat(c.competencyCode()).isEqualTo("ASSESSMENT");
            assertThat(c.percentChange()).isEqualByComparingTo("30");
            assertThat(c.levelSteps()).isEqualTo(2);
            assertThat(c.from().diagnosedOn()).isEqualTo(LocalDate.of(2025, 10, 1));
        });
        assertThat(profile.deficits()).singleElement().satisfies(d -> {
            assertThat(d.competencyCode()).isEqualTo("UPBRINGING");
            assertThat(d.severity()).isEqualTo(DeficitSeverity.PARTIAL);
        });
    }
}
