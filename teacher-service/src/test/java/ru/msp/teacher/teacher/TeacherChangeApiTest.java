package ru.msp.teacher.teacher;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;
import ru.msp.contracts.EventCatalog;
import ru.msp.contracts.teacher.TeacherTransferred;
import ru.msp.contracts.teacher.TeacherUpdated;
import ru.msp.teacher.RegistryFixtures;
import ru.msp.testsupport.EventProbe;
import ru.msp.testsupport.TestTokens;
import ru.msp.testsupport.WithPlatformInfrastructure;

/** PUT of a teacher and transfers between organisations, with their events on the broker and their scope rules. */
@WithPlatformInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class TeacherChangeApiTest {

    @Autowired
    WebTestClient http;

    String region;
    String municipality;
    String otherMunicipality;
    String school;
    String neighbour;
    String farSchool;

    @BeforeEach
    void schoolsInTwoMunicipalities() {
        RegistryFixtures fixtures = new RegistryFixtures(http);
        region = fixtures.region();
        municipality = fixtures.municipality(region);
        otherMunicipality = fixtures.municipality(region);
        school = fixtures.organization(municipality);
        neighbour = fixtures.organization(municipality);
        farSchool = fixtures.organization(otherMunicipality);
    }

    @Test
    void aPutWithChangedFactsPublishesTeacherUpdatedAndAnIdenticalPutNothing() {
        Map<String, Object> body = TeacherFixtures.body(school, "Меняева");
        body.put("externalId", "put-1");
        String id = register(TestTokens.admin(), body);
        body.put("category", "FIRST");
        body.put("categoryDate", TeacherFixtures.today().minusMonths(1).toString());
        body.put("targetGroups", List.of("YOUNG_TEACHER", "GIFTED"));
        try (EventProbe probe = new EventProbe("teacher.v1")) {
            put(TestTokens.municipalOperator(region, municipality), id, body)
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.category")
                    .isEqualTo("FIRST")
                    .jsonPath("$.externalId")
                    .isEqualTo("put-1");
            var events = probe.await(
                    e -> e.type() == EventCatalog.TEACHER_UPDATED && e.subject().equals(id), 1, Duration.ofSeconds(20));
            assertThat(events).singleElement().satisfies(e -> {
                TeacherUpdated updated = (TeacherUpdated) e.data();
                assertThat(updated.facts().category()).isEqualTo("FIRST");
                assertThat(updated.facts().targetGroups()).hasSize(2);
                assertThat(e.scope().organizationId()).isEqualTo(school);
            });
            put(TestTokens.admin(), id, body).expectStatus().isOk();
            body.put("firstName", "Мария");
            put(TestTokens.admin(), id, body)
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.firstName")
                    .isEqualTo("Мария");
            assertThat(probe.events(
                            e -> e.type() == EventCatalog.TEACHER_UPDATED
                                    && e.subject().equals(id),
                            Duration.ofSeconds(2)))
                    .as("an identical body and a change of names only publish nothing")
                    .hasSize(1);
        }
    }

    @Test
    void aPutIsValidatedLikeARegistrationAndCannotMoveTheTeacher() {
        String id = register(TestTokens.admin(), TeacherFixtures.body(school, "Проверкина"));
        Map<String, Object> body = TeacherFixtures.body(neighbour, "Проверкина");
        body.put("birthDate", TeacherFixtures.today().minusYears(10).toString());
        put(TestTokens.admin(), id, body)
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[?(@.field=='organizationId')]")
                .exists()
                .jsonPath("$.errors[?(@.field=='birthDate')]")
                .exists();
        put(TestTokens.admin(), "tch-nowhere", TeacherFixtures.body(school, "Никто"))
                .expectStatus()
                .isNotFound();
    }

    @Test
    void aPutToAnExternalIdTakenInTheOrganisationIsAConflict() {
        Map<String, Object> first = TeacherFixtures.body(school, "Первова");
        first.put("externalId", "dup-1");
        register(TestTokens.admin(), first);
        Map<String, Object> second = TeacherFixtures.body(school, "Вторая");
        second.put("externalId", "dup-2");
        String id = register(TestTokens.admin(), second);
        second.put("externalId", "dup-1");
        put(TestTokens.admin(), id, second).expectStatus().isEqualTo(409);
    }

    @Test
    void aTransferKeepsTheHistoryAndPublishesTeacherTransferred() {
        Map<String, Object> body = TeacherFixtures.body(school, "Переходова");
        body.put("externalId", "move-1");
        String id = register(TestTokens.admin(), body);
        LocalDate today = TeacherFixtures.today();
        String operator = TestTokens.municipalOperator(region, municipality);
        transfer(
                        operator,
                        id,
                        Map.of(
                                "organizationId",
                                neighbour,
                                "date",
                                today.plusDays(1).toString()))
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("date");
        transfer(operator, id, Map.of("organizationId", school))
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("organizationId");
        transfer(operator, id, Map.of("organizationId", "org-nowhere"))
                .expectStatus()
                .isBadRequest();
        transfer(
                        operator,
                        id,
                        Map.of(
                                "organizationId",
                                neighbour,
                                "date",
                                today.minusDays(1).toString()))
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("date");
        try (EventProbe probe = new EventProbe("teacher.v1")) {
            transfer(operator, id, Map.of("organizationId", neighbour, "externalId", "new-7"))
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.organizationId")
                    .isEqualTo(neighbour)
                    .jsonPath("$.externalId")
                    .isEqualTo("new-7")
                    .jsonPath("$.placements.length()")
                    .isEqualTo(2)
                    .jsonPath("$.placements[0].organizationId")
                    .isEqualTo(school)
                    .jsonPath("$.placements[0].to")
                    .isEqualTo(today.minusDays(1).toString())
                    .jsonPath("$.placements[1].organizationId")
                    .isEqualTo(neighbour)
                    .jsonPath("$.placements[1].to")
                    .doesNotExist();
            var events = probe.await(
                    e -> e.type() == EventCatalog.TEACHER_TRANSFERRED
                            && e.subject().equals(id),
                    1,
                    Duration.ofSeconds(20));
            assertThat(events).singleElement().satisfies(e -> {
                assertThat(e.data()).isEqualTo(new TeacherTransferred(id, school, neighbour, municipality, today));
                assertThat(e.scope().organizationId()).isEqualTo(neighbour);
            });
        }
        // the old organisation's externalId is free again
        Map<String, Object> again = TeacherFixtures.body(school, "Новенькая");
        again.put("externalId", "move-1");
        register(TestTokens.admin(), again);
        // across municipalities: the municipal operator of one is refused, the other cannot see the teacher
        transfer(operator, id, Map.of("organizationId", farSchool))
                .expectStatus()
                .isForbidden();
        transfer(TestTokens.municipalOperator(region, otherMunicipality), id, Map.of("organizationId", farSchool))
                .expectStatus()
                .isNotFound();
        String schoolSystem = TestTokens.role("SCHOOL_SYSTEM")
                .region(region)
                .municipality(municipality)
                .organization(neighbour)
                .bearer();
        transfer(schoolSystem, id, Map.of("organizationId", school))
                .expectStatus()
                .isForbidden();
        transfer(TestTokens.role("REGIONAL_OPERATOR").region(region).bearer(), id, Map.of("organizationId", farSchool))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.municipalityId")
                .isEqualTo(otherMunicipality)
                .jsonPath("$.externalId")
                .doesNotExist()
                .jsonPath("$.placements.length()")
                .isEqualTo(3);
        http.get()
                .uri("/api/teachers/" + id)
                .header(HttpHeaders.AUTHORIZATION, operator)
                .exchange()
                .expectStatus()
                .isNotFound();
        http.delete()
                .uri("/api/teachers/" + id)
                .header(HttpHeaders.AUTHORIZATION, TestTokens.admin())
                .exchange()
                .expectStatus()
                .isOk();
        transfer(TestTokens.admin(), id, Map.of("organizationId", school))
                .expectStatus()
                .isEqualTo(409);
    }

    @Test
    void anotherMunicipalityCannotSeeOrChangeTheTeacher() {
        String id = register(TestTokens.admin(), TeacherFixtures.body(school, "Чужеземцева"));
        String stranger = TestTokens.municipalOperator(region, otherMunicipality);
        put(stranger, id, TeacherFixtures.body(school, "Чужеземцева"))
                .expectStatus()
                .isNotFound();
        String teacher = TestTokens.role("TEACHER")
                .region(region)
                .municipality(municipality)
                .organization(school)
                .teacher(id)
                .bearer();
        put(teacher, id, TeacherFixtures.body(school, "Сама")).expectStatus().isForbidden();
    }

    private String register(String token, Map<String, Object> body) {
        return (String) http.post()
                .uri("/api/teachers")
                .header(HttpHeaders.AUTHORIZATION, token)
                .bodyValue(body)
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
                .uri("/api/teachers/" + id)
                .header(HttpHeaders.AUTHORIZATION, token)
                .bodyValue(body)
                .exchange();
    }

    private WebTestClient.ResponseSpec transfer(String token, String id, Map<String, Object> body) {
        return http.post()
                .uri("/api/teachers/" + id + "/transfer")
                .header(HttpHeaders.AUTHORIZATION, token)
                .bodyValue(body)
                .exchange();
    }
}
