package ru.msp.support.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.IndexInfo;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import ru.msp.support.idempotency.IdempotencyRecord.State;
import ru.msp.support.idempotency.WritesTestApplication.Thing;
import ru.msp.support.idempotency.WritesTestApplication.ThingController;
import ru.msp.testsupport.TestTokens;
import ru.msp.testsupport.WithPlatformInfrastructure;

/** {@code Idempotency-Key} on writes, against the shared MongoDB endpoint. */
@WithPlatformInfrastructure
@SpringBootTest(classes = WritesTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class IdempotencyKeyTest {

    @Autowired
    WebTestClient http;

    @Autowired
    ReactiveMongoTemplate mongo;

    @Autowired
    MeterRegistry meters;

    /** A school system's token with its own subject, so tests never share keys. */
    private static String schoolSystem() {
        return TestTokens.role("SCHOOL_SYSTEM")
                .region("r-1")
                .municipality("m-1")
                .organization("o-1")
                .client("school-42")
                .subject("school-" + UUID.randomUUID())
                .bearer();
    }

    private static String body(String name) {
        return "{\"name\":\"" + name + "\"}";
    }

    private WebTestClient.ResponseSpec post(String token, String key, String body) {
        return post(token, key, body, "/api/things");
    }

    private WebTestClient.ResponseSpec post(String token, String key, String body, String uri) {
        WebTestClient.RequestBodySpec request =
                http.post().uri(uri).header(HttpHeaders.AUTHORIZATION, token).contentType(MediaType.APPLICATION_JSON);
        if (key != null) {
            request = request.header(IdempotencyWebFilter.HEADER, key);
        }
        return request.bodyValue(body).exchange();
    }

    private long things(String name) {
        return mongo.count(query(where("name").is(name)), Thing.class).block();
    }

    private static int attempts(String name) {
        var attempts = ThingController.ATTEMPTS.get(name);
        return attempts == null ? 0 : attempts.get();
    }

    private IdempotencyRecord record(String subjectToken, String key) {
        String subject = subjectOf(subjectToken);
        return mongo.findById(IdempotencyRecord.idOf(subject, key), IdempotencyRecord.class)
                .block();
    }

    /** The subject of a bearer token, read from its (unverified) payload. */
    private static String subjectOf(String bearer) {
        String payload = bearer.substring("Bearer ".length()).split("\\.")[1];
        String json = new String(java.util.Base64.getUrlDecoder().decode(payload));
        int at = json.indexOf("\"sub\":\"") + 7;
        return json.substring(at, json.indexOf('"', at));
    }

    private double replays(String outcome) {
        var counter =
                meters.find("msp.idempotency.replays").tag("outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void theSameKeyAndBodyTwiceReplaysTheFirstResponseAndTheHandlerRunsOnce() {
        String token = schoolSystem();
        String key = "key-" + UUID.randomUUID();
        String name = "thing-" + UUID.randomUUID();
        double replaysBefore = replays("replayed");

        EntityExchangeResult<byte[]> first = post(token, key, body(name))
                .expectStatus()
                .isCreated()
                .expectHeader()
                .doesNotExist(IdempotencyWebFilter.REPLAYED_HEADER)
                .expectBody()
                .returnResult();
        EntityExchangeResult<byte[]> second = post(token, key, body(name))
                .expectStatus()
                .isCreated()
                .expectHeader()
                .valueEquals(IdempotencyWebFilter.REPLAYED_HEADER, "true")
                .expectBody()
                .returnResult();

        assertThat(second.getResponseBody()).isEqualTo(first.getResponseBody());
        assertThat(second.getResponseHeaders().getContentType())
                .isEqualTo(first.getResponseHeaders().getContentType());
        assertThat(second.getResponseHeaders().getLocation())
                .isNotNull()
                .isEqualTo(first.getResponseHeaders().getLocation());
        assertThat(things(name)).isEqualTo(1);
        assertThat(attempts(name)).isEqualTo(1);
        assertThat(record(token, key).state()).isEqualTo(State.COMPLETED);
        assertThat(replays("replayed")).isEqualTo(replaysBefore + 1);
    }

    @Test
    void theSameKeyWithADifferentBodyOrQueryIs422AndRunsNothing() {
        String token = schoolSystem();
        String key = "key-" + UUID.randomUUID();
        String name = "thing-" + UUID.randomUUID();
        post(token, key, body(name)).expectStatus().isCreated();

        post(token, key, body(name + "-other"))
                .expectStatus()
                .isEqualTo(422)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(422)
                .jsonPath("$.detail")
                .isEqualTo("Idempotency-Key reused with a different request.")
                .jsonPath("$.errors[0].field")
                .isEqualTo(IdempotencyWebFilter.HEADER);
        post(token, key, body(name), "/api/things?variant=2").expectStatus().isEqualTo(422);

        assertThat(attempts(name)).isEqualTo(1);
        assertThat(attempts(name + "-other")).isZero();
        assertThat(things(name)).isEqualTo(1);
    }

    @Test
    void twoSubjectsWithTheSameKeyAreIndependent() {
        String key = "shared-key-" + UUID.randomUUID();
        String name = "thing-" + UUID.randomUUID();
        String alice = schoolSystem();
        String bob = schoolSystem();

        byte[] fromAlice = post(alice, key, body(name))
                .expectStatus()
                .isCreated()
                .expectBody()
                .returnResult()
                .getResponseBody();
        byte[] fromBob = post(bob, key, body(name))
                .expectStatus()
                .isCreated()
                .expectHeader()
                .doesNotExist(IdempotencyWebFilter.REPLAYED_HEADER)
                .expectBody()
                .returnResult()
                .getResponseBody();

        assertThat(fromBob).isNotEqualTo(fromAlice); // a new thing with its own id, not Alice's response
        assertThat(things(name)).isEqualTo(2);
        // Bob's retry replays Bob's response
        post(bob, key, body(name)).expectHeader().valueEquals(IdempotencyWebFilter.REPLAYED_HEADER, "true");
    }

    /**
     * Two first requests at once: the handler is slow (1.5 s), so the second arrives while the first runs. Exactly
     * one runs (201), the other is refused with 409 and changes nothing; afterwards the key replays the 201.
     */
    @Test
    void concurrentFirstRequestsRunOnceAndTheOtherGets409() throws Exception {
        String token = schoolSystem();
        String key = "key-" + UUID.randomUUID();
        String name = "thing-" + UUID.randomUUID();
        String slow = "{\"name\":\"" + name + "\",\"delayMs\":1500}";
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<CompletableFuture<EntityExchangeResult<byte[]>>> calls = List.of(
                    CompletableFuture.supplyAsync(
                            () -> post(token, key, slow).expectBody().returnResult(), pool),
                    CompletableFuture.supplyAsync(
                            () -> post(token, key, slow).expectBody().returnResult(), pool));
            List<EntityExchangeResult<byte[]>> results =
                    calls.stream().map(CompletableFuture::join).toList();

            assertThat(results).extracting(r -> r.getStatus().value()).containsExactlyInAnyOrder(201, 409);
            EntityExchangeResult<byte[]> conflict = results.stream()
                    .filter(r -> r.getStatus().value() == 409)
                    .findFirst()
                    .orElseThrow();
            assertThat(conflict.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(new String(conflict.getResponseBody())).contains("in progress");
            EntityExchangeResult<byte[]> created = results.stream()
                    .filter(r -> r.getStatus().value() == 201)
                    .findFirst()
                    .orElseThrow();
            assertThat(attempts(name)).isEqualTo(1);
            assertThat(things(name)).isEqualTo(1);

            byte[] replay = post(token, key, slow)
                    .expectStatus()
                    .isCreated()
                    .expectHeader()
                    .valueEquals(IdempotencyWebFilter.REPLAYED_HEADER, "true")
                    .expectBody()
                    .returnResult()
                    .getResponseBody();
            assertThat(replay).isEqualTo(created.getResponseBody());
            assertThat(attempts(name)).isEqualTo(1);
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void aServerErrorResponseLeavesNoRecordAndTheRetryRuns() {
        String token = schoolSystem();
        String key = "key-" + UUID.randomUUID();
        String name = "thing-" + UUID.randomUUID();
        String failingOnce = "{\"name\":\"" + name + "\",\"failFirst\":1,\"failWith\":\"status\"}";

        post(token, key, failingOnce).expectStatus().isEqualTo(503);
        assertThat(record(token, key)).isNull();

        post(token, key, failingOnce)
                .expectStatus()
                .isCreated()
                .expectHeader()
                .doesNotExist(IdempotencyWebFilter.REPLAYED_HEADER);
        assertThat(attempts(name)).isEqualTo(2);
        assertThat(things(name)).isEqualTo(1);
    }

    @Test
    void anExceptionLeavesNoRecordAndTheRetryRuns() {
        String token = schoolSystem();
        String key = "key-" + UUID.randomUUID();
        String name = "thing-" + UUID.randomUUID();
        String failingOnce = "{\"name\":\"" + name + "\",\"failFirst\":1,\"failWith\":\"exception\"}";

        post(token, key, failingOnce).expectStatus().is5xxServerError();
        assertThat(record(token, key)).isNull();

        post(token, key, failingOnce).expectStatus().isCreated();
        assertThat(attempts(name)).isEqualTo(2);
        assertThat(things(name)).isEqualTo(1);
    }

    @Test
    void aClientErrorIsStoredAndReplayed() {
        String token = schoolSystem();
        String key = "key-" + UUID.randomUUID();
        byte[] first = post(token, key, "{\"name\":\" \"}")
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .returnResult()
                .getResponseBody();

        post(token, key, "{\"name\":\" \"}")
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .valueEquals(IdempotencyWebFilter.REPLAYED_HEADER, "true")
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .consumeWith(replayed -> assertThat(replayed.getResponseBody()).isEqualTo(first));
    }

    @Test
    void withoutTheHeaderEveryRequestRuns() {
        String token = schoolSystem();
        String name = "thing-" + UUID.randomUUID();
        post(token, null, body(name)).expectStatus().isCreated();
        post(token, null, body(name))
                .expectStatus()
                .isCreated()
                .expectHeader()
                .doesNotExist(IdempotencyWebFilter.REPLAYED_HEADER);
        assertThat(things(name)).isEqualTo(2);
    }

    @Test
    void anInvalidKeyIs400ProblemAndRunsNothing() {
        String token = schoolSystem();
        String name = "thing-" + UUID.randomUUID();
        for (String bad : List.of("x".repeat(129), "has space", "tab\tkey")) {
            post(token, bad, body(name))
                    .expectStatus()
                    .isBadRequest()
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.errors[0].field")
                    .isEqualTo(IdempotencyWebFilter.HEADER);
        }
        post(token, "x".repeat(128), body(name)).expectStatus().isCreated();
        assertThat(attempts(name)).isEqualTo(1);
    }

    @Test
    void aResponseOverTheStoredBodyLimitIsAnsweredInFullButNotRemembered() {
        String token = schoolSystem();
        String key = "key-" + UUID.randomUUID();
        String name = "thing-" + UUID.randomUUID();
        String large = "{\"name\":\"" + name + "\",\"paddingKb\":1500}"; // 1.5 MiB > the 1 MiB default
        http = http.mutate()
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(4 * 1024 * 1024))
                .build();

        byte[] first = post(token, key, large)
                .expectStatus()
                .isCreated()
                .expectBody()
                .returnResult()
                .getResponseBody();
        assertThat(first.length).isGreaterThan(1500 * 1024);
        assertThat(new String(first)).endsWith("\"}");
        assertThat(record(token, key)).isNull();

        post(token, key, large)
                .expectStatus()
                .isCreated()
                .expectHeader()
                .doesNotExist(IdempotencyWebFilter.REPLAYED_HEADER);
        assertThat(attempts(name)).isEqualTo(2);
    }

    @Test
    void expiredAndAbandonedRecordsCountAsAbsent() {
        String token = schoolSystem();
        String subject = subjectOf(token);
        String expiredKey = "key-" + UUID.randomUUID();
        String abandonedKey = "key-" + UUID.randomUUID();
        String name = "thing-" + UUID.randomUUID();
        Instant longAgo = Instant.now().minus(Duration.ofHours(25));
        // a finished record past its expiry (the embedded MongoDB keeps it: no TTL monitor), for another request
        mongo.insert(new IdempotencyRecord(
                        IdempotencyRecord.idOf(subject, expiredKey),
                        subject,
                        expiredKey,
                        "another-fingerprint",
                        State.COMPLETED,
                        "old-lock",
                        "POST",
                        "/api/things",
                        201,
                        "application/json",
                        null,
                        "{}".getBytes(),
                        longAgo,
                        longAgo,
                        longAgo.plus(Duration.ofHours(24))))
                .block();
        // a request whose service died 10 minutes ago, mid-request
        Instant tenMinutesAgo = Instant.now().minus(Duration.ofMinutes(10));
        mongo.insert(new IdempotencyRecord(
                        IdempotencyRecord.idOf(subject, abandonedKey),
                        subject,
                        abandonedKey,
                        IdempotencyWebFilter.fingerprint(
                                "POST", "/api/things", null, body(name).getBytes()),
                        State.IN_PROGRESS,
                        "dead-lock",
                        "POST",
                        "/api/things",
                        null,
                        null,
                        null,
                        null,
                        tenMinutesAgo,
                        null,
                        tenMinutesAgo.plus(Duration.ofHours(24))))
                .block();

        post(token, expiredKey, body(name)).expectStatus().isCreated();
        post(token, abandonedKey, body(name)).expectStatus().isCreated();

        assertThat(attempts(name)).isEqualTo(2);
        assertThat(record(token, expiredKey).state()).isEqualTo(State.COMPLETED);
        assertThat(record(token, abandonedKey).state()).isEqualTo(State.COMPLETED);
        assertThat(record(token, abandonedKey).lock()).isNotEqualTo("dead-lock");
    }

    @Test
    void recordsCarryAnExpiryWithATtlIndexOnIt() {
        IdempotencyRecord stored;
        String token = schoolSystem();
        String key = "key-" + UUID.randomUUID();
        post(token, key, body("thing-" + UUID.randomUUID())).expectStatus().isCreated();
        stored = record(token, key);
        assertThat(Duration.between(stored.completedAt(), stored.expiresAt())).isEqualTo(Duration.ofHours(24));

        // created at start-up, asynchronously
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            List<IndexInfo> indexes = mongo.indexOps(IdempotencyRecord.COLLECTION)
                    .getIndexInfo()
                    .collectList()
                    .block();
            assertThat(indexes).anySatisfy(index -> {
                assertThat(index.getName()).isEqualTo("expiresAt_ttl");
                assertThat(index.isIndexForFields(List.of("expiresAt"))).isTrue();
            });
        });
    }
}
