package ru.msp.demo;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Posts the demo population through the gateway, the same public API a school system uses. Re-running it is
 * harmless: what exists (by region code, municipality name, organisation external id) is reused, and every write
 * carries an idempotency key derived from its body.
 *
 * <pre>
 * java -cp tools/demo/target/classes:tools/demo/target/lib/* ru.msp.demo.DemoLoader
 *      --gateway http://127.0.0.1:8080 [--seed 2026] [--scale SMALL|STANDARD|LARGE]
 * </pre>
 *
 * The bearer token (ADMIN) comes from the environment variable {@code MSP_DEMO_TOKEN}; {@code ./platform demo} makes
 * one with the local signing key. Exit codes: 0 loaded, 1 the platform refused or failed, 2 bad arguments.
 */
public final class DemoLoader {

    private final GatewayClient gateway;
    private final DemoPlan plan;
    private final Map<String, Integer> counts = new LinkedHashMap<>();

    DemoLoader(GatewayClient gateway, DemoPlan plan) {
        this.gateway = gateway;
        this.plan = plan;
    }

    public static void main(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                usage("unexpected argument " + args[i]);
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        if (args.length % 2 != 0) {
            usage("every option needs a value");
        }
        String token = System.getenv("MSP_DEMO_TOKEN");
        if (token == null || token.isBlank()) {
            usage("MSP_DEMO_TOKEN (an ADMIN bearer token) is not set");
        }
        DemoPlan.Scale scale;
        long seed;
        try {
            scale = DemoPlan.Scale.valueOf(options.getOrDefault("scale", "STANDARD"));
            seed = Long.parseLong(options.getOrDefault("seed", "2026"));
        } catch (IllegalArgumentException e) {
            usage(e.getMessage());
            return;
        }
        LocalDate today =
                LocalDate.parse(options.getOrDefault("today", LocalDate.now().toString()));
        DemoPlan plan = DemoPlan.generate(seed, scale, today);
        GatewayClient gateway = new GatewayClient(options.getOrDefault("gateway", "http://127.0.0.1:8080"), token);
        try {
            long started = System.nanoTime();
            Map<String, Integer> loaded = new DemoLoader(gateway, plan).load();
            System.out.printf(
                    "demo: loaded seed %d (%s) in %.1f s: %s%n",
                    seed, scale, (System.nanoTime() - started) / 1e9, loaded);
        } catch (RuntimeException e) {
            System.err.println("demo: " + e.getMessage());
            System.exit(1);
        }
    }

    private static void usage(String problem) {
        System.err.println("demo: " + problem);
        System.err.println("usage: MSP_DEMO_TOKEN=<ADMIN token> DemoLoader --gateway URL [--seed N]"
                + " [--scale SMALL|STANDARD|LARGE] [--today YYYY-MM-DD]");
        System.exit(2);
    }

    /** Loads everything; answers what was posted, per kind. */
    Map<String, Integer> load() {
        List<Population.Municipality> population = new ArrayList<>();
        for (DemoPlan.Region region : plan.regions()) {
            String regionId = region(region);
            for (DemoPlan.Municipality municipality : region.municipalities()) {
                String municipalityId = municipality(regionId, municipality);
                Map<String, String> existing = existingOrganizations(municipalityId);
                List<Population.Organization> organizations = new ArrayList<>();
                for (DemoPlan.Organization organization : municipality.organizations()) {
                    String organizationId = existing.get(organization.externalId());
                    if (organizationId == null) {
                        organizationId = organization(municipalityId, organization);
                    }
                    organizations.add(new Population.Organization(
                            organizationId, organization, teachers(organizationId, organization.staff())));
                }
                population.add(new Population.Municipality(regionId, municipalityId, municipality, organizations));
            }
        }
        MethodicalYear year = new MethodicalYear(gateway, plan.seed(), plan.today(), this::count);
        for (Population.Municipality municipality : population) {
            year.run(municipality);
        }
        return counts;
    }

    private String region(DemoPlan.Region region) {
        for (JsonNode existing : gateway.expectOk("GET /api/regions", gateway.get("/api/regions"))) {
            if (region.code().equals(existing.path("code").asText())) {
                return existing.path("id").asText();
            }
        }
        JsonNode created = gateway.expectOk(
                "POST /api/regions " + region.code(),
                gateway.post("/api/regions", Map.of("code", region.code(), "name", region.name())));
        count("regions");
        return created.path("id").asText();
    }

    private String municipality(String regionId, DemoPlan.Municipality municipality) {
        JsonNode list = gateway.expectOk(
                "GET /api/municipalities",
                gateway.get("/api/municipalities?regionId=" + GatewayClient.query(regionId)));
        for (JsonNode existing : list) {
            if (municipality.name().equals(existing.path("name").asText())) {
                return existing.path("id").asText();
            }
        }
        JsonNode created = gateway.expectOk(
                "POST /api/municipalities " + municipality.name(),
                gateway.post(
                        "/api/municipalities",
                        Map.of(
                                "regionId",
                                regionId,
                                "name",
                                municipality.name(),
                                "programPreset",
                                municipality.programPreset())));
        count("municipalities");
        return created.path("id").asText();
    }

    private Map<String, String> existingOrganizations(String municipalityId) {
        Map<String, String> byExternalId = new HashMap<>();
        JsonNode list = gateway.expectOk(
                "GET /api/organizations",
                gateway.get("/api/organizations?municipalityId=" + GatewayClient.query(municipalityId)));
        for (JsonNode existing : list) {
            if (existing.hasNonNull("externalId")) {
                byExternalId.put(
                        existing.path("externalId").asText(),
                        existing.path("id").asText());
            }
        }
        return byExternalId;
    }

    private String organization(String municipalityId, DemoPlan.Organization organization) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("municipalityId", municipalityId);
        body.put("name", organization.name());
        body.put("shortName", organization.shortName());
        body.put("type", organization.type());
        body.put("flags", sorted(organization.flags()));
        body.put("externalId", organization.externalId());
        JsonNode created = gateway.expectOk(
                "POST /api/organizations " + organization.externalId(), gateway.post("/api/organizations", body));
        count("organizations");
        return created.path("id").asText();
    }

    /**
     * One school's staff as one import file, the way a school system posts it; re-posting the same file changes
     * nothing (rows keyed by the school's external id come back UNCHANGED with their teacher id).
     */
    private List<Population.Teacher> teachers(String organizationId, List<DemoPlan.Teacher> staff) {
        StringBuilder file = new StringBuilder();
        for (DemoPlan.Teacher teacher : staff) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("externalId", teacher.externalId());
            row.put("lastName", teacher.lastName());
            row.put("firstName", teacher.firstName());
            row.put("middleName", teacher.middleName());
            row.put("position", teacher.position());
            row.put("subjects", teacher.subjects());
            row.put("birthDate", teacher.birthDate().toString());
            row.put("pedagogicalStartDate", teacher.pedagogicalStartDate().toString());
            row.put("category", teacher.category());
            row.put(
                    "categoryDate",
                    teacher.categoryDate() == null
                            ? null
                            : teacher.categoryDate().toString());
            row.put("targetGroups", sorted(teacher.targetGroups()));
            row.put("methodicalAsset", teacher.methodicalAsset());
            row.put("expertKinds", sorted(teacher.expertKinds()));
            row.put("registryExpert", teacher.registryExpert());
            file.append(GatewayClient.json(row)).append('\n');
        }
        JsonNode report = gateway.expectOk(
                "POST /api/teachers/import",
                gateway.postRaw(
                        "/api/teachers/import?organizationId=" + GatewayClient.query(organizationId),
                        "application/x-ndjson",
                        file.toString()));
        Map<String, String> ids = new HashMap<>();
        for (JsonNode row : report.path("rows")) {
            if (row.hasNonNull("teacherId")) {
                ids.put(row.path("externalId").asText(), row.path("teacherId").asText());
            } else {
                throw new IllegalStateException("teacher-service refused a demo teacher: " + row);
            }
        }
        counts.merge("teachers", report.path("accepted").asInt(), Integer::sum);
        List<Population.Teacher> placed = new ArrayList<>();
        for (DemoPlan.Teacher teacher : staff) {
            placed.add(new Population.Teacher(ids.get(teacher.externalId()), organizationId, teacher));
        }
        return placed;
    }

    /**
     * Sets iterate in a per-JVM order; a body must be the same bytes on every run for its idempotency key to match.
     */
    private static List<String> sorted(java.util.Set<String> values) {
        return values.stream().sorted().toList();
    }

    private void count(String kind) {
        counts.merge(kind, 1, Integer::sum);
    }
}
