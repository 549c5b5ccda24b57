package ru.msp.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The whole platform started with {@code ./platform up} as a developer would, every service its own JVM, on ports
 * and a state folder of its own so it never touches a developer's running platform.
 */
final class RunningPlatform {

    /**
     * {@code -De2e.running=true}: use the developer's platform already running on the default ports with its state
     * in {@code .platform} (e.g. to run the browser test against it); nothing is started, cleaned or stopped.
     */
    static final boolean EXTERNAL = Boolean.getBoolean("e2e.running");

    static final int GATEWAY_PORT = EXTERNAL ? 8080 : Integer.getInteger("e2e.port-base", 18080);
    private static final String[] SERVICES = {"gateway", "teacher", "diagnostics", "route", "events", "indicators"};

    private static RunningPlatform shared;

    private final Path root;
    private final Path state;

    /**
     * The one platform of this test JVM: started from an empty state on first use (with the demo data 'up' loads),
     * stopped when the JVM ends. Every e2e class uses it, so the suite pays for one start.
     */
    static synchronized RunningPlatform shared() {
        if (shared == null && EXTERNAL) {
            shared = new RunningPlatform();
        }
        if (shared == null) {
            RunningPlatform platform = new RunningPlatform();
            platform.clean();
            Runtime.getRuntime().addShutdownHook(new Thread(platform::down, "platform-down"));
            platform.up();
            shared = platform;
        }
        return shared;
    }

    RunningPlatform() {
        root = repositoryRoot();
        state = EXTERNAL ? root.resolve(".platform") : root.resolve("tools/e2e-tests/target/platform");
    }

    String gateway() {
        return "http://127.0.0.1:" + GATEWAY_PORT;
    }

    /** Forgets the state of an earlier run: each run starts from an empty platform. */
    void clean() {
        try (var paths = Files.exists(state) ? Files.walk(state) : Stream.<Path>empty()) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    void up() {
        run(List.of("up"), 300);
    }

    void down() {
        run(List.of("down"), 180);
    }

    /** A token from the platform's own token command. */
    String token(String... arguments) {
        List<String> command = new ArrayList<>(List.of("token"));
        command.addAll(List.of(arguments));
        return run(command, 60).strip();
    }

    long pid(String service) throws IOException {
        return Long.parseLong(
                Files.readString(state.resolve("run/" + service + ".pid")).strip());
    }

    private String run(List<String> arguments, int timeoutSeconds) {
        List<String> command = new ArrayList<>(List.of(root.resolve("platform").toString()));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile());
        builder.environment().putAll(environment());
        builder.redirectErrorStream(false);
        try {
            Path stderr = Files.createTempFile("platform-", ".err");
            builder.redirectError(stderr.toFile());
            Process process = builder.start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException(
                        "./platform " + String.join(" ", arguments) + " failed:\n" + out + Files.readString(stderr));
            }
            System.out.print(arguments.get(0).equals("token") ? "" : out);
            return out;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Map<String, String> environment() {
        Map<String, String> env = new HashMap<>();
        env.put("MSP_PLATFORM_DIR", state.toString());
        if (EXTERNAL) {
            return env;
        }
        env.put("MSP_SKIP_BUILD", "1"); // the reactor built every jar before this module's tests
        env.put("MSP_DEMO_SCALE", "SMALL"); // 'up' loads the demo on first start; small keeps the suite quick
        for (int i = 0; i < SERVICES.length; i++) {
            env.put("MSP_" + SERVICES[i].toUpperCase() + "_PORT", String.valueOf(GATEWAY_PORT + i));
        }
        env.put("MSP_MONGO_PORT", String.valueOf(GATEWAY_PORT + 10));
        env.put("MSP_KAFKA_PORT", String.valueOf(GATEWAY_PORT + 11));
        env.put("MSP_KAFKA_CONTROLLER_PORT", String.valueOf(GATEWAY_PORT + 12));
        return env;
    }

    private static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("platform"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException(
                    "the platform script was not found above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }
}
