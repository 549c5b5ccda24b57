package ru.msp.teacher.organization;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
import ru.msp.contracts.teacher.OrganizationRegistered;
import ru.msp.teacher.RegistryFixtures;
import ru.msp.testsupport.EventProbe;
import ru.msp.testsupport.TestTokens;
import ru.msp.testsupport.WithPlatformInfrastructure;

@WithPlatformInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class OrganizationApiTest {

    @Autowired
    WebTestClient http;

    String region;
    String municipality;

    @BeforeEach
    void asAdministratorInAFreshMunicipality() {
        http = http.mutate()
                .defaultHeader(HttpHeaders.AUTHORIZATION, TestTokens.admin())
                .build();
        RegistryFixtures fixtures = new RegistryFixtures(http);
        region = fixtures.region();
        municipality = fixtures.municipality(region);
    }

    @Test
    void registersAnOrganisationTakingTheRegionFromItsMunicipalityAndPublishesTheEvent() {
        String correlation = "corr-org-" + UUID.randomUUID();
        String id;
        try (EventProbe probe = new EventProbe("teacher.v1")) {
            id = (String) http.post()
                    .uri("/api/organizations")
                    .header("X-Correlation-Id", correlation)
                    .bodyValue(Map.of(
                            "municipalityId", municipality,
                            "regionId", "reg-ignored",
                            "name", "МАОУ СОШ № 1",
                            "shortName", "СОШ 1",
                            "type", "GENERAL_SCHOOL",
                            "flags", List.of("MENTORING_MODEL", "LOW_RESULTS"),
                            "externalId", "school-1"))
                    .exchange()
                    .expectStatus()
                    .isCreated()
                    .expectBody(Map.class)
                    .returnResult()
                    .getResponseBody()
                    .get("id");
            assertThat(id).startsWith("org-");
            var events = probe.await(
                    e -> e.type() == EventCatalog.ORGANIZATION_REGISTERED
                            && e.subject().equals(id),
                    1,
                    Duration.ofSeconds(20));
            assertThat(events).singleElement().satisfies(e -> {
                assertThat(e.data())
                        .isEqualTo(new OrganizationRegistered(
                                id, "МАОУ СОШ № 1", "GENERAL_SCHOOL", Set.of("LOW_RESULTS", "MENTORING_MODEL")));
                assertThat(e.correlationId()).isEqualTo(correlation);
                assertThat(e.scope().regionId()).isEqualTo(region);
                assertThat(e.scope().municipalityId()).isEqualTo(municipality);
                assertThat(e.scope().organizationId()).isEqualTo(id);
            });
        }
        http.get()
                .uri("/api/organizations/" + id)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.regionId")
                .isEqualTo(region)
                .jsonPath("$.municipalityId")
                .isEqualTo(municipality)
                .jsonPath("$.shortName")
                .isEqualTo("СОШ 1")
                .jsonPath("$.externalId")
                .isEqualTo("school-1")
                .jsonPath("$.flags.length()")
                .isEqualTo(2);
    }

    @Test
    void listsByMunicipalityTypeAndFlag() {
        String school = register("Школа А", "GENERAL_SCHOOL", List.of("FLAGSHIP"));
        String kindergarten = register("Детский сад Б", "KINDERGARTEN", List.of());
        String centre = register("Методический центр", "METHODICAL_CENTRE", List.of("RESOURCE_CENTRE", "FLAGSHIP"));
        http.get()
                .uri("/api/organizations?municipalityId=" + municipality)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.length()")
                .isEqualTo(3);
        http.get()
                .uri("/api/organizations?municipalityId=" + municipality + "&type=KINDERGARTEN")
                .exchange()
                .expectBody()
                .jsonPath("$.length()")
                .isEqualTo(1)
                .jsonPath("$[0].id")
                .isEqualTo(kindergarten);
        http.get()
                .uri("/api/organizations?municipalityId=" + municipality + "&flag=FLAGSHIP")
                .exchange()
                .expectBody()
                .jsonPath("$.length()")
                .isEqualTo(2)
                .jsonPath("$[?(@.id=='" + school + "')]")
                .exists()
                .jsonPath("$[?(@.id=='" + centre + "')]")
                .exists();
    }

    @Test
    void invalidInputIsAProblemListingTheFields() {
        http.post()
                .uri("/api/organizations")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"municipalityId\":\"\",\"name\":\"\",\"type\":\"UNIVERSITY\",\"flags\":[\"FAMOUS\"]}")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[?(@.field=='municipalityId')]")
                .exists()
                .jsonPath("$.errors[?(@.field=='name')]")
                .exists()
                .jsonPath("$.errors[?(@.field=='type')]")
                .exists()
                .jsonPath("$.errors[?(@.field =~ /flags.*/)]")
                .exists();
    }

    @Test
    void anUnknownMunicipalityIsRejectedWithTheField() {
        http.post()
                .uri("/api/organizations")
                .bodyValue(Map.of("municipalityId", "mun-nowhere", "name", "Школа", "type", "GENERAL_SCHOOL"))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("municipalityId");
    }

    @Test
    void aDuplicateExternalIdWithinTheMunicipalityIsAConflict() {
        post(Map.of("municipalityId", municipality, "name", "Школа 5", "type", "GENERAL_SCHOOL", "externalId", "x-5"))
                .expectStatus()
                .isCreated();
        post(Map.of("municipalityId", municipality, "name", "Школа 6", "type", "GENERAL_SCHOOL", "externalId", "x-5"))
                .expectStatus()
                .isEqualTo(409)
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        String other = new RegistryFixtures(http).municipality(region);
        post(Map.of("municipalityId", other, "name", "Школа 5", "type", "GENERAL_SCHOOL", "externalId", "x-5"))
                .expectStatus()
                .isCreated();
        http.get()
                .uri("/api/organizations?municipalityId=" + municipality)
                .exchange()
                .expectBody()
                .jsonPath("$.length()")
                .isEqualTo(1);
    }

    @Test
    void anUnknownOrganisationIsA404Problem() {
        http.get()
                .uri("/api/organizations/org-nowhere")
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    private String register(String name, String type, List<String> flags) {
        return (String) post(Map.of("municipalityId", municipality, "name", name, "type", type, "flags", flags))
                .expectStatus()
                .isCreated()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody()
                .get("id");
    }

    private WebTestClient.ResponseSpec post(Map<String, Object> body) {
        return http.post().uri("/api/organizations").bodyValue(body).exchange();
    }
}
