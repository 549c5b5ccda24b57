package ru.msp.route.offer;

import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
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
import ru.msp.contracts.CloudEventCodec;
import ru.msp.contracts.DomainEvent;
import ru.msp.contracts.EventCatalog;
import ru.msp.contracts.EventPayload;
import ru.msp.contracts.EventScope;
import ru.msp.contracts.EventType;
import ru.msp.contracts.TargetGroup;
import ru.msp.contracts.activities.ActivityCancelled;
import ru.msp.contracts.activities.ActivityChanged;
import ru.msp.contracts.activities.ActivityFacts;
import ru.msp.contracts.activities.ActivityPublished;
import ru.msp.testsupport.TestTokens;
import ru.msp.testsupport.WithPlatformInfrastructure;

/** The offers read model fed from the real broker, as events-service publishes to it. */
@WithPlatformInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class OfferReadModelTest {

    static final Instant T0 = Instant.parse("2026-01-10T10:00:00Z");

    @Autowired
    WebTestClient http;

    @Autowired
    KafkaTemplate<String, String> kafka;

    @BeforeEach
    void asAdministrator() {
        http = http.mutate()
                .defaultHeader(HttpHeaders.AUTHORIZATION, TestTokens.admin())
                .build();
    }

    @Test
    void operatorsSeeOnlyTheOffersOfTheirScope() {
        String m1 = "mun-" + UUID.randomUUID();
        String m2 = "mun-" + UUID.randomUUID();
        String activity = UUID.randomUUID().toString();
        send(EventCatalog.ACTIVITY_PUBLISHED, m1, T0, new ActivityPublished(activity, facts(30)));
        awaitOffers(m1, "$[0].activityId", activity);

        String ownOperator =
                TestTokens.role("METHODIST").region("reg-66").municipality(m1).bearer();
        String otherOperator = TestTokens.role("MUNICIPAL_OPERATOR")
                .region("reg-66")
                .municipality(m2)
                .bearer();
        String otherRegion =
                TestTokens.role("REGIONAL_OPERATOR").region("reg-59").bearer();
        offersAs(ownOperator, m1).jsonPath("$.length()").isEqualTo(1);
        offersAs(otherOperator, m1).jsonPath("$.length()").isEqualTo(0);
        offersAs(otherRegion, m1).jsonPath("$.length()").isEqualTo(0);
        http.get()
                .uri("/api/routes/offers?municipalityId=" + m1)
                .header(HttpHeaders.AUTHORIZATION, "")
                .exchange()
                .expectStatus()
                .isUnauthorized();
    }

    private WebTestClient.BodyContentSpec offersAs(String token, String municipality) {
        return http.get()
                .uri("/api/routes/offers?municipalityId=" + municipality)
                .header(HttpHeaders.AUTHORIZATION, token)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody();
    }

    @Test
    void publishedActivitiesBecomeOffersOfTheirMunicipality() {
        String municipality = "mun-" + UUID.randomUUID();
        String activity = UUID.randomUUID().toString();
        send(EventCatalog.ACTIVITY_PUBLISHED, municipality, T0, new ActivityPublished(activity, facts(30)));

        awaitOffers(municipality, "$[0].activityId", activity);
        awaitOffers(municipality, "$[0].facts.capacity", 30);
        awaitOffers(municipality, "$[0].cancelled", false);
    }

    @Test
    void anOlderChangeArrivingLateDoesNotOverwriteANewerStateAndRedeliveryChangesNothing() {
        String municipality = "mun-" + UUID.randomUUID();
        String activity = UUID.randomUUID().toString();
        send(EventCatalog.ACTIVITY_PUBLISHED, municipality, T0, new ActivityPublished(activity, facts(30)));
        DomainEvent<ActivityChanged> newer = event(
                EventCatalog.ACTIVITY_CHANGED,
                municipality,
                T0.plusSeconds(120),
                new ActivityChanged(activity, facts(12)));
        send(newer);
        send(newer); // redelivered
        send(EventCatalog.ACTIVITY_CHANGED, municipality, T0.plusSeconds(60), new ActivityChanged(activity, facts(99)));
        DomainEvent<ActivityCancelled> marker = event(
                EventCatalog.ACTIVITY_CANCELLED,
                municipality,
                T0.plusSeconds(180),
                new ActivityCancelled(activity, "x"));
        send(marker);

        // the cancellation is the last event on the key: once it shows, every earlier one was processed
        awaitOffers(municipality, "$[0].cancelled", true);
        awaitOffers(municipality, "$[0].facts.capacity", 12);
        awaitOffers(municipality, "$.length()", 1);
    }

    /** The participation consumer (another group) may apply a cancellation before this one has the facts. */
    @Test
    void aCancellationAppliedBeforeTheFactsKeepsTheFacts() {
        String municipality = "mun-" + UUID.randomUUID();
        String activity = UUID.randomUUID().toString();
        send(EventCatalog.ACTIVITY_CANCELLED, municipality, T0.plusSeconds(180), new ActivityCancelled(activity, "x"));
        send(EventCatalog.ACTIVITY_PUBLISHED, municipality, T0, new ActivityPublished(activity, facts(30)));

        awaitOffers(municipality, "$[0].facts.capacity", 30);
        awaitOffers(municipality, "$[0].cancelled", true);
    }

    private void awaitOffers(String municipality, String path, Object expected) {
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> http.get()
                        .uri("/api/routes/offers?municipalityId=" + municipality)
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectBody()
                        .jsonPath(path)
                        .isEqualTo(expected));
    }

    private <P extends EventPayload> void send(EventType<P> type, String municipality, Instant time, P data) {
        send(event(type, municipality, time, data));
    }

    private void send(DomainEvent<?> event) {
        kafka.send("activities.v1", event.subject(), CloudEventCodec.encodeToString(event))
                .join();
    }

    private static <P extends EventPayload> DomainEvent<P> event(
            EventType<P> type, String municipality, Instant time, P data) {
        return new DomainEvent<>(
                UUID.randomUUID().toString(),
                "/msp/events-service",
                type,
                time,
                new EventScope("reg-66", municipality, "org-1"),
                "corr",
                null,
                data);
    }

    private static ActivityFacts facts(int capacity) {
        return new ActivityFacts(
                "COURSE",
                "REGIONAL",
                "org-irro",
                List.of("ASSESSMENT"),
                Set.of(TargetGroup.YOUNG_TEACHER),
                List.of("TEACHER"),
                "REMOTE",
                T0.plus(Duration.ofDays(30)),
                T0.plus(Duration.ofDays(44)),
                capacity,
                new BigDecimal("36"),
                true);
    }
}
