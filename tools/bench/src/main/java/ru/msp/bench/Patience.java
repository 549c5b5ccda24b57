package ru.msp.bench;

import java.time.Duration;

/**
 * How long the benchmark waits for the platform: as long as it makes progress, and gives up only after a quiet spell
 * without any. A fixed deadline failed large runs that were still moving (100,000 results take longer than any
 * deadline that also catches a stuck platform in reasonable time).
 */
final class Patience {

    private final long quietNanos;
    private long lastSeen;
    private long movedAt;

    /** {@code progress} as seen at {@code nowNanos} (System.nanoTime) is where the waiting begins. */
    Patience(Duration quiet, long progress, long nowNanos) {
        this.quietNanos = quiet.toNanos();
        this.lastSeen = progress;
        this.movedAt = nowNanos;
    }

    /** Records the progress seen at {@code nowNanos}; false once it has not changed for the quiet spell. */
    boolean stillMoving(long progress, long nowNanos) {
        if (progress != lastSeen) {
            lastSeen = progress;
            movedAt = nowNanos;
        }
        return nowNanos - movedAt < quietNanos;
    }

    /** The quiet spell, for messages. */
    Duration quiet() {
        return Duration.ofNanos(quietNanos);
    }
}
