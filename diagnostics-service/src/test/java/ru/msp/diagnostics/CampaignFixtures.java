package ru.msp.diagnostics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Campaign bodies and creation for API tests. */
public final class CampaignFixtures {

    private CampaignFixtures() {}

    /** A municipal campaign measuring the given competencies on a 0-100 scale, for every position they apply to. */
    public static Map<String, Object> municipal(String... competencies) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("level", "MUNICIPAL");
        body.put("operatorName", "Муниципальный методический центр");
        body.put("schoolYear", "2025/2026");
        body.put("startsOn", "2025-10-01");
        body.put("endsOn", "2025-12-20");
        List<Map<String, Object>> measured = new ArrayList<>();
        for (String code : competencies) {
            measured.add(Map.of("code", code, "maxScore", 100));
        }
        body.put("instrument", new LinkedHashMap<>(Map.of("code", "MMC-2025", "competencies", measured)));
        return body;
    }

    /** Opens the campaign as the given caller and returns its id. */
    public static String open(WebTestClient http, String bearer, Map<String, Object> body) {
        return http.post()
                .uri("/api/diagnostics/campaigns")
                .header(HttpHeaders.AUTHORIZATION, bearer)
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
