package ru.msp.teacher.teacher;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import ru.msp.contracts.EventCatalog;
import ru.msp.contracts.TargetGroup;
import ru.msp.contracts.teacher.TeacherDeparted;
import ru.msp.contracts.teacher.TeacherFacts;
import ru.msp.contracts.teacher.TeacherRegistered;
import ru.msp.teacher.RegistryFixtures;
import ru.msp.testsupport.EventProbe;
import ru.msp.testsupport.TestTokens;
import ru.msp.testsupport.WithPlatformInfrastructure;

@WithPlatformInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class TeacherApiTest {

    @Autowired
    WebTestClient http;

    String region;
    String municipality;
    String school;

    @BeforeEach
    void asAdministratorInAFreshSchool() {
        http = http.mutate()
                .defaultHeader(HttpHeaders.AUTHORIZATION, TestTokens.admin())
                .build();
        RegistryFixtures fixtures = new RegistryFixtures(http);
        region = fixtures.region();
        municipality = fixtures.municipality(region);
        school = fixtures.organization(municipality);
    }

    @Test
    void registersATeacherAndPublishesFactsWithoutNames() {
        LocalDate today = TeacherFixtures.today();
        LocalDate birth = today.minusYears(40);
        LocalDate start = today.minusYears(15);
        LocalDate categoryDate = today.minusYears(2);
        Map<String, Object> body = TeacherFixtures.body(school, "Ёлкина");
        body.put("externalId", "t-1");
        body.put("position", "DEPUTY_DIRECTOR");
        body.put("subjects", List.of("PHYSICS", "MATHEMATICS"));
        body.put("birthDate", birth.toString());
        body.put("pedagogicalStartDate", start.toString());
        body.put("category", "HIGHEST");
        body.put("categoryDate", categoryDate.toString());
        body.put("targetGroups", List.of("MENTOR", "GIFTED"));
        body.put("methodicalAsset", true);
        body.put("expertKinds", List.of("STATE_EXAMS"));
        body.put("registryExpert", true);
        String id;
        try (EventProbe probe = new EventProbe("teacher.v1")) {
            id = register(body);
            assertThat(id).startsWith("tch-");
            var events = probe.await(
                    e -> e.type() == EventCatalog.TEACHER_REGISTERED
                            && e.subject().equals(id),
                    1,
                    Duration.ofSeconds(20));
            assertThat(events).singleElement().satisfies(e -> {
                assertThat(e.data())
                        .isEqualTo(new TeacherRegistered(
                                id,
                                new TeacherFacts(
                                        school,
                                        "DEPUTY_DIRECTOR",
                                        List.of("PHYSICS", "MATHEMATICS"),
                                        birth,
                                        start,
                                        "HIGHEST",
                                        categoryDate,
                                        Set.of(TargetGroup.MENTOR, TargetGroup.GIFTED),
                                        true,
                                        Set.of("STATE_EXAMS"),
                                        true)));
                assertThat(e.scope().regionId()).isEqualTo(region);
                assertThat(e.scope().municipalityId()).isEqualTo(municipality);
                assertThat(e.scope().organizationId()).isEqualTo(school);
            });
            var records = probe.awaitRecords(r -> id.equals(r.key()), 1, Duration.ofSeconds(5));
            assertThat(records)
                    .allSatisfy(r -> assertThat(r.value())
                            .doesNotContain("lastName", "firstName", "middleName", "Ёлкина", "Анна", "Петровна"));
        }
        http.get()
                .uri("/api/teachers/" + id)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.lastName")
                .isEqualTo("Ёлкина")
                .jsonPath("$.regionId")
                .isEqualTo(region)
                .jsonPath("$.municipalityId")
                .isEqualTo(municipality)
                .jsonPath("$.externalId")
                .isEqualTo("t-1")
                .jsonPath("$.status")
                .isEqualTo("ACTIVE")
                .jsonPath("$.age")
                .isEqualTo(40)
                .jsonPath("$.experienceYears")
                .isEqualTo(15)
                .jsonPath("$.youngSpecialist")
                .isEqualTo(false);
    }

    @Test
    void searchesByLastNamePrefixIgnoringCaseAndYoSortedByName() {
        String yolkina = register(TeacherFixtures.body(school, "Ёлкина"));
        String elkin = register(TeacherFixtures.body(school, "елкин"));
        String eltsova = register(TeacherFixtures.body(school, "Ельцова"));
        register(TeacherFixtures.body(school, "Иванова"));
        for (String q : new String[] {"ЕЛК", "ёлк", "Ёлк", "елк"}) {
            list("/api/teachers?organizationId=" + school + "&q=" + q)
                    .jsonPath("$.length()")
                    .isEqualTo(2)
                    .jsonPath("$[0].id")
                    .isEqualTo(elkin)
                    .jsonPath("$[1].id")
                    .isEqualTo(yolkina);
        }
        list("/api/teachers?municipalityId=" + municipality + "&q=ель")
                .jsonPath("$.length()")
                .isEqualTo(1)
                .jsonPath("$[0].id")
                .isEqualTo(eltsova)
                .jsonPath("$[0].youngSpecialist")
                .isEqualTo(true)
                .jsonPath("$[0].age")
                .isEqualTo(25)
                .jsonPath("$[0].experienceYears")
                .isEqualTo(1);
        list("/api/teachers?organizationId=" + school + "&q=.*")
                .jsonPath("$.length()")
                .isEqualTo(0);
        list("/api/teachers?organizationId=" + school).jsonPath("$.length()").isEqualTo(4);
        list("/api/teachers?organizationId=" + school + "&size=2&page=1")
                .jsonPath("$.length()")
                .isEqualTo(2)
                .jsonPath("$[0].id")
                .isEqualTo(eltsova)
                .jsonPath("$[1].lastName")
                .isEqualTo("Иванова");
        http.get()
                .uri("/api/teachers?size=201&page=-1")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[?(@.field=='size')]")
                .exists()
                .jsonPath("$.errors[?(@.field=='page')]")
                .exists();
    }

    @Test
    void invalidFieldsAreAProblemListingEachField() {
        http.post()
                .uri("/api/teachers")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"organizationId\":\"\",\"lastName\":\"\",\"firstName\":\" \",\"position\":\"JANITOR\","
                        + "\"category\":\"SECOND\",\"expertKinds\":[\"FAME\"],\"birthDate\":null}")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[?(@.field=='organizationId')]")
                .exists()
                .jsonPath("$.errors[?(@.field=='lastName')]")
                .exists()
                .jsonPath("$.errors[?(@.field=='firstName')]")
                .exists()
                .jsonPath("$.errors[?(@.field=='position')]")
                .exists()
                .jsonPath("$.errors[?(@.field=='category')]")
                .exists()
                .jsonPath("$.errors[?(@.field=='birthDate')]")
                .exists()
                .jsonPath("$.errors[?(@.field=='pedagogicalStartDate')]")
                .exists()
                .jsonPath("$.errors[?(@.field =~ /expertKinds.*/)]")
                .exists();
    }

    @Test
    void fieldConstraintsImplausibleDatesAndAnUnknownOrganisationAreListedTogether() {
        LocalDate today = TeacherFixtures.today();
        Map<String, Object> body = TeacherFixtures.body("org-nowhere", "Петров");
        body.put("firstName", "");
        body.put("birthDate", today.minusYears(15).toString());
        body.put("pedagogicalStartDate", today.plusDays(1).toString());
        body.put("category", "FIRST");
        http.post()
                .uri("/api/teachers")
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors.length()")
                .isEqualTo(5)
                .jsonPath("$.errors[?(@.field=='firstName')]")
                .exists()
                .jsonPath("$.errors[?(@.field=='organizationId')]")
                .exists()
                .jsonPath("$.errors[?(@.field=='birthDate')]")
                .exists()
                .jsonPath("$.errors[?(@.field=='pedagogicalStartDate')]")
                .exists()
                .jsonPath("$.errors[?(@.field=='categoryDate')]")
                .exists();
    }

    @Test
    void aDuplicateExternalIdWithinTheOrganisationIsAConflict() {
        Map<String, Object> body = TeacherFixtures.body(school, "Сидорова");
        body.put("externalId", "ext-7");
        register(body);
        http.post()
                .uri("/api/teachers")
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isEqualTo(409)
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        String other = new RegistryFixtures(http).organization(municipality);
        body.put("organizationId", other);
        register(body);
        list("/api/teachers?organizationId=" + school).jsonPath("$.length()").isEqualTo(1);
    }

    @Test
    void departureIsSoftAndPublished() {
        String id = register(TeacherFixtures.body(school, "Уходящая"));
        try (EventProbe probe = new EventProbe("teacher.v1")) {
            http.delete()
                    .uri("/api/teachers/" + id)
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.status")
                    .isEqualTo("DEPARTED")
                    .jsonPath("$.departedOn")
                    .isEqualTo(TeacherFixtures.today().toString());
            var events = probe.await(
                    e -> e.type() == EventCatalog.TEACHER_DEPARTED
                            && e.subject().equals(id),
                    1,
                    Duration.ofSeconds(20));
            assertThat(events)
                    .singleElement()
                    .satisfies(e ->
                            assertThat(e.data()).isEqualTo(new TeacherDeparted(id, school, TeacherFixtures.today())));
        }
        http.delete().uri("/api/teachers/" + id).exchange().expectStatus().isOk();
        http.get()
                .uri("/api/teachers/" + id)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("DEPARTED");
        list("/api/teachers?organizationId=" + school).jsonPath("$.length()").isEqualTo(0);
        list("/api/teachers?organizationId=" + school + "&status=DEPARTED")
                .jsonPath("$[0].id")
                .isEqualTo(id);
        http.delete()
                .uri("/api/teachers/tch-nowhere")
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    private String register(Map<String, Object> body) {
        return (String) http.post()
                .uri("/api/teachers")
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody()
                .get("id");
    }

    private WebTestClient.BodyContentSpec list(String uri) {
        return http.get().uri(uri).exchange().expectStatus().isOk().expectBody();
    }
}
