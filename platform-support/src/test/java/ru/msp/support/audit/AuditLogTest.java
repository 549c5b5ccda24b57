package ru.msp.support.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import ru.msp.support.audit.AuditController.AuditPage;
import ru.msp.support.idempotency.WritesTestApplication;
import ru.msp.support.observability.CorrelationId;
import ru.msp.testsupport.TestTokens;
import ru.msp.testsupport.WithPlatformInfrastructure;

/** The audit log of writes and its ADMIN query API, against the shared MongoDB endpoint. */
@WithPlatformInfrastructure
@SpringBootTest(classes = WritesTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class AuditLogTest {

    @Autowired
    WebTestClient http;

    @Autowired
    ReactiveMongoTemplate mongo;

    @Autowired
    MeterRegistry meters;

    private static String schoolSystem(String municipality) {
        return TestTokens.role("SCHOOL_SYSTEM")
                .region("r-audit")
                .municipality(municipality)
                .organization("o-audit")
                .client("school-42")
                .subject("school-" + UUID.randomUUID())
                .bearer();
    }

    private static String correlationId() {
        return "audit-test-" + UUID.randomUUID();
    }

    private WebTestClient.ResponseSpec postThing(String token, String correlationId) {
        WebTestClient.RequestBodySpec request = http.post()
                .uri("/api/things")
                .header(CorrelationId.HEADER, correlationId)
                .contentType(MediaType.APPLICATION_JSON);
        if (token != null) {
            request = request.header(HttpHeaders.AUTHORIZATION, token);
        }
        return request.bodyValue("{\"name\":\"audited-" + UUID.randomUUID() + "\"}")
                .exchange();
    }

    private List<AuditRecord> records(String correlationId) {
        return mongo.find(query(where("correlationId").is(correlationId)), AuditRecord.class)
                .collectList()
                .block();
    }

    private AuditRecord awaitRecord(String correlationId) {
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(records(correlationId)).hasSize(1));
        return records(correlationId).get(0);
    }

    private double recorded() {
        var counter =
                meters.find("msp.audit.records").tag("outcome", "recorded").counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void aWriteLeavesOneRecordOfWhoWhatWhenAndTenant() {
        String municipality = "m-" + UUID.randomUUID();
        String token = schoolSystem(municipality);
        String cid = correlationId();
        double before = recorded();
        Instant start = Instant.now().minusMillis(1);

        postThing(token, cid).expectStatus().isCreated();

        AuditRecord record = awaitRecord(cid);
        assertThat(record.subject()).startsWith("school-");
        assertThat(record.roles()).containsExactly("SCHOOL_SYSTEM");
        assertThat(record.clientId()).isEqualTo("school-42");
        assertThat(record.method()).isEqualTo("POST");
        assertThat(record.path()).isEqualTo("/api/things");
        assertThat(record.status()).isEqualTo(201);
        assertThat(record.correlationId()).isEqualTo(cid);
        assertThat(record.regionId()).isEqualTo("r-audit");
        assertThat(record.municipalityId()).isEqualTo(municipality);
        assertThat(record.organizationId()).isEqualTo("o-audit");
        assertThat(record.service()).isEqualTo("kit-test");
        assertThat(record.at()).isAfter(start).isBefore(Instant.now().plusSeconds(1));
        assertThat(record.durationMs()).isNotNegative();
        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(recorded()).isGreaterThanOrEqualTo(before + 1));
    }

    @Test
    void readsLeaveNoRecord() {
        String token = schoolSystem("m-" + UUID.randomUUID());
        String readId = correlationId();
        String writeId = correlationId();
        http.get()
                .uri("/api/things/{id}", "missing")
                .header(HttpHeaders.AUTHORIZATION, token)
                .header(CorrelationId.HEADER, readId)
                .exchange()
                .expectStatus()
                .isNotFound();
        // a write after the read: once its record is there, a record of the read would be too
        postThing(token, writeId).expectStatus().isCreated();
        awaitRecord(writeId);

        assertThat(records(readId)).isEmpty();
    }

    @Test
    void attemptsWithoutAValidTokenAreRecordedWithoutASubject() {
        String anonymous = correlationId();
        String forged = correlationId();
        String expired = correlationId();

        postThing(null, anonymous).expectStatus().isUnauthorized();
        postThing(TestTokens.role("ADMIN").forged().bearer(), forged)
                .expectStatus()
                .isUnauthorized();
        postThing(TestTokens.role("ADMIN").expired().bearer(), expired)
                .expectStatus()
                .isUnauthorized();

        for (String cid : List.of(anonymous, forged, expired)) {
            AuditRecord record = awaitRecord(cid);
            assertThat(record.subject()).isNull();
            assertThat(record.roles()).isEmpty();
            assertThat(record.municipalityId()).isNull();
            assertThat(record.status()).isEqualTo(401);
            assertThat(record.method()).isEqualTo("POST");
            assertThat(record.path()).isEqualTo("/api/things");
        }
    }

    @Test
    void adminReadsOneMunicipalityNewestFirstInPages() throws InterruptedException {
        String mine = "m-" + UUID.randomUUID();
        String other = "m-" + UUID.randomUUID();
        String older = correlationId();
        String newer = correlationId();
        String foreign = correlationId();
        postThing(schoolSystem(mine), older).expectStatus().isCreated();
        Instant between = awaitRecord(older).at().plusMillis(1);
        Thread.sleep(5); // the next request arrives strictly later than `between`
        postThing(schoolSystem(mine), newer).expectStatus().isCreated();
        postThing(schoolSystem(other), foreign).expectStatus().isCreated();
        awaitRecord(newer);
        awaitRecord(foreign);

        AuditPage all = readAudit("municipalityId=" + mine + "&size=500");
        assertThat(all.items()).extracting(AuditRecord::correlationId).containsExactly(newer, older);
        assertThat(all.items()).allSatisfy(r -> assertThat(r.municipalityId()).isEqualTo(mine));
        assertThat(all.hasNext()).isFalse();

        AuditPage first = readAudit("municipalityId=" + mine + "&size=1");
        assertThat(first.items()).extracting(AuditRecord::correlationId).containsExactly(newer);
        assertThat(first.hasNext()).isTrue();
        AuditPage second = readAudit("municipalityId=" + mine + "&size=1&page=1");
        assertThat(second.items()).extracting(AuditRecord::correlationId).containsExactly(older);
        assertThat(second.hasNext()).isFalse();

        AuditPage since = readAudit("municipalityId=" + mine + "&from=" + between);
        assertThat(since.items()).extracting(AuditRecord::correlationId).containsExactly(newer);
        AuditPage until = readAudit("municipalityId=" + mine + "&to=" + between);
        assertThat(until.items()).extracting(AuditRecord::correlationId).containsExactly(older);

        AuditPage everything = readAudit("size=500");
        assertThat(everything.items()).extracting(AuditRecord::correlationId).contains(newer, foreign);
    }

    private AuditPage readAudit(String query) {
        return http.get()
                .uri("/api/audit?" + query)
                .header(HttpHeaders.AUTHORIZATION, TestTokens.admin())
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(AuditPage.class)
                .returnResult()
                .getResponseBody();
    }

    @Test
    void onlyAdminMayReadTheLog() {
        http.get()
                .uri("/api/audit")
                .header(HttpHeaders.AUTHORIZATION, TestTokens.municipalOperator("r-audit", "m-1"))
                .exchange()
                .expectStatus()
                .isForbidden()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(403);
        http.get()
                .uri("/api/audit")
                .header(HttpHeaders.AUTHORIZATION, schoolSystem("m-1"))
                .exchange()
                .expectStatus()
                .isForbidden();
        http.get()
                .uri("/api/audit")
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void badQueryParametersAre400WithTheFields() {
        http.get()
                .uri("/api/audit?size=501&page=-1&from=yesterday")
                .header(HttpHeaders.AUTHORIZATION, TestTokens.admin())
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[*].field")
                .value(fields -> assertThat((List<Object>) fields).containsExactlyInAnyOrder("from", "page", "size"));
    }
}
