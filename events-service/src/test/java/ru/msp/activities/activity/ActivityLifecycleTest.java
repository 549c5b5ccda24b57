package ru.msp.activities.activity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;
import ru.msp.activities.Drafts;
import ru.msp.contracts.EventCatalog;
import ru.msp.contracts.activities.ActivityCancelled;
import ru.msp.contracts.activities.ActivityChanged;
import ru.msp.testsupport.EventProbe;
import ru.msp.testsupport.TestTokens;
import ru.msp.testsupport.WithPlatformInfrastructure;

/** Draft → published → changed → cancelled or finished, with the events each step announces. */
@WithPlatformInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "PT60S") // generous: the build machine is shared
class ActivityLifecycleTest {

    @Autowired
    WebTestClient http;

    String region = "reg-" + UUID.randomUUID();
    String municipality = "mun-" + UUID.randomUUID();
    String operator = TestTokens.role("MUNICIPAL_OPERATOR")
            .region(region)
            .municipality(municipality)
            .bearer();

    @Test
    void aDraftIsPublishedChangedAndCancelledAnnouncingEachStep() {
        ActivityDraft draft = Drafts.seminar(
                region, municipality, "MUNICIPAL", "org-imk", 20, java.util.Set.of(), java.util.List.of(), false);
        try (EventProbe probe = new EventProbe("activities.v1")) {
            String id = post("/api/activities", draft)
                    .expectStatus()
                    .isCreated()
                    .expectBody(ActivityView.class)
                    .returnResult()
                    .getResponseBody()
                    .id();
            post("/api/activities/" + id + "/publish", null)
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.status")
                    .isEqualTo("PUBLISHED");
            post("/api/activities/" + id + "/publish", null).expectStatus().isEqualTo(409);

            ActivityDraft bigger = Drafts.seminar(
                    region, municipality, "MUNICIPAL", "org-imk", 35, java.util.Set.of(), java.util.List.of(), false);
            http.put()
                    .uri("/api/activities/" + id)
                    .header(HttpHeaders.AUTHORIZATION, operator)
                    .bodyValue(bigger)
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.capacity")
                    .isEqualTo(35)
                    .jsonPath("$.seatsLeft")
                    .isEqualTo(35)
                    .jsonPath("$.status")
                    .isEqualTo("PUBLISHED");

            post("/api/activities/" + id + "/cancel", new ActivityHandler.Cancellation("Карантин"))
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.status")
                    .isEqualTo("CANCELLED")
                    .jsonPath("$.cancelReason")
                    .isEqualTo("Карантин");
            post("/api/activities/" + id + "/cancel", null).expectStatus().isEqualTo(409);
            post("/api/activities/" + id + "/finish", null).expectStatus().isEqualTo(409);

            var events = probe.await(
                    e -> e.subject().equals(id) && e.type() != EventCatalog.TEACHER_INFORMED,
                    3,
                    Duration.ofSeconds(60));
            assertThat(events)
                    .extracting(e -> (Object) e.type())
                    .containsExactly(
                            EventCatalog.ACTIVITY_PUBLISHED,
                            EventCatalog.ACTIVITY_CHANGED,
                            EventCatalog.ACTIVITY_CANCELLED);
            assertThat(((ActivityChanged) events.get(1).data()).facts().capacity())
                    .isEqualTo(35);
            assertThat(((ActivityCancelled) events.get(2).data()).reason()).isEqualTo("Карантин");
        }
    }

    @Test
    void aPublishedActivityFinishesAndThenCannotChange() {
        String id = post("/api/activities", Drafts.seminar(region, municipality, 10))
                .expectStatus()
                .isCreated()
                .expectBody(ActivityView.class)
                .returnResult()
                .getResponseBody()
                .id();
        post("/api/activities/" + id + "/finish", null)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("FINISHED");
        http.put()
                .uri("/api/activities/" + id)
                .header(HttpHeaders.AUTHORIZATION, operator)
                .bodyValue(Drafts.seminar(region, municipality, 12))
                .exchange()
                .expectStatus()
                .isEqualTo(409);
    }

    @Test
    void aChangeCannotMoveTheActivityOrBreakItsRules() {
        String id = post("/api/activities", Drafts.seminar(region, municipality, 10))
                .expectStatus()
                .isCreated()
                .expectBody(ActivityView.class)
                .returnResult()
                .getResponseBody()
                .id();
        http.put()
                .uri("/api/activities/" + id)
                .header(HttpHeaders.AUTHORIZATION, TestTokens.admin())
                .bodyValue(Drafts.seminar(region, "mun-" + UUID.randomUUID(), 10))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[?(@.field=='municipalityId')]")
                .exists();
        http.get()
                .uri("/api/activities/" + id)
                .header(HttpHeaders.AUTHORIZATION, operator)
                .exchange()
                .expectBody()
                .jsonPath("$.municipalityId")
                .isEqualTo(municipality);
    }

    @Test
    void aCompetitionCarriesItsStages() {
        post("/api/activities", Drafts.competition(region, municipality))
                .expectStatus()
                .isCreated()
                .expectBody()
                .jsonPath("$.stages.length()")
                .isEqualTo(2)
                .jsonPath("$.stages[1].level")
                .isEqualTo("REGIONAL");
    }

    @Test
    void anotherMunicipalitysOperatorCannotMoveTheLifecycle() {
        String id = post("/api/activities", Drafts.seminar(region, municipality, 10))
                .expectStatus()
                .isCreated()
                .expectBody(ActivityView.class)
                .returnResult()
                .getResponseBody()
                .id();
        String other = TestTokens.role("MUNICIPAL_OPERATOR")
                .region(region)
                .municipality("mun-" + UUID.randomUUID())
                .bearer();
        for (String step : new String[] {"publish", "cancel", "finish"}) {
            http.post()
                    .uri("/api/activities/" + id + "/" + step)
                    .header(HttpHeaders.AUTHORIZATION, other)
                    .exchange()
                    .expectStatus()
                    .isForbidden();
        }
        http.put()
                .uri("/api/activities/" + id)
                .header(HttpHeaders.AUTHORIZATION, other)
                .bodyValue(Drafts.seminar(region, municipality, 12))
                .exchange()
                .expectStatus()
                .isForbidden();
        String teacher = TestTokens.role("TEACHER")
                .region(region)
                .municipality(municipality)
                .teacher("t-1")
                .bearer();
        http.post()
                .uri("/api/activities/" + id + "/cancel")
                .header(HttpHeaders.AUTHORIZATION, teacher)
                .exchange()
                .expectStatus()
                .isForbidden();
        http.get()
                .uri("/api/activities/" + id)
                .header(HttpHeaders.AUTHORIZATION, operator)
                .exchange()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("PUBLISHED");
    }

    private WebTestClient.ResponseSpec post(String uri, Object body) {
        var spec = http.post().uri(uri).header(HttpHeaders.AUTHORIZATION, operator);
        return body == null ? spec.exchange() : spec.bodyValue(body).exchange();
    }
}
