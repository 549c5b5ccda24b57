package ru.msp.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

/** Browsers on the dashboard's origin may call the API; other origins get no CORS permission. */
class GatewayCorsTest extends GatewayTestSupport {

    @Test
    void aPreflightFromTheDashboardOriginIsAllowedWithoutAToken() {
        http.options()
                .uri("/api/regions")
                .header(HttpHeaders.ORIGIN, "http://localhost:8080")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "authorization,content-type")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "http://localhost:8080")
                .expectHeader()
                .value(
                        HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS,
                        methods -> assertThat(methods).contains("POST"))
                .expectHeader()
                .value(
                        HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS,
                        headers -> assertThat(headers.toLowerCase())
                                .contains("authorization")
                                .contains("content-type"));
        assertThat(STUBS.seen("teacher")).isEmpty();
    }

    @Test
    void aPreflightFromAForeignOriginGetsNoPermission() {
        http.options()
                .uri("/api/regions")
                .header(HttpHeaders.ORIGIN, "https://elsewhere.example")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "GET")
                .exchange()
                .expectStatus()
                .isForbidden()
                .expectHeader()
                .doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
        assertThat(STUBS.seen("teacher")).isEmpty();
    }

    @Test
    void anActualRequestFromTheDashboardOriginMayReadTheAnswer() {
        http.get()
                .uri("/api/regions")
                .header(HttpHeaders.ORIGIN, "http://localhost:8080")
                .header(HttpHeaders.AUTHORIZATION, operatorToken())
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "http://localhost:8080")
                .expectHeader()
                .value(
                        HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS,
                        exposed -> assertThat(exposed)
                                .contains("X-Correlation-Id")
                                .contains("Retry-After")
                                .contains("X-Total-Count"));
    }
}
