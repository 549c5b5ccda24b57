package ru.msp.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class ProgressReportTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void printsOneLinePerIntervalWithTheCountAndTheRateSinceTheLastLine() {
        Locale before = Locale.getDefault();
        Locale.setDefault(Locale.ROOT);
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            ProgressReport progress = new ProgressReport(
                    "results counted", 100_000, Duration.ofSeconds(30), 5 * SECOND, new PrintStream(bytes, true));
            progress.seen(600, 6 * SECOND); // already done when the wait began: not part of the first rate
            progress.seen(900, 34 * SECOND);
            progress.seen(1_200, 35 * SECOND); // 30 s after the start: the first line
            progress.seen(1_500, 50 * SECOND);
            progress.seen(2_400, 65 * SECOND); // 30 s after the first line
            progress.seen(2_500, 66 * SECOND);

            String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
            assertThat(lines)
                    .containsExactly(
                            "  ... 0:30 results counted: 1,200 of 100,000 (20.0/s over the last 30 s)",
                            "  ... 1:00 results counted: 2,400 of 100,000 (40.0/s over the last 30 s)");
        } finally {
            Locale.setDefault(before);
        }
    }
}
