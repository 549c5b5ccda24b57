package ru.msp.teacher;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.WebTestClient;
import ru.msp.testsupport.TestTokens;

/** Registers regions, municipalities, organisations and teachers as an administrator, for tests of the registry. */
public final class RegistryFixtures {

    private static final AtomicInteger CODES = new AtomicInteger(100 + (int) (System.nanoTime() % 800));

    private final WebTestClient http;

    public RegistryFixtures(WebTestClient http) {
        this.http = http;
    }

    /**
     * A region code no other test of this JVM has used: every test class draws from this one sequence, so codes never
     * collide within the shared store (fewer than 900 regions are registered per test run).
     */
    public static String nextRegionCode() {
        return String.valueOf(100 + Math.floorMod(CODES.getAndIncrement() - 100, 900));
    }

    /** A fresh region: codes already taken (by other tests) are skipped. */
    public String region() {
        for (int attempt = 0; attempt < 900; attempt++) {
            String code = nextRegionCode();
            HttpStatus status = (HttpStatus) http.post()
                    .uri("/api/regions")
                    .header(HttpHeaders.AUTHORIZATION, TestTokens.admin())
                    .bodyValue(Map.of("code", code, "name", "Регион " + code))
                    .exchange()
                    .returnResult(String.class)
                    .getStatus();
            if (status == HttpStatus.CREATED) {
                return "reg-" + code;
            }
            if (status != HttpStatus.CONFLICT) {
                throw new IllegalStateException("cannot register a region: " + status);
            }
        }
        throw new IllegalStateException("no free region code");
    }

    public String municipality(String regionId) {
        return municipality(regionId, "Город " + UUID.randomUUID());
    }

    public String municipality(String regionId, String name) {
        return created("/api/municipalities", Map.of("regionId", regionId, "name", name));
    }

    public String organization(String municipalityId) {
        return created(
                "/api/organizations",
                Map.of(
                        "municipalityId",
                        municipalityId,
                        "name",
                        "Школа " + UUID.randomUUID(),
                        "type",
                        "GENERAL_SCHOOL"));
    }

    /** A teacher (first name Анна) of the organisation with the given position and dates; answers its id. */
    public String teacher(
            String organizationId, String lastName, String position, LocalDate birthDate, LocalDate startDate) {
        Map<String, Object> body = new HashMap<>();
        body.put("organizationId", organizationId);
        body.put("lastName", lastName);
        body.put("firstName", "Анна");
        body.put("position", position);
        body.put("birthDate", birthDate.toString());
        body.put("pedagogicalStartDate", startDate.toString());
        return created("/api/teachers", body);
    }

    /** Posts as an administrator, expects 201 and answers the new resource's id. */
    private String created(String uri, Map<String, ?> body) {
        return http.post()
                .uri(uri)
                .header(HttpHeaders.AUTHORIZATION, TestTokens.admin())
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody()
                .get("id")
                .toString();
    }
}
