package ru.msp.diagnostics.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import ru.msp.contracts.CompetencyLevel;

class LevelThresholdsTest {

    @ParameterizedTest(name = "{0}% is {1}")
    @CsvSource({
        "0, BELOW_BASIC",
        "59.9, BELOW_BASIC",
        "59.9999, BELOW_BASIC",
        "60, BASIC",
        "60.0, BASIC",
        "75, BASIC",
        "80, BASIC",
        "80.00, BASIC",
        "80.0001, ADVANCED",
        "80.1, ADVANCED",
        "90, ADVANCED",
        "90.0, ADVANCED",
        "90.1, HIGH",
        "100, HIGH"
    })
    void r201BandsOnTheHundredPointScale(String percent, CompetencyLevel level) {
        assertThat(LevelThresholds.R201.levelOfPercent(new BigDecimal(percent))).isEqualTo(level);
    }

    @ParameterizedTest(name = "{0} of {1} is {2}")
    @CsvSource({
        "11, 20, BELOW_BASIC", // 55%
        "15, 20, BASIC", // 75%
        "12, 20, BASIC", // exactly 60%
        "16, 20, BASIC", // exactly 80%
        "17, 20, ADVANCED", // 85%
        "18, 20, ADVANCED", // exactly 90%
        "19, 20, HIGH", // 95%
        "599, 1000, BELOW_BASIC", // 59.9%
        "801, 1000, ADVANCED", // 80.1%
        "901, 1000, HIGH", // 90.1%
        "2, 3, BASIC", // 66.67%: a repeating decimal is compared exactly, not rounded
        "161, 200, ADVANCED" // 80.5%
    })
    void rawScoresAreBandedOnTheirShareOfTheMaximum(String score, String max, CompetencyLevel level) {
        assertThat(LevelThresholds.R201.levelOf(new BigDecimal(score), new BigDecimal(max)))
                .isEqualTo(level);
    }

    @Test
    void anInstrumentsOwnThresholdsMoveTheBands() {
        LevelThresholds lenient = LevelThresholds.of("50", "70", "85");

        assertThat(lenient.levelOfPercent(new BigDecimal("49.9"))).isEqualTo(CompetencyLevel.BELOW_BASIC);
        assertThat(lenient.levelOfPercent(new BigDecimal("50"))).isEqualTo(CompetencyLevel.BASIC);
        assertThat(lenient.levelOfPercent(new BigDecimal("59.9"))).isEqualTo(CompetencyLevel.BASIC);
        assertThat(lenient.levelOfPercent(new BigDecimal("70"))).isEqualTo(CompetencyLevel.BASIC);
        assertThat(lenient.levelOfPercent(new BigDecimal("70.1"))).isEqualTo(CompetencyLevel.ADVANCED);
        assertThat(lenient.levelOfPercent(new BigDecimal("85"))).isEqualTo(CompetencyLevel.ADVANCED);
        assertThat(lenient.levelOfPercent(new BigDecimal("85.1"))).isEqualTo(CompetencyLevel.HIGH);
    }

    @Test
    void thresholdsMustRiseStrictlyInsideZeroToHundred() {
        assertThatIllegalArgumentException().isThrownBy(() -> LevelThresholds.of("80", "60", "90"));
        assertThatIllegalArgumentException().isThrownBy(() -> LevelThresholds.of("60", "60", "90"));
        assertThatIllegalArgumentException().isThrownBy(() -> LevelThresholds.of("0", "80", "90"));
        assertThatIllegalArgumentException().isThrownBy(() -> LevelThresholds.of("60", "80", "100"));
    }

    @Test
    void aScoreOutsideZeroToMaximumIsNotBanded() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> LevelThresholds.R201.levelOf(new BigDecimal("21"), new BigDecimal("20")));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> LevelThresholds.R201.levelOf(new BigDecimal("-1"), new BigDecimal("20")));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> LevelThresholds.R201.levelOf(BigDecimal.ZERO, BigDecimal.ZERO));
    }
}
