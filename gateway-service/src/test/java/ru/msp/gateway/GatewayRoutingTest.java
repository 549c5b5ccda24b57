package ru.msp.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/** Every area of the API reaches the service that owns it, with the correlation id and the token passed on. */
class GatewayRoutingTest extends GatewayTestSupport {

    @ParameterizedTest
    @CsvSource({
        "/api/regions, teacher",
        "/api/municipalities/mun-1, teacher",
        "/api/organizations?municipalityId=m, teacher",
        "/api/teachers/import, teacher",
        "/api/communities, teacher",
        "/api/mentorships, teacher",
        "/api/competencies, diagnostics",
        "/api/diagnostics/teachers/t-1/profile, diagnostics",
        "/api/diagnostics/results/import, diagnostics",
        "/api/routes?teacherId=t-1, route",
        "/api/recommendations?organizationId=o, route",
        "/api/activities/calendar.ics, events",
        "/api/practices, events",
        "/api/indicators/dashboard?regionId=r, indicators",
        "/api/programs/mun-1, indicators"
    })
    void eachAreaReachesItsOwningService(String path, String service) {
        http.get()
                .uri(path)
                .header(HttpHeaders.AUTHORIZATION, operatorToken())
                .header("X-Correlation-Id", "corr-gw-1")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .values("X-Correlation-Id", values -> assertThat(values).containsExactly("corr-gw-1"))
                .expectBody()
                .jsonPath("$.service")
                .isEqualTo(service)
                .jsonPath("$.path")
                .isEqualTo(path)
                .jsonPath("$.correlationId")
                .isEqualTo("corr-gw-1");
    }

    @ParameterizedTest
    @CsvSource({"teacher", "diagnostics", "route", "events", "indicators"})
    void eachServicesAuditLogIsReachableUnderItsName(String service) {
        http.get()
                .uri("/api/audit/" + service + "?municipalityId=m-1")
                .header(HttpHeaders.AUTHORIZATION, operatorToken())
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.service")
                .isEqualTo(service)
                .jsonPath("$.path")
                .isEqualTo("/api/audit?municipalityId=m-1");
    }

    @Test
    void theBearerTokenReachesTheServiceUnchanged() {
        String token = operatorToken();
        http.get()
                .uri("/api/competencies")
                .header(HttpHeaders.AUTHORIZATION, token)
                .exchange()
                .expectStatus()
                .isOk();
        assertThat(STUBS.seen("diagnostics"))
                .singleElement()
                .satisfies(seen -> assertThat(seen.authorization()).isEqualTo(token));
    }

    @Test
    void aRequestWithoutCorrelationIdGetsOneThatTheServiceSeesToo() {
        var result = http.get()
                .uri("/api/regions")
                .header(HttpHeaders.AUTHORIZATION, operatorToken())
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult();
        String given = result.getResponseHeaders().getFirst("X-Correlation-Id");
        assertThat(given).isNotBlank();
        assertThat(result.getResponseBody()).containsEntry("correlationId", given);
    }

    @Test
    void theLandingPageAndHealthAreServedByTheGatewayItself() {
        http.get()
                .uri("/")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .value(body -> assertThat(body).contains("научно-методического"));
        http.get().uri("/actuator/health").exchange().expectStatus().isOk();
        // breakers are registered on their first call
        http.get()
                .uri("/api/regions")
                .header(HttpHeaders.AUTHORIZATION, operatorToken())
                .exchange()
                .expectStatus()
                .isOk();
        http.get()
                .uri("/actuator/prometheus")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .value(body -> assertThat(body)
                        .contains("application=\"gateway-service\"")
                        .contains("resilience4j_circuitbreaker_state"));
    }

    @Test
    void anUnknownApiAreaIsNotFoundAsProblem() {
        http.get()
                .uri("/api/nothing-here")
                .header(HttpHeaders.AUTHORIZATION, operatorToken())
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(404)
                .jsonPath("$.instance")
                .isEqualTo("/api/nothing-here");
    }
}
