package ru.msp.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Resident memory of the platform's processes sampled at a fixed interval while results flow, so a sustained run
 * shows whether memory is flat: a peak alone cannot tell a heap that filled once from one that keeps growing. The
 * verdict compares the last sample with the one at the middle of the run (the first half includes JVM heaps and the
 * store's page cache filling up after a fresh start).
 */
final class MemoryTimeline {

    /** One sample: seconds since the start and each process's resident MiB. */
    record Sample(double seconds, Map<String, Long> residentMiB) {
        long total() {
            return residentMiB.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private final Supplier<Map<String, Long>> reader;
    private final List<Sample> samples = new ArrayList<>();
    private ScheduledExecutorService sampler;
    private long started;

    MemoryTimeline(Supplier<Map<String, Long>> reader) {
        this.reader = reader;
    }

    /** Reads the processes {@code ./platform up} recorded under {@code platformDir/run}. */
    static MemoryTimeline of(Path platformDir) {
        return new MemoryTimeline(() -> {
            Map<String, Long> resident = new TreeMap<>();
            ProcessMemory.read(platformDir).forEach((name, usage) -> resident.put(name, usage.currentMiB()));
            return resident;
        });
    }

    synchronized void start(long intervalSeconds) {
        started = System.nanoTime();
        sampler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "memory-timeline");
            thread.setDaemon(true);
            return thread;
        });
        sampler.scheduleAtFixedRate(this::sample, 0, intervalSeconds, TimeUnit.SECONDS);
    }

    /** Takes a last sample and stops sampling. */
    synchronized void stop() {
        if (sampler != null) {
            sampler.shutdownNow();
            sampler = null;
        }
        sample();
    }

    synchronized void add(Sample sample) {
        samples.add(sample);
    }

    private void sample() {
        add(new Sample((System.nanoTime() - started) / 1e9, reader.get()));
    }

    /**
     * The samples and, per process and in total, the growth from the middle sample to the last one (MiB) and its
     * rate (MiB per minute); empty with fewer than three samples.
     */
    synchronized Map<String, Object> report() {
        Map<String, Object> report = new LinkedHashMap<>();
        List<Map<String, Object>> series = new ArrayList<>();
        for (Sample s : samples) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("seconds", Math.round(s.seconds()));
            row.put("totalMiB", s.total());
            row.putAll(s.residentMiB());
            series.add(row);
        }
        report.put("samples", series);
        if (samples.size() < 3) {
            return report;
        }
        Sample middle = samples.get(samples.size() / 2);
        Sample last = samples.get(samples.size() - 1);
        double minutes = Math.max(1e-9, (last.seconds() - middle.seconds()) / 60);
        Map<String, Object> growth = new LinkedHashMap<>();
        growth.put("fromSecond", Math.round(middle.seconds()));
        growth.put("toSecond", Math.round(last.seconds()));
        growth.put("totalMiB", last.total() - middle.total());
        growth.put("totalMiBPerMinute", Math.round(10 * (last.total() - middle.total()) / minutes) / 10.0);
        Map<String, Long> perProcess = new TreeMap<>();
        last.residentMiB().forEach((name, mib) -> {
            Long before = middle.residentMiB().get(name);
            if (before != null) {
                perProcess.put(name, mib - before);
            }
        });
        growth.put("perProcessMiB", perProcess);
        report.put("secondHalfGrowth", growth);
        return report;
    }
}
