package ru.msp.teacher.municipality;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import ru.msp.contracts.EventCatalog;
import ru.msp.contracts.teacher.MunicipalityRegistered;
import ru.msp.teacher.RegistryFixtures;
import ru.msp.testsupport.EventProbe;
import ru.msp.testsupport.TestTokens;
import ru.msp.testsupport.WithPlatformInfrastructure;

@WithPlatformInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class MunicipalityApiTest {

    @Autowired
    WebTestClient http;

    String region;

    @BeforeEach
    void asAdministratorInAFreshRegion() {
        http = http.mutate()
                .defaultHeader(HttpHeaders.AUTHORIZATION, TestTokens.admin())
                .build();
        region = new RegistryFixtures(http).region();
    }

    @Test
    void registersAMunicipalityWithAPresetAndPublishesTheEvent() {
        String correlation = "corr-mun-" + UUID.randomUUID();
        String id;
        try (EventProbe probe = new EventProbe("teacher.v1")) {
            id = (String) http.post()
                    .uri("/api/municipalities")
                    .header("X-Correlation-Id", correlation)
                    .bodyValue(Map.of(
                            "regionId", region, "name", "Нижний Тагил", "programPreset", "NIZHNY_TAGIL_2024_2027"))
                    .exchange()
                    .expectStatus()
                    .isCreated()
                    .expectBody(Map.class)
                    .returnResult()
                    .getResponseBody()
                    .get("id");
            assertThat(id).startsWith("mun-");
            var events = probe.await(
                    e -> e.type() == EventCatalog.MUNICIPALITY_REGISTERED
                            && e.subject().equals(id),
                    1,
                    Duration.ofSeconds(20));
            assertThat(events).singleElement().satisfies(e -> {
                assertThat(e.data())
                        .isEqualTo(new MunicipalityRegistered(id, region, "Нижний Тагил", "NIZHNY_TAGIL_2024_2027"));
                assertThat(e.correlationId()).isEqualTo(correlation);
                assertThat(e.scope().regionId()).isEqualTo(region);
                assertThat(e.scope().municipalityId()).isEqualTo(id);
                assertThat(e.scope().organizationId()).isNull();
            });
        }
        http.get()
                .uri("/api/municipalities/" + id)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.regionId")
                .isEqualTo(region)
                .jsonPath("$.name")
                .isEqualTo("Нижний Тагил")
                .jsonPath("$.programPreset")
                .isEqualTo("NIZHNY_TAGIL_2024_2027");
    }

    @Test
    void listsTheMunicipalitiesOfARegionSortedByName() {
        RegistryFixtures fixtures = new RegistryFixtures(http);
        fixtures.municipality(region, "Королёв");
        fixtures.municipality(region, "Березники");
        fixtures.municipality(region, "Октябрьский район");
        String elsewhere = fixtures.municipality(fixtures.region(), "Асбест");
        http.get()
                .uri("/api/municipalities?regionId=" + region)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.length()")
                .isEqualTo(3)
                .jsonPath("$[0].name")
                .isEqualTo("Березники")
                .jsonPath("$[1].name")
                .isEqualTo("Королёв")
                .jsonPath("$[2].name")
                .isEqualTo("Октябрьский район")
                .jsonPath("$[?(@.id=='" + elsewhere + "')]")
                .doesNotExist();
    }

    @Test
    void invalidInputIsAProblemListingTheFields() {
        http.post()
                .uri("/api/municipalities")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"regionId\":\"\",\"name\":\"\",\"programPreset\":\"MOSCOW\"}")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[?(@.field=='regionId')]")
                .exists()
                .jsonPath("$.errors[?(@.field=='name')]")
                .exists()
                .jsonPath("$.errors[?(@.field=='programPreset')]")
                .exists();
    }

    @Test
    void anUnknownRegionIsRejectedWithTheField() {
        http.post()
                .uri("/api/municipalities")
                .bodyValue(Map.of("regionId", "reg-nowhere", "name", "Где-то"))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("regionId");
    }

    @Test
    void aDuplicateNameWithinTheRegionIsAConflict() {
        RegistryFixtures fixtures = new RegistryFixtures(http);
        fixtures.municipality(region, "Екатеринбург");
        http.post()
                .uri("/api/municipalities")
                .bodyValue(Map.of("regionId", region, "name", "Екатеринбург"))
                .exchange()
                .expectStatus()
                .isEqualTo(409)
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        // the same name in another region is another municipality
        fixtures.municipality(fixtures.region(), "Екатеринбург");
        http.get()
                .uri("/api/municipalities?regionId=" + region)
                .exchange()
                .expectBody()
                .jsonPath("$.length()")
                .isEqualTo(1);
    }

    @Test
    void anUnknownMunicipalityIsA404Problem() {
        http.get()
                .uri("/api/municipalities/mun-nowhere")
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }
}
