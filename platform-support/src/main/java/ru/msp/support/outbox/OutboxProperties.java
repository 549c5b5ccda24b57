package ru.msp.support.outbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param sweepInterval how often every outbox collection is scanned for events left behind (after a crash or while
 *     the broker was down); fresh writes are published at once through {@link OutboxRelay#nudge}
 * @param sweepBatch documents read per collection and sweep
 * @param sendTimeout how long one batch of sends may take before it counts as failed and is retried later
 * @param sweepGrace how old a pending event must be before a periodic sweep sends it: younger ones belong to writes
 *     whose nudge is still coming (an import nudges once all its rows are stored); a sweep that took them would start
 *     the consumers' work in the middle of the import, on the same cores, for events the nudge sends moments later
 * @param nudgeWindow how long the relay gathers nudges before a pass (or until 256 are in). A pass reads its documents
 *     with one query per collection and clears them with one bulk write, so under load a longer window means fewer,
 *     larger passes: 5 ms gave ~2 documents per pass to a consumer writing 40 routes a second, two store commands for
 *     every route and every recommendation. Each event waits up to the window longer before it is sent.
 */
@ConfigurationProperties("msp.outbox")
public record OutboxProperties(
        Duration sweepInterval, Integer sweepBatch, Duration sendTimeout, Duration sweepGrace, Duration nudgeWindow) {

    public OutboxProperties {
        sweepInterval = sweepInterval == null ? Duration.ofSeconds(5) : sweepInterval;
        sweepBatch = sweepBatch == null ? 500 : sweepBatch;
        sendTimeout = sendTimeout == null ? Duration.ofSeconds(30) : sendTimeout;
        sweepGrace = sweepGrace == null ? Duration.ofSeconds(10) : sweepGrace;
        nudgeWindow = nudgeWindow == null ? Duration.ofMillis(100) : nudgeWindow;
    }
}
