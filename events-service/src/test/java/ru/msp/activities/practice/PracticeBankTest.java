package ru.msp.activities.practice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;
import ru.msp.activities.Drafts;
import ru.msp.activities.TeacherFeed;
import ru.msp.activities.activity.ActivityView;
import ru.msp.activities.teacher.TeacherDirectory;
import ru.msp.contracts.EventCatalog;
import ru.msp.contracts.activities.PracticeApproved;
import ru.msp.testsupport.EventProbe;
import ru.msp.testsupport.TestTokens;
import ru.msp.testsupport.WithPlatformInfrastructure;

/** Schools submit practices, the methodical service approves them into the bank, everyone finds them by competency. */
@WithPlatformInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "PT60S") // generous: the build machine is shared
class PracticeBankTest {

    @Autowired
    WebTestClient http;

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    TeacherDirectory directory;

    TeacherFeed feed;
    String region = "reg-" + UUID.randomUUID();
    String municipality = "mun-" + UUID.randomUUID();
    String competency = "FINANCIAL_LITERACY-" + UUID.randomUUID();
    String methodist;
    String school;

    @BeforeEach
    void setUp() {
        feed = new TeacherFeed(kafka, directory);
        methodist = TestTokens.role("METHODIST")
                .region(region)
                .municipality(municipality)
                .bearer();
        school = TestTokens.role("SCHOOL_SYSTEM")
                .region(region)
                .municipality(municipality)
                .organization("org-48")
                .bearer();
    }

    @Test
    void aSubmittedPracticeIsApprovedOnceAndFoundByCompetency() {
        String author = feed.teacher(region, municipality, "org-48");
        String activity = http.post()
                .uri("/api/activities")
                .header(HttpHeaders.AUTHORIZATION, methodist)
                .bodyValue(Drafts.seminar(region, municipality, 40))
                .exchange()
                .expectBody(ActivityView.class)
                .returnResult()
                .getResponseBody()
                .id();
        PracticeHandler.PracticeView submitted = submit(school, practice("org-48", List.of(author), activity))
                .expectStatus()
                .isCreated()
                .expectBody(PracticeHandler.PracticeView.class)
                .returnResult()
                .getResponseBody();
        assertThat(submitted.status()).isEqualTo("SUBMITTED");
        String id = submitted.id();
        String teacher = TestTokens.role("TEACHER")
                .region(region)
                .municipality(municipality)
                .teacher(author)
                .bearer();
        search(teacher, competency).jsonPath("$.length()").isEqualTo(0); // not in the bank until approved

        http.post()
                .uri("/api/practices/" + id + "/approve")
                .header(HttpHeaders.AUTHORIZATION, school)
                .exchange()
                .expectStatus()
                .isForbidden();
        try (EventProbe probe = new EventProbe("activities.v1")) {
            approve(id, methodist)
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.status")
                    .isEqualTo("APPROVED");
            approve(id, methodist).expectStatus().isOk();
            var events = probe.await(
                    e -> e.type() == EventCatalog.PRACTICE_APPROVED
                            && e.subject().equals(id),
                    1,
                    Duration.ofSeconds(60));
            PracticeApproved approved = (PracticeApproved) events.get(0).data();
            assertThat(approved.authorTeacherIds()).containsExactly(author);
            assertThat(approved.competencyCodes()).containsExactly(competency);
            assertThat(approved.activityId()).isEqualTo(activity);
            assertThat(approved.presentedLevel()).isEqualTo("MUNICIPAL");
            assertThat(probe.events(
                            e -> e.type() == EventCatalog.PRACTICE_APPROVED
                                    && e.subject().equals(id),
                            Duration.ofSeconds(2)))
                    .hasSize(1);
        }
        search(teacher, competency)
                .jsonPath("$.length()")
                .isEqualTo(1)
                .jsonPath("$[?(@.id=='" + id + "')].status")
                .isEqualTo("APPROVED");
    }

    @Test
    void badPracticesAreRefusedAndAnotherTerritoryCannotSeeOrTouchThem() {
        String author = feed.teacher(region, municipality, "org-48");
        Map<String, Object> unknownAuthor = practice("org-48", List.of("t-nobody-" + UUID.randomUUID()), null);
        submit(school, unknownAuthor)
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("authorTeacherIds");
        Map<String, Object> badLink = practice("org-48", List.of(author), null);
        badLink.put("materialsUrl", "file:///c:/school");
        badLink.put("competencyCodes", List.of());
        submit(school, badLink)
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[?(@.field=='materialsUrl')]")
                .exists()
                .jsonPath("$.errors[?(@.field=='competencyCodes')]")
                .exists();
        submit(school, practice("org-41", List.of(author), null)).expectStatus().isForbidden();

        String id = idOf(practice("org-48", List.of(author), null));
        String other = TestTokens.role("MUNICIPAL_OPERATOR")
                .region(region)
                .municipality("mun-" + UUID.randomUUID())
                .bearer();
        search(other, competency).jsonPath("$.length()").isEqualTo(0);
        http.get()
                .uri("/api/practices/" + id)
                .header(HttpHeaders.AUTHORIZATION, other)
                .exchange()
                .expectStatus()
                .isNotFound();
        approve(id, other).expectStatus().isForbidden();
        http.get()
                .uri("/api/practices/" + id)
                .header(HttpHeaders.AUTHORIZATION, methodist)
                .exchange()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("SUBMITTED");
    }

    private Map<String, Object> practice(String organization, List<String> authors, String activity) {
        Map<String, Object> body = new HashMap<>();
        body.put("regionId", region);
        body.put("municipalityId", municipality);
        body.put("organizationId", organization);
        body.put("title", "Школа садоводства и растениеводства как основа финансовой грамотности");
        body.put("authorTeacherIds", authors);
        body.put("competencyCodes", List.of(competency));
        body.put("presentedLevel", "MUNICIPAL");
        body.put("materialsUrl", "https://school48.example/practice");
        body.put("activityId", activity);
        return body;
    }

    private String idOf(Map<String, Object> body) {
        return submit(school, body)
                .expectStatus()
                .isCreated()
                .expectBody(PracticeHandler.PracticeView.class)
                .returnResult()
                .getResponseBody()
                .id();
    }

    private WebTestClient.ResponseSpec submit(String token, Object body) {
        return http.post()
                .uri("/api/practices")
                .header(HttpHeaders.AUTHORIZATION, token)
                .bodyValue(body)
                .exchange();
    }

    private WebTestClient.ResponseSpec approve(String id, String token) {
        return http.post()
                .uri("/api/practices/" + id + "/approve")
                .header(HttpHeaders.AUTHORIZATION, token)
                .exchange();
    }

    private WebTestClient.BodyContentSpec search(String token, String competency) {
        return http.get()
                .uri("/api/practices?competency=" + competency)
                .header(HttpHeaders.AUTHORIZATION, token)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody();
    }
}
