package ru.msp.route.route;

import static org.awaitility.Awaitility.await;
import static ru.msp.route.RouteEvents.partial;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;
import ru.msp.route.RouteEvents;
import ru.msp.testsupport.TestTokens;
import ru.msp.testsupport.WithPlatformInfrastructure;

/** Routes are read and changed only within the caller's scope: other territories get 404 / absent and 403. */
@WithPlatformInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class RouteTenancyTest {

    @Autowired
    WebTestClient http;

    @Autowired
    KafkaTemplate<String, String> kafka;

    RouteEvents events;
    String teacher;
    String id;

    @BeforeEach
    void aRouteInOneMunicipality() {
        events = new RouteEvents(kafka);
        teacher = RouteEvents.id("tch");
        events.send(events.diagnosis(teacher, partial("ASSESSMENT")));
        id = "rt-" + teacher + "-1";
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> get(TestTokens.admin(), "/api/routes/" + id)
                        .expectStatus()
                        .isOk());
    }

    @Test
    void anotherMunicipalityNeitherSeesNorChangesIt() {
        String other = TestTokens.role("METHODIST")
                .region(events.region)
                .municipality("mun-other")
                .bearer();
        String otherRegion =
                TestTokens.role("REGIONAL_OPERATOR").region("reg-other").bearer();
        get(other, "/api/routes/" + id).expectStatus().isNotFound();
        get(otherRegion, "/api/routes/" + id).expectStatus().isNotFound();
        get(other, "/api/routes?teacherId=" + teacher)
                .expectBody()
                .jsonPath("$.length()")
                .isEqualTo(0);
        get(otherRegion, "/api/routes?teacherId=" + teacher)
                .expectBody()
                .jsonPath("$.length()")
                .isEqualTo(0);
        get(other, "/api/routes/unmet-needs?municipalityId=" + events.municipality)
                .expectBody()
                .jsonPath("$.length()")
                .isEqualTo(0);
        post(other, "/api/routes/" + id + "/approve", Map.of("tutorId", "t"))
                .expectStatus()
                .isForbidden();
        post(other, "/api/routes/" + id + "/cancel", Map.of("reason", "r"))
                .expectStatus()
                .isForbidden();
        client(other)
                .patch()
                .uri("/api/routes/" + id + "/steps/s1")
                .bodyValue(Map.of("status", "DONE", "comment", "c"))
                .exchange()
                .expectStatus()
                .isForbidden();
        get(TestTokens.admin(), "/api/routes/" + id)
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("SUGGESTED");
        post(other, "/api/routes/rt-nobody-1/approve", Map.of("tutorId", "t"))
                .expectStatus()
                .isNotFound();
    }

    @Test
    void theTeacherAndTheSchoolSeeItButOnlyMethodistsOfTheMunicipalityChangeIt() {
        String self = TestTokens.role("TEACHER")
                .region(events.region)
                .municipality(events.municipality)
                .organization(events.school)
                .teacher(teacher)
                .bearer();
        String colleague = TestTokens.role("TEACHER")
                .region(events.region)
                .municipality(events.municipality)
                .organization(events.school)
                .teacher("tch-colleague")
                .bearer();
        String school = TestTokens.role("SCHOOL_SYSTEM")
                .region(events.region)
                .municipality(events.municipality)
                .organization(events.school)
                .bearer();
        String otherSchool = TestTokens.role("SCHOOL_SYSTEM")
                .region(events.region)
                .municipality(events.municipality)
                .organization("org-other")
                .bearer();
        String regional =
                TestTokens.role("REGIONAL_OPERATOR").region(events.region).bearer();
        String operator = TestTokens.role("MUNICIPAL_OPERATOR")
                .region(events.region)
                .municipality(events.municipality)
                .bearer();
        get(self, "/api/routes/" + id).expectStatus().isOk();
        get(colleague, "/api/routes/" + id).expectStatus().isNotFound();
        get(school, "/api/routes?organizationId=" + events.school)
                .expectBody()
                .jsonPath("$.length()")
                .isEqualTo(1);
        get(otherSchool, "/api/routes/" + id).expectStatus().isNotFound();
        get(regional, "/api/routes/" + id).expectStatus().isOk();
        post(self, "/api/routes/" + id + "/approve", Map.of("tutorId", "t"))
                .expectStatus()
                .isForbidden();
        post(school, "/api/routes/" + id + "/approve", Map.of("tutorId", "t"))
                .expectStatus()
                .isForbidden();
        post(operator, "/api/routes/" + id + "/approve", Map.of("tutorId", "t"))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("APPROVED");
        client("").get().uri("/api/routes/" + id).exchange().expectStatus().isUnauthorized();
    }

    private WebTestClient client(String token) {
        return http.mutate().defaultHeader(HttpHeaders.AUTHORIZATION, token).build();
    }

    private WebTestClient.ResponseSpec get(String token, String uri) {
        return client(token).get().uri(uri).exchange();
    }

    private WebTestClient.ResponseSpec post(String token, String uri, Object body) {
        return client(token).post().uri(uri).bodyValue(body).exchange();
    }
}
