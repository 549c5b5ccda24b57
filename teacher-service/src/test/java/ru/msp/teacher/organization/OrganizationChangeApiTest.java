package ru.msp.teacher.organization;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;
import ru.msp.contracts.EventCatalog;
import ru.msp.contracts.teacher.OrganizationUpdated;
import ru.msp.teacher.RegistryFixtures;
import ru.msp.testsupport.EventProbe;
import ru.msp.testsupport.TestTokens;
import ru.msp.testsupport.WithPlatformInfrastructure;

/** PUT of an organisation (flags, OrganizationUpdated) and its management team on GET. */
@WithPlatformInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class OrganizationChangeApiTest {

    @Autowired
    WebTestClient http;

    String region;
    String municipality;
    String school;

    @BeforeEach
    void aSchool() {
        RegistryFixtures fixtures = new RegistryFixtures(http);
        region = fixtures.region();
        municipality = fixtures.municipality(region);
        school = fixtures.organization(municipality);
    }

    @Test
    void changedFlagsArePublishedAndAnIdenticalPutChangesNothing() {
        Map<String, Object> body = new HashMap<>(Map.of(
                "name", "Школа № 5", "type", "GENERAL_SCHOOL", "flags", List.of("LOW_RESULTS", "MENTORING_MODEL")));
        String operator = TestTokens.municipalOperator(region, municipality);
        try (EventProbe probe = new EventProbe("teacher.v1")) {
            put(operator, school, body)
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.name")
                    .isEqualTo("Школа № 5")
                    .jsonPath("$.flags.length()")
                    .isEqualTo(2);
            var events = probe.await(
                    e -> e.type() == EventCatalog.ORGANIZATION_UPDATED
                            && e.subject().equals(school),
                    1,
                    Duration.ofSeconds(20));
            assertThat(events).singleElement().satisfies(e -> {
                assertThat(e.data())
                        .isEqualTo(new OrganizationUpdated(
                                school, "Школа № 5", "GENERAL_SCHOOL", Set.of("LOW_RESULTS", "MENTORING_MODEL")));
                assertThat(e.scope().municipalityId()).isEqualTo(municipality);
            });
            put(operator, school, body).expectStatus().isOk();
            body.put("shortName", "Ш5");
            put(operator, school, body)
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.shortName")
                    .isEqualTo("Ш5");
            assertThat(probe.events(
                            e -> e.type() == EventCatalog.ORGANIZATION_UPDATED
                                    && e.subject().equals(school),
                            Duration.ofSeconds(2)))
                    .as("neither an identical body nor a short name is published")
                    .hasSize(1);
        }
        http.get()
                .uri("/api/organizations?flag=MENTORING_MODEL&municipalityId=" + municipality)
                .header(HttpHeaders.AUTHORIZATION, operator)
                .exchange()
                .expectBody()
                .jsonPath("$[0].id")
                .isEqualTo(school);
        body.put("flags", List.of("FAME"));
        put(operator, school, body)
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .value(field -> assertThat((String) field).startsWith("flags"));
    }

    @Test
    void otherTerritoriesAndSchoolSystemsMayNotChangeIt() {
        Map<String, Object> body = Map.of("name", "Захват", "type", "GENERAL_SCHOOL");
        String other = new RegistryFixtures(http).municipality(region);
        put(TestTokens.municipalOperator(region, other), school, body)
                .expectStatus()
                .isNotFound();
        String schoolSystem = TestTokens.role("SCHOOL_SYSTEM")
                .region(region)
                .municipality(municipality)
                .organization(school)
                .bearer();
        put(schoolSystem, school, body).expectStatus().isForbidden();
        put(TestTokens.admin(), "org-nowhere", body).expectStatus().isNotFound();
    }

    @Test
    void theManagementTeamIsTheDirectorAndTheDeputies() {
        String deputy = teacher("Замова", "DEPUTY_DIRECTOR");
        String director = teacher("Директорова", "DIRECTOR");
        teacher("Учителева", "TEACHER");
        http.get()
                .uri("/api/organizations/" + school)
                .header(HttpHeaders.AUTHORIZATION, TestTokens.admin())
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.management.length()")
                .isEqualTo(2)
                .jsonPath("$.management[0].teacherId")
                .isEqualTo(director)
                .jsonPath("$.management[0].position")
                .isEqualTo("DIRECTOR")
                .jsonPath("$.management[1].teacherId")
                .isEqualTo(deputy)
                .jsonPath("$.management[1].lastName")
                .isEqualTo("Замова");
    }

    private String teacher(String lastName, String position) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        return (String) http.post()
                .uri("/api/teachers")
                .header(HttpHeaders.AUTHORIZATION, TestTokens.admin())
                .bodyValue(Map.of(
                        "organizationId",
                        school,
                        "lastName",
                        lastName,
                        "firstName",
                        "Ирина",
                        "position",
                        position,
                        "birthDate",
                        today.minusYears(50).toString(),
                        "pedagogicalStartDate",
                        today.minusYears(25).toString()))
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody()
                .get("id");
    }

    private WebTestClient.ResponseSpec put(String token, String id, Map<String, Object> body) {
        return http.put()
                .uri("/api/organizations/" + id)
                .header(HttpHeaders.AUTHORIZATION, token)
                .bodyValue(body)
                .exchange();
    }
}
