package ru.msp.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/** Every area of the API reaches the service that owns it, with the correlation id passed on. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class GatewayRoutingTest {

    static final List<String> SERVICES = List.of("teacher", "diagnostics", "route", "events", "indicators");

    /** Stand-ins for the five services: each answers with its own name, the path and the correlation id it got. */
    static final Map<String, DisposableServer> BACKENDS = SERVICES.stream()
            .collect(Collectors.toMap(
                    name -> name,
                    name -> HttpServer.create()
                            .host("127.0.0.1")
                            .port(0)
                            .handle((request, response) -> response.header("Content-Type", "application/json")
                                    // as the real services do: they return the correlation id they were given
                                    .header(
                                            "X-Correlation-Id",
                                            String.valueOf(
                                                    request.requestHeaders().get("X-Correlation-Id")))
                                    .sendString(Mono.just("{\"service\":\"" + name + "\",\"path\":\"" + request.uri()
                                            + "\",\"correlationId\":\""
                                            + request.requestHeaders().get("X-Correlation-Id")
                                            + "\"}")))
                            .bindNow()));

    @DynamicPropertySource
    static void backends(DynamicPropertyRegistry registry) {
        BACKENDS.forEach((name, server) ->
                registry.add("msp.gateway.services." + name + ".url", () -> "http://127.0.0.1:" + server.port()));
    }

    @AfterAll
    static void stopBackends() {
        BACKENDS.values().forEach(DisposableServer::disposeNow);
    }

    @Autowired
    WebTestClient http;

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

    @Test
    void aRequestWithoutCorrelationIdGetsOneThatTheServiceSeesToo() {
        var result = http.get()
                .uri("/api/regions")
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
        http.get()
                .uri("/actuator/prometheus")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .value(body -> assertThat(body).contains("application=\"gateway-service\""));
    }

    @Test
    void anUnknownApiAreaIsNotFound() {
        http.get().uri("/api/nothing-here").exchange().expectStatus().isNotFound();
    }
}
