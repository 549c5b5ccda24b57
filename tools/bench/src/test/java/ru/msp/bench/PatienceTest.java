package ru.msp.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PatienceTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void waitsAsLongAsTheProgressMovesHoweverLongThatIs() {
        Patience patience = new Patience(Duration.ofMinutes(3), 0, 0);
        for (int minute = 1; minute <= 60; minute++) {
            assertThat(patience.stillMoving(minute * 1_000L, minute * 60 * SECOND))
                    .as("minute %d", minute)
                    .isTrue();
        }
    }

    @Test
    void givesUpAfterAQuietSpellWithoutProgress() {
        Patience patience = new Patience(Duration.ofMinutes(3), 0, 0);
        assertThat(patience.stillMoving(500, 60 * SECOND)).isTrue();
        assertThat(patience.stillMoving(500, 239 * SECOND))
                .as("quiet for 179 s")
                .isTrue();
        assertThat(patience.stillMoving(500, 240 * SECOND))
                .as("quiet for 180 s")
                .isFalse();
    }

    @Test
    void nothingEverMovingCountsFromTheStart() {
        Patience patience = new Patience(Duration.ofSeconds(10), 7, 100 * SECOND);
        assertThat(patience.stillMoving(7, 109 * SECOND)).isTrue();
        assertThat(patience.stillMoving(7, 110 * SECOND)).isFalse();
        assertThat(patience.quiet()).isEqualTo(Duration.ofSeconds(10));
    }
}
