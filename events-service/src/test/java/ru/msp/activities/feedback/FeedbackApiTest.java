package ru.msp.activities.feedback;

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
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;
import ru.msp.activities.Drafts;
import ru.msp.activities.TeacherFeed;
import ru.msp.activities.activity.ActivityView;
import ru.msp.activities.teacher.TeacherDirectory;
import ru.msp.contracts.EventCatalog;
import ru.msp.contracts.activities.FeedbackReceived;
import ru.msp.testsupport.EventProbe;
import ru.msp.testsupport.TestTokens;
import ru.msp.testsupport.WithPlatformInfrastructure;

/** Questionnaires after activities (seed 003): one per participant, summarised per activity, organiser, competency. */
@WithPlatformInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "PT60S") // generous: the build machine is shared
class FeedbackApiTest {

    @Autowired
    WebTestClient http;

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    TeacherDirectory directory;

    TeacherFeed feed;
    String region = "reg-" + UUID.randomUUID();
    String municipality = "mun-" + UUID.randomUUID();
    String organizer = "org-imk-" + UUID.randomUUID();
    String operator;

    @BeforeEach
    void setUp() {
        feed = new TeacherFeed(kafka, directory);
        operator = TestTokens.role("MUNICIPAL_OPERATOR")
                .region(region)
                .municipality(municipality)
                .bearer();
    }

    @Test
    void eachParticipantAnswersOnceAndTheAnswersAreSummarised() {
        String activity = activity();
        String registered = feed.teacher(region, municipality, "org-1");
        String attended = feed.teacher(region, municipality, "org-1");
        String stranger = feed.teacher(region, municipality, "org-1");
        post(activity, "registrations", Map.of("teacherId", registered))
                .expectStatus()
                .isCreated();
        post(activity, "attendance", List.of(Map.of("teacherId", attended, "attended", true, "date", "2026-03-02")))
                .expectBody()
                .jsonPath("$.recorded")
                .isEqualTo(1);

        String registeredToken = TestTokens.role("TEACHER")
                .region(region)
                .municipality(municipality)
                .organization("org-1")
                .teacher(registered)
                .bearer();
        try (EventProbe probe = new EventProbe("activities.v1")) {
            answer(activity, registeredToken, registered, 5, 4, 5, "Полезно, ждём продолжения")
                    .expectStatus()
                    .isCreated();
            answer(activity, registeredToken, registered, 5, 4, 5, "Полезно, ждём продолжения")
                    .expectStatus()
                    .isOk();
            answer(activity, registeredToken, registered, 1, 1, 1, null)
                    .expectStatus()
                    .isEqualTo(409);
            answer(activity, operator, attended, 3, 3, 2, null).expectStatus().isCreated();
            answer(activity, operator, stranger, 3, 3, 3, null)
                    .expectStatus()
                    .isBadRequest()
                    .expectBody()
                    .jsonPath("$.errors[0].field")
                    .isEqualTo("teacherId");
            answer(activity, registeredToken, attended, 3, 3, 3, null)
                    .expectStatus()
                    .isForbidden();

            var events = probe.await(
                    e -> e.type() == EventCatalog.FEEDBACK_RECEIVED
                            && ((FeedbackReceived) e.data()).activityId().equals(activity),
                    2,
                    Duration.ofSeconds(60));
            assertThat(events)
                    .extracting(e -> (FeedbackReceived) e.data())
                    .extracting(f -> f.teacherId() + ":" + f.usefulness() + f.relevance() + f.satisfaction())
                    .containsExactlyInAnyOrder(registered + ":545", attended + ":332");
        }

        http.get()
                .uri("/api/activities/" + activity + "/feedback/summary")
                .header(HttpHeaders.AUTHORIZATION, registeredToken)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.count")
                .isEqualTo(2)
                .jsonPath("$.usefulness")
                .isEqualTo(4.0)
                .jsonPath("$.relevance")
                .isEqualTo(3.5)
                .jsonPath("$.satisfaction")
                .isEqualTo(3.5);
        http.get()
                .uri("/api/activities/feedback/summary?organizerId=" + organizer)
                .header(HttpHeaders.AUTHORIZATION, operator)
                .exchange()
                .expectBody()
                .jsonPath("$.count")
                .isEqualTo(2);
        http.get()
                .uri("/api/activities/feedback/summary?competency=READING_LITERACY")
                .header(HttpHeaders.AUTHORIZATION, operator)
                .exchange()
                .expectBody()
                .jsonPath("$.count")
                .isEqualTo(2)
                .jsonPath("$.satisfaction")
                .isEqualTo(3.5);

        String otherMunicipality = TestTokens.role("MUNICIPAL_OPERATOR")
                .region(region)
                .municipality("mun-" + UUID.randomUUID())
                .bearer();
        http.get()
                .uri("/api/activities/feedback/summary?organizerId=" + organizer)
                .header(HttpHeaders.AUTHORIZATION, otherMunicipality)
                .exchange()
                .expectBody()
                .jsonPath("$.count")
                .isEqualTo(0);
        http.get()
                .uri("/api/activities/" + activity + "/feedback/summary")
                .header(HttpHeaders.AUTHORIZATION, otherMunicipality)
                .exchange()
                .expectStatus()
                .isNotFound();
        answer(activity, otherMunicipality, attended, 3, 3, 3, null)
                .expectStatus()
                .isForbidden();
    }

    @Test
    void scoresOutsideOneToFiveAreRefused() {
        String activity = activity();
        String teacher = feed.teacher(region, municipality, "org-1");
        post(activity, "registrations", Map.of("teacherId", teacher))
                .expectStatus()
                .isCreated();
        answer(activity, operator, teacher, 6, 0, 3, null)
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[?(@.field=='usefulness')]")
                .exists()
                .jsonPath("$.errors[?(@.field=='relevance')]")
                .exists();
        http.get()
                .uri("/api/activities/" + activity + "/feedback/summary")
                .header(HttpHeaders.AUTHORIZATION, operator)
                .exchange()
                .expectBody()
                .jsonPath("$.count")
                .isEqualTo(0);
    }

    private String activity() {
        return http.post()
                .uri("/api/activities")
                .header(HttpHeaders.AUTHORIZATION, operator)
                .bodyValue(Drafts.seminar(region, municipality, "MUNICIPAL", organizer, 30, Set.of(), List.of(), true))
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody(ActivityView.class)
                .returnResult()
                .getResponseBody()
                .id();
    }

    private WebTestClient.ResponseSpec answer(
            String activity, String token, String teacher, int useful, int relevant, int satisfied, String comment) {
        var body = new java.util.HashMap<String, Object>();
        body.put("teacherId", teacher);
        body.put("usefulness", useful);
        body.put("relevance", relevant);
        body.put("satisfaction", satisfied);
        body.put("comment", comment);
        return http.post()
                .uri("/api/activities/" + activity + "/feedback")
                .header(HttpHeaders.AUTHORIZATION, token)
                .bodyValue(body)
                .exchange();
    }

    private WebTestClient.ResponseSpec post(String activity, String what, Object body) {
        return http.post()
                .uri("/api/activities/" + activity + "/" + what)
                .header(HttpHeaders.AUTHORIZATION, operator)
                .bodyValue(body)
                .exchange();
    }
}
