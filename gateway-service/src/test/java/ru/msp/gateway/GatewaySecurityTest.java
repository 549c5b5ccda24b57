package ru.msp.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import ru.msp.testsupport.TestTokens;

/** The gateway validates the token itself: a request without a valid one never reaches a service. */
class GatewaySecurityTest extends GatewayTestSupport {

    static Stream<Arguments> invalidCredentials() {
        return Stream.of(
                Arguments.of("no token", null),
                Arguments.of("forged token", TestTokens.role("ADMIN").forged().bearer()),
                Arguments.of("expired token", TestTokens.role("ADMIN").expired().bearer()),
                Arguments.of("not a JWT", "Bearer not-a-jwt"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidCredentials")
    void isRefusedWith401ProblemBeforeReachingAnyService(String what, String authorization) {
        for (String path : new String[] {"/api/regions", "/api/competencies", "/api/routes", "/api/nothing-here"}) {
            WebTestClient.RequestHeadersSpec<?> request = http.get().uri(path);
            if (authorization != null) {
                request = request.header(HttpHeaders.AUTHORIZATION, authorization);
            }
            request.exchange()
                    .expectStatus()
                    .isUnauthorized()
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectHeader()
                    .valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                    .expectBody()
                    .jsonPath("$.status")
                    .isEqualTo(401)
                    .jsonPath("$.instance")
                    .isEqualTo(path);
        }
        http.post()
                .uri("/api/regions")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{}")
                .exchange()
                .expectStatus()
                .isUnauthorized();
        StubBackends.SERVICES.forEach(
                service -> assertThat(STUBS.seen(service)).as(service).isEmpty());
    }

    @Test
    void aValidTokenPasses() {
        http.get()
                .uri("/api/regions")
                .header(HttpHeaders.AUTHORIZATION, TestTokens.admin())
                .exchange()
                .expectStatus()
                .isOk();
        http.get()
                .uri("/api/activities")
                .header(
                        HttpHeaders.AUTHORIZATION,
                        TestTokens.role("SCHOOL_SYSTEM")
                                .region("r")
                                .municipality("m")
                                .organization("o")
                                .bearer())
                .exchange()
                .expectStatus()
                .isOk();
        assertThat(STUBS.seen("teacher")).hasSize(1);
        assertThat(STUBS.seen("events")).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/",
                "/index.html",
                "/actuator/health",
                "/actuator/health/liveness",
                "/actuator/prometheus",
                "/v3/api-docs/teacher",
                "/v3/api-docs/swagger-config",
                "/webjars/swagger-ui/index.html"
            })
    void theDashboardDocumentationAndProbesAreOpen(String path) {
        http.get().uri(path).exchange().expectStatus().isOk();
    }

    @Test
    void theGatewaysOtherEndpointsNeedAToken() {
        http.get().uri("/actuator/metrics").exchange().expectStatus().isUnauthorized();
        http.get().uri("/fallback/teacher").exchange().expectStatus().isUnauthorized();
        // and the breakers' fallback is not an endpoint of its own
        http.get()
                .uri("/fallback/teacher")
                .header(HttpHeaders.AUTHORIZATION, TestTokens.admin())
                .exchange()
                .expectStatus()
                .isNotFound();
    }
}
