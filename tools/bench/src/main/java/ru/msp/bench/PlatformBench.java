package ru.msp.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.HdrHistogram.Histogram;
import ru.msp.demo.GatewayClient;

/**
 * The platform benchmark ({@code ./platform bench}): posts N teachers and N diagnostic results through the gateway,
 * flat out or at a given rate, and reports how fast they were accepted, how long until the municipality's diagnosed
 * share counted all N, the latency from a result's acceptance to its count (HdrHistogram), the routes suggested,
 * errors, each process's peak resident memory and its resident memory every 10 s while results flow (growth from
 * the middle of the run to its end tells flat memory from a leak); then the same N records through the same Kafka broker directly,
 * as the baseline the platform's end-to-end rate is compared with. Prints a table and writes JSON.
 *
 * <pre>
 * MSP_BENCH_TOKEN=&lt;ADMIN token&gt; PlatformBench --gateway http://127.0.0.1:8080 --platform-dir .platform
 *     [--n 10000] [--rate 0 (flat out) | results per second] [--batch 1000] [--json target/bench.json]
 * </pre>
 */
public final class PlatformBench {

    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    static final String DIAGNOSED_SHARE = "DIAGNOSED_SHARE";
    static final List<String> COMPETENCIES =
            List.of("SUBJECT_KNOWLEDGE", "SUBJECT_METHODOLOGY", "ASSESSMENT", "READING_LITERACY", "DIGITAL_TEACHING");

    /** Resident memory is sampled this often from the first result until the last route. */
    static final long MEMORY_SAMPLE_SECONDS = 10;

    record Options(String gateway, Path platformDir, int n, int rate, int batch, Path json, String kafka) {}

    private final Options options;
    private final GatewayClient gateway;
    private final Map<String, Object> report = new LinkedHashMap<>();
    private final AtomicInteger errors = new AtomicInteger();
    private String regionId;
    private final List<String> errorSamples = new ArrayList<>();

    PlatformBench(Options options, String token) {
        this.options = options;
        this.gateway = new GatewayClient(options.gateway(), token);
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> given = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            given.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        String token = System.getenv("MSP_BENCH_TOKEN");
        if (token == null || token.isBlank() || args.length % 2 != 0) {
            System.err.println("usage: MSP_BENCH_TOKEN=<ADMIN token> PlatformBench --gateway URL --platform-dir DIR"
                    + " [--n 10000] [--rate 0] [--batch 1000] [--json FILE] [--kafka host:port]");
            System.exit(2);
        }
        Path platformDir = Path.of(given.getOrDefault("platform-dir", ".platform"));
        String kafka = given.getOrDefault("kafka", "127.0.0.1:" + port(platformDir, "kafka", 9092));
        Options options = new Options(
                given.getOrDefault("gateway", "http://127.0.0.1:8080"),
                platformDir,
                Integer.parseInt(given.getOrDefault("n", "10000")),
                Integer.parseInt(given.getOrDefault("rate", "0")),
                Integer.parseInt(given.getOrDefault("batch", "1000")),
                Path.of(given.getOrDefault("json", "bench-report.json")),
                kafka);
        new PlatformBench(options, token).run();
    }

    void run() throws IOException, InterruptedException {
        report.put("machine", machine());
        report.put("n", options.n());
        report.put("rate", options.rate() == 0 ? "flat out" : options.rate() + " results/s");
        String municipalityId = setUp();
        List<String> organizations = organizations(municipalityId);
        List<String> teacherIds = teachers(organizations);
        String campaignId = campaign(municipalityId);
        awaitDiagnosticsKnowTeachers(campaignId, teacherIds.size());
        double routesBefore =
                scrape("route").sum("msp_routes_suggested_total", "").orElse(0);
        MemoryTimeline memoryTimeline = MemoryTimeline.of(options.platformDir());
        memoryTimeline.start(MEMORY_SAMPLE_SECONDS);
        results(municipalityId, campaignId, teacherIds);
        double routesAfter = awaitRoutes(routesBefore, teacherIds.size());
        memoryTimeline.stop();
        report.put("memoryTimeline", memoryTimeline.report());
        report.put("routesSuggested", (long) (routesAfter - routesBefore));
        PrometheusScrape indicators = scrape("indicators");
        Map<String, Object> serviceLatency = new LinkedHashMap<>();
        serviceLatency.put(
                "count",
                indicators.sum("msp_event_to_indicator_seconds_count", "").orElse(Double.NaN));
        serviceLatency.put(
                "meanMs",
                1000
                        * indicators
                                .sum("msp_event_to_indicator_seconds_sum", "")
                                .orElse(Double.NaN)
                        / indicators
                                .sum("msp_event_to_indicator_seconds_count", "")
                                .orElse(Double.NaN));
        serviceLatency.put(
                "maxMs",
                1000 * indicators.max("msp_event_to_indicator_seconds_max", "").orElse(Double.NaN));
        report.put("eventToIndicatorInService", serviceLatency);
        report.put("errors", errors.get());
        report.put("errorSamples", errorSamples);
        Map<String, Object> memory = new LinkedHashMap<>();
        ProcessMemory.read(options.platformDir())
                .forEach((name, usage) ->
                        memory.put(name, Map.of("peakMiB", usage.peakMiB(), "currentMiB", usage.currentMiB())));
        report.put("memory", memory);
        KafkaBaseline.Result baseline = KafkaBaseline.run(options.kafka(), teacherIds.size(), 1024);
        report.put("kafkaBaseline", baseline);
        @SuppressWarnings("unchecked")
        Map<String, Object> endToEnd = (Map<String, Object>) report.get("endToEnd");
        double platformRate = (double) endToEnd.get("resultsPerSecond");
        report.put("platformToBaselineRatio", round(platformRate / baseline.recordsPerSecond(), 4));
        print();
        Files.createDirectories(options.json().toAbsolutePath().getParent());
        JSON.writeValue(options.json().toFile(), report);
        System.out.println("JSON report: " + options.json().toAbsolutePath());
    }

    // ---------------------------------------------------------------- set-up

    private String setUp() {
        String suffix = Long.toString(System.currentTimeMillis() % 100000);
        regionId = null;
        for (JsonNode region : ok("GET /api/regions", gateway.get("/api/regions"))) {
            if (region.path("code").asText().equals("99")) {
                regionId = region.path("id").asText();
            }
        }
        if (regionId == null) {
            regionId = ok("POST /api/regions", gateway.post("/api/regions", Map.of("code", "99", "name", "Бенчмарк")))
                    .path("id")
                    .asText();
        }
        return ok(
                        "POST /api/municipalities",
                        gateway.post(
                                "/api/municipalities",
                                Map.of("regionId", regionId, "name", "Бенчмарк " + suffix, "programPreset", "KOROLEV")))
                .path("id")
                .asText();
    }

    private List<String> organizations(String municipalityId) {
        List<String> ids = new ArrayList<>();
        int count = (options.n() + options.batch() - 1) / options.batch();
        for (int i = 1; i <= count; i++) {
            ids.add(ok(
                            "POST /api/organizations",
                            gateway.post(
                                    "/api/organizations",
                                    Map.of(
                                            "municipalityId",
                                            municipalityId,
                                            "name",
                                            "Школа бенчмарка № " + i,
                                            "type",
                                            "GENERAL_SCHOOL",
                                            "flags",
                                            List.of("MENTORING_MODEL"))))
                    .path("id")
                    .asText());
        }
        return ids;
    }

    /** N teachers, one import file per organisation, as school systems post them. */
    private List<String> teachers(List<String> organizations) {
        Random random = new Random(42);
        List<String> ids = new ArrayList<>();
        long started = System.nanoTime();
        int remaining = options.n();
        for (String organizationId : organizations) {
            int rows = Math.min(options.batch(), remaining);
            remaining -= rows;
            StringBuilder file = new StringBuilder();
            for (int i = 0; i < rows; i++) {
                int age = 23 + random.nextInt(40);
                LocalDate birth = LocalDate.now().minusYears(age).minusDays(random.nextInt(360));
                LocalDate start = birth.plusYears(22).plusDays(random.nextInt(300));
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("externalId", "bench-" + i);
                line.put("lastName", "Иванова");
                line.put("firstName", "Анна");
                line.put("middleName", "Сергеевна");
                line.put("position", "TEACHER");
                line.put("subjects", List.of("Математика"));
                line.put("birthDate", birth.toString());
                line.put("pedagogicalStartDate", start.toString());
                // a category needs the date it was awarded (teacher-service refuses one without)
                boolean category = start.plusYears(3).isBefore(LocalDate.now());
                line.put("category", category ? "FIRST" : "NONE");
                line.put("categoryDate", category ? start.plusYears(3).toString() : null);
                file.append(write(line)).append('\n');
            }
            JsonNode answer = ok(
                    "POST /api/teachers/import",
                    gateway.postRaw(
                            "/api/teachers/import?organizationId=" + enc(organizationId),
                            "application/x-ndjson",
                            file.toString()));
            for (JsonNode row : answer.path("rows")) {
                if (row.hasNonNull("teacherId")) {
                    ids.add(row.path("teacherId").asText());
                } else {
                    error("teacher row " + row);
                }
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        report.put(
                "teacherIngest",
                Map.of(
                        "rows",
                        ids.size(),
                        "seconds",
                        round(seconds, 2),
                        "rowsPerSecond",
                        round(ids.size() / seconds, 0)));
        return ids;
    }

    private String campaign(String municipalityId) {
        int year = LocalDate.now().getMonthValue() >= 9
                ? LocalDate.now().getYear()
                : LocalDate.now().getYear() - 1;
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("level", "MUNICIPAL");
        body.put("operatorName", "Бенчмарк");
        body.put("regionId", regionId);
        body.put("municipalityId", municipalityId);
        body.put("schoolYear", year + "/" + (year + 1));
        body.put("startsOn", LocalDate.of(year, 9, 15).toString());
        body.put("endsOn", LocalDate.of(year + 1, 5, 31).toString());
        body.put(
                "instrument",
                Map.of(
                        "code",
                        "BENCH",
                        "competencies",
                        COMPETENCIES.stream()
                                .map(c -> Map.of("code", c, "maxScore", 100))
                                .toList()));
        body.put("target", Map.of("positions", List.of("TEACHER")));
        return ok("POST /api/diagnostics/campaigns", gateway.post("/api/diagnostics/campaigns", body))
                .path("id")
                .asText();
    }

    /** diagnostics-service learns teachers from teacher.v1: results for teachers it does not know yet are refused. */
    private void awaitDiagnosticsKnowTeachers(String campaignId, int expected) throws InterruptedException {
        long started = System.nanoTime();
        Patience patience = new Patience(QUIET, 0, started);
        ProgressReport known = progress("teachers known to diagnostics-service", expected, started);
        int target = 0;
        int failedReads = 0;
        while (patience.stillMoving(target, System.nanoTime())) {
            GatewayClient.Answer answer = gateway.get("/api/diagnostics/campaigns/" + enc(campaignId) + "/progress");
            int read = knownTeachers(answer, -1);
            if (read < 0) {
                report.put("teachersKnownFailedReads", ++failedReads);
            } else {
                target = read;
            }
            known.seen(target, System.nanoTime());
            if (target >= expected) {
                report.put("teachersPropagatedSeconds", round((System.nanoTime() - started) / 1e9, 2));
                return;
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("diagnostics-service knows " + target + " of " + expected
                + " teachers, no more for " + patience.quiet().toMinutes() + " minutes");
    }

    /**
     * The teachers a campaign's progress answer says diagnostics-service knows, or {@code ifFailed} for an error
     * answer (under load the read can fail; a 100,000-result run once printed 0 known between 95,000s).
     */
    static int knownTeachers(GatewayClient.Answer answer, int ifFailed) {
        if (answer.status() / 100 != 2
                || answer.body() == null
                || !answer.body().has("target")) {
            return ifFailed;
        }
        return answer.body().path("target").asInt();
    }

    // ---------------------------------------------------------------- the measured part

    private void results(String municipalityId, String campaignId, List<String> teacherIds)
            throws InterruptedException {
        Random random = new Random(7);
        int batch = options.rate() == 0 ? options.batch() : Math.max(1, Math.min(options.batch(), options.rate() / 4));
        long interval = options.rate() == 0 ? 0 : (long) (1e9 * batch / options.rate());
        long started = System.nanoTime();
        resultsStarted = started;
        // watched while results are still posted: at a given rate the run lasts minutes, and a result counted while
        // the others were still being posted must not wait for the end of the posting to be seen
        IndicatorWatch watch = new IndicatorWatch(municipalityId, teacherIds.size());
        Thread watcher = new Thread(watch, "indicator-watch");
        watcher.setDaemon(true);
        watcher.start();
        Histogram postLatency = new Histogram(LONGEST_LATENCY_NANOS, 3);
        for (int from = 0; from < teacherIds.size(); from += batch) {
            long due = started + (from / batch) * interval;
            long now = System.nanoTime();
            if (due > now) {
                Thread.sleep((due - now) / 1_000_000, (int) ((due - now) % 1_000_000));
            }
            StringBuilder file = new StringBuilder();
            int to = Math.min(teacherIds.size(), from + batch);
            for (int i = from; i < to; i++) {
                List<Map<String, Object>> scores = new ArrayList<>();
                for (String competency : COMPETENCIES) {
                    scores.add(Map.of("competencyCode", competency, "percent", 35 + random.nextInt(65)));
                }
                file.append(write(Map.of(
                                "campaignId",
                                campaignId,
                                "teacherId",
                                teacherIds.get(i),
                                "sourceKind",
                                "INSTRUMENT",
                                "diagnosedOn",
                                LocalDate.now().toString(),
                                "scores",
                                scores)))
                        .append('\n');
            }
            long sent = System.nanoTime();
            GatewayClient.Answer answer =
                    gateway.postRaw("/api/diagnostics/results/import", "application/x-ndjson", file.toString());
            long done = System.nanoTime();
            postLatency.recordValue(done - sent);
            if (answer.status() != 200) {
                error("results import answered " + answer.status() + ": " + answer.raw());
                continue;
            }
            int rejected = answer.body().path("rejected").asInt();
            if (rejected > 0) {
                error(rejected + " result rows rejected, e.g. " + firstRejected(answer.body()));
            }
            watch.accepted((to - from) - rejected, done);
        }
        double ingestSeconds = (System.nanoTime() - started) / 1e9;
        int accepted = watch.acceptedSoFar();
        report.put(
                "resultIngest",
                Map.of(
                        "rows",
                        accepted,
                        "seconds",
                        round(ingestSeconds, 2),
                        "rowsPerSecond",
                        round(accepted / ingestSeconds, 0),
                        "importCallP50Ms",
                        postLatency.getValueAtPercentile(50) / 1_000_000,
                        "importCallP99Ms",
                        postLatency.getValueAtPercentile(99) / 1_000_000));
        watch.ingestDone();
        watcher.join();
        watch.report(started);
    }

    /**
     * Polls the municipality's diagnosed share from the first result on, until it counts every accepted result. Each
     * poll that sees the numerator rise to k counts the next accepted results (in acceptance order) as reflected
     * then: their latency is that moment minus the end of the import call that accepted them (an upper bound by at
     * most one poll interval).
     */
    private final class IndicatorWatch implements Runnable {
        private final String municipalityId;
        private final long[] acceptedAt;
        private final Histogram latency = new Histogram(LONGEST_LATENCY_NANOS, 3);
        private final ProgressReport progress;
        private volatile int accepted;
        private volatile boolean ingestDone;
        private int reflected;

        IndicatorWatch(String municipalityId, int n) {
            this.municipalityId = municipalityId;
            this.acceptedAt = new long[n];
            this.progress = progress("results counted in indicators", n, System.nanoTime());
        }

        /** Called by the posting thread only, in acceptance order. */
        void accepted(int rows, long at) {
            int from = accepted;
            java.util.Arrays.fill(acceptedAt, from, from + rows, at);
            accepted = from + rows; // published after the times are written
        }

        int acceptedSoFar() {
            return accepted;
        }

        void ingestDone() {
            ingestDone = true;
        }

        @Override
        public void run() {
            // while results are posted the watch waits in any case; after the last one, as long as the count moves
            Patience patience = null;
            try {
                while (!(ingestDone && reflected >= accepted)) {
                    if (ingestDone) {
                        if (patience == null) {
                            patience = new Patience(QUIET, reflected, System.nanoTime());
                        } else if (!patience.stillMoving(reflected, System.nanoTime())) {
                            break;
                        }
                    }
                    JsonNode values = gateway.get("/api/indicators?scope=municipality:" + enc(municipalityId))
                            .body();
                    long now = System.nanoTime();
                    long numerator = numerator(values, DIAGNOSED_SHARE);
                    int known = accepted;
                    while (reflected < Math.min(numerator, known)) {
                        latency.recordValue(Math.max(0, now - acceptedAt[reflected]));
                        reflected++;
                    }
                    progress.seen(reflected, now);
                    Thread.sleep(100);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                error("watching the indicators failed: " + e);
            }
        }

        void report(long started) {
            double seconds = (System.nanoTime() - started) / 1e9;
            if (reflected < accepted) {
                error("indicators counted " + reflected + " of " + accepted + " results, no more for "
                        + QUIET.toMinutes() + " minutes");
            }
            Map<String, Object> endToEnd = new LinkedHashMap<>();
            endToEnd.put("results", reflected);
            endToEnd.put("secondsUntilAllCounted", round(seconds, 2));
            endToEnd.put("resultsPerSecond", round(reflected / seconds, 1));
            endToEnd.put("acceptedToCountedP50Ms", latency.getValueAtPercentile(50) / 1_000_000);
            endToEnd.put("acceptedToCountedP99Ms", latency.getValueAtPercentile(99) / 1_000_000);
            endToEnd.put("acceptedToCountedMaxMs", latency.getMaxValue() / 1_000_000);
            report.put("endToEnd", endToEnd);
        }
    }

    /** How long the platform may show no progress before the benchmark gives up waiting for it. */
    static final Duration QUIET = Duration.ofMinutes(5);

    /** How often a line says where a wait stands. */
    static final Duration PROGRESS_EVERY = Duration.ofSeconds(30);

    /** The histograms' range: a day (an hour was too close to what a 100,000-result run takes). */
    static final long LONGEST_LATENCY_NANOS = Duration.ofDays(1).toNanos();

    private static ProgressReport progress(String what, long of, long nowNanos) {
        return new ProgressReport(what, of, PROGRESS_EVERY, nowNanos, System.out);
    }

    /** When the results import began: the routes' time is measured from it, as the indicators' is. */
    private long resultsStarted;

    private double awaitRoutes(double before, int expected) throws InterruptedException {
        double last = before;
        long lastMoved = System.nanoTime();
        int stableFor = 0;
        ProgressReport progress = progress("routes suggested", expected, lastMoved);
        // Not every result has a deficit: wait until the counter stops moving (10 s: a busy route-service pauses
        // for seconds between polls) rather than for N routes; it cannot move for ever, at most N times.
        while (stableFor < 40) {
            double now = scrape("route").sum("msp_routes_suggested_total", "").orElse(before);
            if (now != last) {
                lastMoved = System.nanoTime();
            }
            stableFor = now == last ? stableFor + 1 : 0;
            last = now;
            progress.seen((long) (now - before), System.nanoTime());
            if (now - before >= expected) {
                break;
            }
            Thread.sleep(250);
        }
        report.put("routesSecondsAfterResultsStarted", round((lastMoved - resultsStarted) / 1e9, 2));
        return last;
    }

    // ---------------------------------------------------------------- report

    private void print() {
        System.out.println();
        System.out.println("Platform benchmark — " + report.get("machine"));
        System.out.printf("%-44s %s%n", "N", report.get("n"));
        System.out.printf("%-44s %s%n", "rate", report.get("rate"));
        row("teacher ingest", report.get("teacherIngest"));
        System.out.printf(
                "%-44s %s s%n", "teachers known to diagnostics after", report.get("teachersPropagatedSeconds"));
        row("result ingest", report.get("resultIngest"));
        row("end to end (accepted → counted in indicators)", report.get("endToEnd"));
        row("event → indicator inside indicators-service", report.get("eventToIndicatorInService"));
        System.out.printf("%-44s %s%n", "routes suggested", report.get("routesSuggested"));
        System.out.printf(
                "%-44s %s%n", "last route, s after results began", report.get("routesSecondsAfterResultsStarted"));
        System.out.printf("%-44s %s%n", "errors", report.get("errors"));
        row("Kafka baseline (same broker, direct)", report.get("kafkaBaseline"));
        System.out.printf("%-44s %s%n", "platform / baseline rate", report.get("platformToBaselineRatio"));
        System.out.println("peak resident memory (MiB):");
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> memory = (Map<String, Map<String, Object>>) report.get("memory");
        long total = 0;
        for (var entry : memory.entrySet()) {
            System.out.printf(
                    "  %-14s peak %5s   now %5s%n",
                    entry.getKey(),
                    entry.getValue().get("peakMiB"),
                    entry.getValue().get("currentMiB"));
            total += (long) entry.getValue().get("peakMiB");
        }
        System.out.printf("  %-14s peak %5s%n", "total", total);
        @SuppressWarnings("unchecked")
        Map<String, Object> timeline = (Map<String, Object>) report.get("memoryTimeline");
        System.out.printf(
                "%-44s %s%n",
                "resident memory, middle → end of the run",
                timeline.getOrDefault("secondHalfGrowth", "too short to tell"));
    }

    private static void row(String label, Object value) {
        System.out.printf("%-44s %s%n", label, value);
    }

    // ---------------------------------------------------------------- plumbing

    private JsonNode ok(String what, GatewayClient.Answer answer) {
        return gateway.expectOk(what, answer);
    }

    private PrometheusScrape scrape(String service) {
        return PrometheusScrape.of("http://127.0.0.1:" + port(options.platformDir(), service, 0));
    }

    private synchronized void error(String what) {
        errors.incrementAndGet();
        if (errorSamples.size() < 10) {
            errorSamples.add(what.length() > 400 ? what.substring(0, 400) : what);
        }
    }

    private static long numerator(JsonNode values, String code) {
        if (values == null) {
            return 0;
        }
        JsonNode list = values.isArray() ? values : values.path("values");
        for (JsonNode value : list) {
            if (code.equals(value.path("indicatorCode").asText())) {
                return value.path("numerator").asLong();
            }
        }
        return 0;
    }

    private static String firstRejected(JsonNode report) {
        for (JsonNode row : report.path("rows")) {
            if ("REJECTED".equals(row.path("outcome").asText())) {
                return row.toString();
            }
        }
        return "?";
    }

    static int port(Path platformDir, String name, int fallback) {
        try {
            return Integer.parseInt(Files.readString(platformDir.resolve("run/" + name + ".port"))
                    .strip());
        } catch (IOException | NumberFormatException e) {
            return fallback;
        }
    }

    private static String machine() {
        return Runtime.getRuntime().availableProcessors() + " cores, "
                + (Runtime.getRuntime().maxMemory() > 0 ? osMemory() : "") + System.getProperty("os.name") + " "
                + System.getProperty("os.arch") + ", Java " + System.getProperty("java.version");
    }

    private static String osMemory() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    long kib = Long.parseLong(line.replaceAll("\\D", ""));
                    return (kib / 1024 / 1024) + " GiB RAM, ";
                }
            }
        } catch (IOException e) {
            // not Linux
        }
        return "";
    }

    private static String write(Object value) {
        try {
            return new ObjectMapper().writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static double round(double value, int digits) {
        double scale = Math.pow(10, digits);
        return Math.round(value * scale) / scale;
    }
}
