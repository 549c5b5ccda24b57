package ru.msp.diagnostics.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import ru.msp.contracts.CompetencyLevel;
import ru.msp.contracts.DeficitSeverity;
import ru.msp.contracts.diagnostics.CompetencyResult;
import ru.msp.contracts.diagnostics.Deficit;
import ru.msp.diagnostics.framework.CompetencyFramework;
import ru.msp.diagnostics.framework.FrameworkReader;
import ru.msp.diagnostics.scoring.ScoreRejection.Reason;

class ScorerTest {

    static CompetencyFramework framework;
    static Scorer scorer;

    @BeforeAll
    static void readTheFramework() {
        framework = new FrameworkReader().readResource("framework/framework-2025.1.json");
        scorer = new Scorer(framework);
    }

    @ParameterizedTest(name = "{0}% is {1}, deficit {2}")
    @CsvSource({
        "0, BELOW_BASIC, PRONOUNCED",
        "59.9, BELOW_BASIC, PRONOUNCED",
        "60, BASIC, PARTIAL",
        "60.0, BASIC, PARTIAL",
        "80, BASIC, PARTIAL",
        "80.0, BASIC, PARTIAL",
        "80.1, ADVANCED, ",
        "90, ADVANCED, ",
        "90.0, ADVANCED, ",
        "90.1, HIGH, ",
        "100, HIGH, "
    })
    void percentScoresGetTheR201LevelAndDeficit(String percent, CompetencyLevel level, DeficitSeverity deficit) {
        Instrument instrument = Instrument.percentScale("municipal-2025", List.of("ASSESSMENT"));

        ScoringOutcome outcome =
                scorer.score(instrument, "TEACHER", List.of(new RawScore("ASSESSMENT", new BigDecimal(percent))));

        assertThat(outcome.rejected()).isEmpty();
        assertThat(outcome.scored()).singleElement().satisfies(s -> {
            assertThat(s.level()).isEqualTo(level);
            assertThat(s.deficit().orElse(null)).isEqualTo(deficit);
            assertThat(s.percent()).isEqualByComparingTo(percent);
        });
        if (deficit == null) {
            assertThat(outcome.deficits()).isEmpty();
        } else {
            assertThat(outcome.deficits()).containsExactly(new Deficit("ASSESSMENT", deficit));
        }
    }

    @Test
    void rawScoresAreScoredAgainstEachCompetencysMaximumAsDiagnosticCompletedCarriesThem() {
        Instrument instrument = Instrument.of(
                "fr-test-2025",
                Map.of(
                        "ASSESSMENT",
                        new BigDecimal("20"),
                        "READING_LITERACY",
                        new BigDecimal("20"),
                        "DIGITAL_TEACHING",
                        new BigDecimal("40")));

        ScoringOutcome outcome = scorer.score(
                instrument,
                "TEACHER",
                List.of(
                        new RawScore("ASSESSMENT", new BigDecimal("11")),
                        new RawScore("READING_LITERACY", new BigDecimal("15")),
                        new RawScore("DIGITAL_TEACHING", new BigDecimal("37"))));

        assertThat(outcome.frameworkVersion()).isEqualTo("2025.1");
        assertThat(outcome.rejected()).isEmpty();
        assertThat(outcome.results())
                .containsExactly(
                        new CompetencyResult(
                                "ASSESSMENT", new BigDecimal("11"), new BigDecimal("20"), CompetencyLevel.BELOW_BASIC),
                        new CompetencyResult(
                                "READING_LITERACY", new BigDecimal("15"), new BigDecimal("20"), CompetencyLevel.BASIC),
                        new CompetencyResult(
                                "DIGITAL_TEACHING", new BigDecimal("37"), new BigDecimal("40"), CompetencyLevel.HIGH));
        assertThat(outcome.scored())
                .extracting(ScoredCompetency::percent)
                .map(BigDecimal::toPlainString)
                .containsExactly("55.00", "75.00", "92.50");
        assertThat(outcome.deficits())
                .containsExactly(
                        new Deficit("ASSESSMENT", DeficitSeverity.PRONOUNCED),
                        new Deficit("READING_LITERACY", DeficitSeverity.PARTIAL));
    }

    @Test
    void anInstrumentMayOverrideTheThresholdsForAllOrForOneCompetency() {
        Instrument strict = Instrument.percentScale("strict", List.of("ASSESSMENT", "SUBJECT_KNOWLEDGE"))
                .withThresholds(LevelThresholds.of("70", "85", "95"));
        Instrument mixed = strict.withThresholds("SUBJECT_KNOWLEDGE", LevelThresholds.of("50", "70", "85"));
        List<RawScore> scores = List.of(
                new RawScore("ASSESSMENT", new BigDecimal("65")),
                new RawScore("SUBJECT_KNOWLEDGE", new BigDecimal("65")));

        assertThat(scorer.score(strict, "TEACHER", scores).scored())
                .extracting(ScoredCompetency::competencyCode, ScoredCompetency::level)
                .containsExactly(
                        tuple("ASSESSMENT", CompetencyLevel.BELOW_BASIC),
                        tuple("SUBJECT_KNOWLEDGE", CompetencyLevel.BELOW_BASIC));
        assertThat(scorer.score(mixed, "TEACHER", scores).deficits())
                .containsExactly(
                        new Deficit("ASSESSMENT", DeficitSeverity.PRONOUNCED),
                        new Deficit("SUBJECT_KNOWLEDGE", DeficitSeverity.PARTIAL));
    }

    @Test
    void scoresOutsideZeroToTheMaximumAreRefusedWithTheRangeAndTheRestIsScored() {
        Instrument instrument = Instrument.of(
                "fr-test-2025",
                Map.of(
                        "ASSESSMENT",
                        new BigDecimal("20"),
                        "READING_LITERACY",
                        new BigDecimal("20"),
                        "SUBJECT_KNOWLEDGE",
                        new BigDecimal("20")));

        ScoringOutcome outcome = scorer.score(
                instrument,
                "TEACHER",
                List.of(
                        new RawScore("ASSESSMENT", new BigDecimal("21")),
                        new RawScore("READING_LITERACY", new BigDecimal("-0.5")),
                        new RawScore("SUBJECT_KNOWLEDGE", new BigDecimal("20"))));

        assertThat(outcome.rejected())
                .extracting(ScoreRejection::index, ScoreRejection::competencyCode, ScoreRejection::reason)
                .containsExactly(
                        tuple(0, "ASSESSMENT", Reason.OUT_OF_RANGE), tuple(1, "READING_LITERACY", Reason.OUT_OF_RANGE));
        assertThat(outcome.rejected().get(0).message())
                .contains("21")
                .contains("0..20")
                .contains("fr-test-2025");
        assertThat(outcome.results())
                .containsExactly(new CompetencyResult(
                        "SUBJECT_KNOWLEDGE", new BigDecimal("20"), new BigDecimal("20"), CompetencyLevel.HIGH));
        assertThat(outcome.deficits()).isEmpty();
    }

    @Test
    void managementCompetenciesAreNeverATeachersDeficit() {
        Instrument instrument = Instrument.percentScale(
                "management-2025", List.of("EDUCATION_QUALITY_MANAGEMENT", "STAFF_DEVELOPMENT", "ASSESSMENT"));
        List<RawScore> scores = List.of(
                new RawScore("EDUCATION_QUALITY_MANAGEMENT", new BigDecimal("40")),
                new RawScore("STAFF_DEVELOPMENT", new BigDecimal("70")),
                new RawScore("ASSESSMENT", new BigDecimal("30")));

        ScoringOutcome teacher = scorer.score(instrument, "TEACHER", scores);

        assertThat(teacher.deficits()).containsExactly(new Deficit("ASSESSMENT", DeficitSeverity.PRONOUNCED));
        assertThat(teacher.rejected())
                .extracting(ScoreRejection::competencyCode, ScoreRejection::reason)
                .containsExactly(
                        tuple("EDUCATION_QUALITY_MANAGEMENT", Reason.NOT_APPLICABLE_TO_POSITION),
                        tuple("STAFF_DEVELOPMENT", Reason.NOT_APPLICABLE_TO_POSITION));
        assertThat(teacher.rejected().get(0).message()).contains("TEACHER").contains("no deficit");
    }

    @Test
    void aDirectorIsScoredOnManagementAndNotOnTeachingASubject() {
        Instrument instrument = Instrument.percentScale(
                "management-2025",
                List.of("EDUCATION_QUALITY_MANAGEMENT", "MENTORING_SYSTEM_MANAGEMENT", "SUBJECT_METHODOLOGY"));

        ScoringOutcome director = scorer.score(
                instrument,
                "DIRECTOR",
                List.of(
                        new RawScore("EDUCATION_QUALITY_MANAGEMENT", new BigDecimal("40")),
                        new RawScore("MENTORING_SYSTEM_MANAGEMENT", new BigDecimal("95")),
                        new RawScore("SUBJECT_METHODOLOGY", new BigDecimal("10"))));

        assertThat(director.deficits())
                .containsExactly(new Deficit("EDUCATION_QUALITY_MANAGEMENT", DeficitSeverity.PRONOUNCED));
        assertThat(director.scored())
                .extracting(ScoredCompetency::competencyCode)
                .containsExactly("EDUCATION_QUALITY_MANAGEMENT", "MENTORING_SYSTEM_MANAGEMENT");
        assertThat(director.rejected())
                .singleElement()
                .extracting(ScoreRejection::competencyCode, ScoreRejection::reason)
                .containsExactly("SUBJECT_METHODOLOGY", Reason.NOT_APPLICABLE_TO_POSITION);
    }

    @Test
    void unknownUnmeasuredDuplicatedAndIncompleteScoresAreEachRefusedWithTheirReason() {
        Instrument instrument = Instrument.percentScale("municipal-2025", List.of("ASSESSMENT", "READING_LITERACY"));

        ScoringOutcome outcome = scorer.score(
                instrument,
                "TEACHER",
                Arrays.asList(
                        new RawScore("ASTROLOGY", new BigDecimal("50")),
                        new RawScore("GLOBAL_COMPETENCE", new BigDecimal("50")),
                        new RawScore("READING_LITERACY", new BigDecimal("50")),
                        new RawScore("READING_LITERACY", new BigDecimal("90")),
                        new RawScore("ASSESSMENT", null),
                        null));

        assertThat(outcome.scored()).isEmpty();
        assertThat(outcome.rejected())
                .extracting(ScoreRejection::index, ScoreRejection::reason)
                .containsExactly(
                        tuple(0, Reason.UNKNOWN_COMPETENCY),
                        tuple(1, Reason.NOT_MEASURED_BY_INSTRUMENT),
                        tuple(2, Reason.DUPLICATE),
                        tuple(3, Reason.DUPLICATE),
                        tuple(4, Reason.MISSING_VALUE),
                        tuple(5, Reason.MISSING_VALUE));
    }

    @Test
    void aPositionOutsideTheFrameworkIsTheCallersError() {
        Instrument instrument = Instrument.percentScale("municipal-2025", List.of("ASSESSMENT"));

        assertThatIllegalArgumentException()
                .isThrownBy(() -> scorer.score(instrument, "ASTRONAUT", List.of()))
                .withMessageContaining("ASTRONAUT")
                .withMessageContaining("TEACHER");
    }

    @Test
    void anInstrumentNeedsPositiveMaximaAndThresholdsOnlyForWhatItMeasures() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Instrument.of("broken", Map.of("ASSESSMENT", BigDecimal.ZERO)));
        assertThatIllegalArgumentException().isThrownBy(() -> Instrument.of("empty", Map.of()));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Instrument.percentScale("p", List.of("ASSESSMENT"))
                        .withThresholds("READING_LITERACY", LevelThresholds.R201));
    }
}
