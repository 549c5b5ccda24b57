package ru.msp.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Peak and current resident memory of the platform's processes, read from {@code /proc/<pid>/status} (VmHWM is
 * the kernel's high-water mark of the resident set since the process started) for the pids {@code ./platform up}
 * recorded under {@code <platform dir>/run}.
 */
final class ProcessMemory {

    record Usage(long pid, long peakMiB, long currentMiB) {}

    private ProcessMemory() {}

    static Map<String, Usage> read(Path platformDir) {
        Map<String, Usage> usage = new TreeMap<>();
        Path run = platformDir.resolve("run");
        if (!Files.isDirectory(run)) {
            return usage;
        }
        try (Stream<Path> files = Files.list(run)) {
            files.filter(f -> f.getFileName().toString().endsWith(".pid")).forEach(pidFile -> {
                String name = pidFile.getFileName().toString().replace(".pid", "");
                try {
                    long pid = Long.parseLong(Files.readString(pidFile).strip());
                    Path status = Path.of("/proc", String.valueOf(pid), "status");
                    if (Files.exists(status)) {
                        String text = Files.readString(status);
                        usage.put(name, new Usage(pid, kib(text, "VmHWM:") / 1024, kib(text, "VmRSS:") / 1024));
                    }
                } catch (IOException | NumberFormatException e) {
                    // a process that just ended: left out of the table
                }
            });
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return usage;
    }

    private static long kib(String status, String field) {
        for (String line : status.split("\n")) {
            if (line.startsWith(field)) {
                return Long.parseLong(
                        line.substring(field.length()).replace("kB", "").strip());
            }
        }
        return 0;
    }
}
