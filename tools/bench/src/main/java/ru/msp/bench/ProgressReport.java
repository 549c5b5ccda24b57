package ru.msp.bench;

import java.io.PrintStream;
import java.time.Duration;

/**
 * A line every so often while the benchmark waits, so that whoever runs a long run (100,000 results take most of
 * an hour on two cores) sees where it is and how fast it moves, instead of an hour of silence before the table.
 */
final class ProgressReport {

    private final String what;
    private final long of;
    private final long everyNanos;
    private final long startedAt;
    private final PrintStream out;
    private long lastPrintedAt;
    private long lastPrinted = -1; // the count at the last line; the first count seen until then

    /** {@code what} names the count, e.g. "results counted in indicators"; {@code of} is where it ends. */
    ProgressReport(String what, long of, Duration every, long nowNanos, PrintStream out) {
        this.what = what;
        this.of = of;
        this.everyNanos = every.toNanos();
        this.startedAt = nowNanos;
        this.lastPrintedAt = nowNanos;
        this.out = out;
    }

    /** Records the count seen at {@code nowNanos} (System.nanoTime); prints a line once per interval. */
    void seen(long done, long nowNanos) {
        if (lastPrinted < 0) {
            lastPrinted = done; // a wait may begin with part done: the first line's rate is of what moved since
        }
        if (nowNanos - lastPrintedAt < everyNanos) {
            return;
        }
        double seconds = (nowNanos - lastPrintedAt) / 1e9;
        out.printf(
                "  ... %s %s: %,d of %,d (%.1f/s over the last %.0f s)%n",
                clock(nowNanos - startedAt), what, done, of, (done - lastPrinted) / seconds, seconds);
        out.flush();
        lastPrintedAt = nowNanos;
        lastPrinted = done;
    }

    private static String clock(long nanos) {
        long seconds = nanos / 1_000_000_000L;
        return String.format("%d:%02d", seconds / 60, seconds % 60);
    }
}
