package ru.msp.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;

class CliArgsTest {

    private static final Set<String> ALLOWED = Set.of("cache-mb", "compact-fill-rate");

    @Test
    void aPercentIsAWholeNumberFromZeroToAHundred() {
        assertThat(CliArgs.parse(new String[] {"--compact-fill-rate", "0"}, ALLOWED)
                        .getPercent("compact-fill-rate", 90))
                .isZero();
        assertThat(CliArgs.parse(new String[] {"--compact-fill-rate", "100"}, ALLOWED)
                        .getPercent("compact-fill-rate", 90))
                .isEqualTo(100);
        assertThat(CliArgs.parse(new String[] {}, ALLOWED).getPercent("compact-fill-rate", 90))
                .isEqualTo(90);
        assertThatThrownBy(() -> CliArgs.parse(new String[] {"--compact-fill-rate", "101"}, ALLOWED)
                        .getPercent("compact-fill-rate", 90))
                .hasMessageContaining("from 0 to 100");
        assertThatThrownBy(() -> CliArgs.parse(new String[] {"--compact-fill-rate", "-1"}, ALLOWED)
                        .getPercent("compact-fill-rate", 90))
                .hasMessageContaining("from 0 to 100");
        assertThatThrownBy(() -> CliArgs.parse(new String[] {"--compact-fill-rate", "half"}, ALLOWED)
                        .getPercent("compact-fill-rate", 90))
                .hasMessageContaining("whole number");
    }

    @Test
    void aSizeMustBePositive() {
        assertThat(CliArgs.parse(new String[] {"--cache-mb", "512"}, ALLOWED).getPositive("cache-mb", 256))
                .isEqualTo(512);
        assertThatThrownBy(() ->
                        CliArgs.parse(new String[] {"--cache-mb", "0"}, ALLOWED).getPositive("cache-mb", 256))
                .hasMessageContaining("positive");
    }
}
