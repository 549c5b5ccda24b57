package ru.msp.teacher.teacher;

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
import ru.msp.teacher.RegistryFixtures;
import ru.msp.testsupport.TestTokens;
import ru.msp.testsupport.WithPlatformInfrastructure;

/** The filters, paging and sort of {@code GET /api/teachers}. */
@WithPlatformInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class TeacherSearchApiTest {

    @Autowired
    WebTestClient http;

    String school;
    String young;
    String veteran;
    String director;
    String departed;

    @BeforeEach
    void aSchoolWithFourTeachers() {
        http = http.mutate()
                .defaultHeader(HttpHeaders.AUTHORIZATION, TestTokens.admin())
                .build();
        RegistryFixtures fixtures = new RegistryFixtures(http);
        school = fixtures.organization(fixtures.municipality(fixtures.region()));
        LocalDate today = TeacherFixtures.today();
        young = register(TeacherFixtures.body(school, "Молодова")); // 25, in the second year, YOUNG_TEACHER
        Map<String, Object> old = TeacherFixtures.body(school, "Старова");
        old.put("birthDate", today.minusYears(50).toString());
        old.put("pedagogicalStartDate", today.minusYears(28).toString());
        old.put("targetGroups", List.of("MENTOR", "GIFTED"));
        veteran = register(old);
        Map<String, Object> head = TeacherFixtures.body(school, "Главная");
        head.put("position", "DIRECTOR");
        head.put("birthDate", today.minusYears(33).toString());
        head.put("pedagogicalStartDate", today.minusYears(3).toString()); // third anniversary today: not young
        head.put("targetGroups", List.of());
        director = register(head);
        departed = register(TeacherFixtures.body(school, "Ушедшая"));
        http.delete().uri("/api/teachers/" + departed).exchange().expectStatus().isOk();
    }

    @Test
    void filtersByPositionTargetGroupAndYoungSpecialist() {
        list("position=DIRECTOR")
                .jsonPath("$.length()")
                .isEqualTo(1)
                .jsonPath("$[0].id")
                .isEqualTo(director);
        list("targetGroup=MENTOR")
                .jsonPath("$.length()")
                .isEqualTo(1)
                .jsonPath("$[0].id")
                .isEqualTo(veteran);
        list("youngSpecialist=true")
                .jsonPath("$.length()")
                .isEqualTo(1)
                .jsonPath("$[0].id")
                .isEqualTo(young)
                .jsonPath("$[0].youngSpecialist")
                .isEqualTo(true);
        list("youngSpecialist=false").jsonPath("$.length()").isEqualTo(2);
        // a day before the director's third anniversary they were still a young specialist
        String yesterday = TeacherFixtures.today().minusDays(1).toString();
        list("youngSpecialist=true&asOf=" + yesterday)
                .jsonPath("$.length()")
                .isEqualTo(2)
                .jsonPath("$[0].id")
                .isEqualTo(director)
                .jsonPath("$[0].asOf")
                .isEqualTo(yesterday)
                .jsonPath("$[0].youngSpecialist")
                .isEqualTo(true);
        // two years ahead the young teacher has 3 years of work
        list("youngSpecialist=true&asOf=" + TeacherFixtures.today().plusYears(2))
                .jsonPath("$.length()")
                .isEqualTo(0);
    }

    @Test
    void departedTeachersOnlyWhenAsked() {
        list("").jsonPath("$.length()").isEqualTo(3);
        list("includeDeparted=true").jsonPath("$.length()").isEqualTo(4);
        list("status=DEPARTED")
                .jsonPath("$.length()")
                .isEqualTo(1)
                .jsonPath("$[0].id")
                .isEqualTo(departed);
    }

    @Test
    void pagesCarryTheTotalAndTheSortIsStable() {
        String twinA = register(TeacherFixtures.body(school, "Близнецова"));
        String twinB = register(TeacherFixtures.body(school, "Близнецова"));
        String first = twinA.compareTo(twinB) < 0 ? twinA : twinB;
        String second = first.equals(twinA) ? twinB : twinA;
        http.get()
                .uri("/api/teachers?organizationId=" + school + "&size=2&page=0")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals("X-Total-Count", "5")
                .expectBody()
                .jsonPath("$.length()")
                .isEqualTo(2)
                .jsonPath("$[0].id")
                .isEqualTo(first)
                .jsonPath("$[1].id")
                .isEqualTo(second)
                .jsonPath("$[0].lastName")
                .isEqualTo("Близнецова");
        http.get()
                .uri("/api/teachers?organizationId=" + school + "&size=2&page=2")
                .exchange()
                .expectHeader()
                .valueEquals("X-Total-Count", "5")
                .expectBody()
                .jsonPath("$.length()")
                .isEqualTo(1)
                .jsonPath("$[0].id")
                .isEqualTo(veteran);
    }

    @Test
    void unknownFilterValuesAreAProblem() {
        http.get()
                .uri("/api/teachers?position=JANITOR&targetGroup=ASTRONAUTS&asOf=2020-13-01")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("asOf");
        http.get()
                .uri("/api/teachers?position=JANITOR&targetGroup=ASTRONAUTS")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[?(@.field=='position')]")
                .exists()
                .jsonPath("$.errors[?(@.field=='targetGroup')]")
                .exists();
    }

    private WebTestClient.BodyContentSpec list(String query) {
        return http.get()
                .uri("/api/teachers?organizationId=" + school + "&" + query)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody();
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
}
