package ru.msp.teacher.region;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import ru.msp.contracts.EventCatalog;
import ru.msp.contracts.teacher.RegionRegistered;
import ru.msp.teacher.RegistryFixtures;
import ru.msp.testsupport.EventProbe;
import ru.msp.testsupport.TestTokens;
import ru.msp.testsupport.WithPlatformInfrastructure;

@WithPlatformInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@ExtendWith(OutputCaptureExtension.class)
class RegionApiTest {

    @Autowired
    WebTestClient http;

    @BeforeEach
    void asAdministrator() {
        http = http.mutate()
                .defaultHeader(HttpHeaders.AUTHORIZATION, TestTokens.admin())
                .build();
    }

    @Test
    void registersARegionPublishesTheEventAndLogsWithTheCorrelationId(CapturedOutput output) {
        String code = freshCode();
        try (EventProbe probe = new EventProbe("teacher.v1")) {
            http.post()
                    .uri("/api/regions")
                    .header("X-Correlation-Id", "corr-region-" + code)
                    .bodyValue(new RegionRegistration(code, "Свердловская область"))
                    .exchange()
                    .expectStatus()
                    .isCreated()
                    .expectHeader()
                    .valueEquals("X-Correlation-Id", "corr-region-" + code)
                    .expectBody()
                    .jsonPath("$.id")
                    .isEqualTo("reg-" + code)
                    .jsonPath("$.name")
                    .isEqualTo("Свердловская область");

            var events = probe.await(
                    e -> e.type() == EventCatalog.REGION_REGISTERED
                            && e.subject().equals("reg-" + code),
                    1,
                    Duration.ofSeconds(20));
            assertThat(events).singleElement().satisfies(e -> {
                assertThat(e.data()).isEqualTo(new RegionRegistered("reg-" + code, code, "Свердловская область"));
                assertThat(e.correlationId()).isEqualTo("corr-region-" + code);
                assertThat(e.scope().regionId()).isEqualTo("reg-" + code);
            });
        }
        http.get().uri("/api/regions/reg-" + code).exchange().expectStatus().isOk();
        http.get()
                .uri("/api/regions")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$[?(@.id=='reg-" + code + "')].code")
                .isEqualTo(code);
        assertThat(output.getOut())
                .containsPattern("\"message\":\"Region reg-" + code + " registered\"")
                .contains("\"correlationId\":\"corr-region-" + code + "\"");
    }

    @Test
    void invalidInputIsAProblemListingTheFieldsAndChangesNothing() {
        http.post()
                .uri("/api/regions")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"code\":\"Sverdlovsk\",\"name\":\"\"}")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(400)
                .jsonPath("$.errors[?(@.field=='code')]")
                .exists()
                .jsonPath("$.errors[?(@.field=='name')]")
                .exists();
        http.get()
                .uri("/api/regions")
                .exchange()
                .expectBody()
                .jsonPath("$[?(@.code=='Sverdlovsk')]")
                .doesNotExist();
    }

    @Test
    void malformedJsonIsAProblemToo() {
        http.post()
                .uri("/api/regions")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"code\":")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void aSecondRegistrationOfTheSameCodeIsAConflict() {
        String code = freshCode();
        http.post()
                .uri("/api/regions")
                .bodyValue(new RegionRegistration(code, "Пермский край"))
                .exchange()
                .expectStatus()
                .isCreated();
        http.post()
                .uri("/api/regions")
                .bodyValue(new RegionRegistration(code, "Другое имя"))
                .exchange()
                .expectStatus()
                .isEqualTo(409)
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        http.get()
                .uri("/api/regions/reg-" + code)
                .exchange()
                .expectBody()
                .jsonPath("$.name")
                .isEqualTo("Пермский край");
    }

    @Test
    void anUnknownRegionIsA404Problem() {
        http.get()
                .uri("/api/regions/reg-000")
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void healthAndPrometheusWithTheApplicationTagAndMessagingMeters() {
        http.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
        http.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
        http.get()
                .uri("/actuator/prometheus")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .value(body -> assertThat(body)
                        .contains("application=\"teacher-service\"")
                        .contains("msp_outbox_pending_events"));
    }

    private static String freshCode() {
        return RegistryFixtures.nextRegionCode();
    }
}
