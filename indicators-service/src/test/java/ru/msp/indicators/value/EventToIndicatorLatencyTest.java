package ru.msp.indicators.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;
import ru.msp.contracts.DomainEvent;
import ru.msp.support.consumer.ProcessedEvent;
import ru.msp.support.tenancy.ScopedMongo;
import ru.msp.support.tenancy.TenantScope;
import ru.msp.testsupport.WithPlatformInfrastructure;

/**
 * A measurement, not a timing assertion: diagnoses published to the real broker at a fixed rate; each event's latency
 * is its consumer's processed marker time (stored right after the counters were updated) minus the event's time. The
 * percentiles are logged and written to {@code target/event-to-indicator-latency.txt}; the test only checks that
 * every event was applied.
 */
@WithPlatformInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class EventToIndicatorLatencyTest {

    private static final Logger log = LoggerFactory.getLogger(EventToIndicatorLatencyTest.class);
    static final int TEACHERS = 50;
    static final int EVENTS = 300;
    static final int PER_SECOND = 25;

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    ScopedMongo mongo;

    @Autowired
    WebTestClient http;

    @Test
    void diagnosesAtAFixedRateReachTheCounters() throws Exception {
        http = http.mutate().responseTimeout(Duration.ofSeconds(60)).build(); // a busy machine
        TownOnTheBroker town = new TownOnTheBroker(kafka).registered(TEACHERS);
        String operator = IndicatorsFlowTest.operatorOf(town.region, town.municipality);
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> http.get()
                        .uri("/api/indicators?scope=municipality:" + town.municipality)
                        .header("Authorization", operator)
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectBody()
                        .jsonPath("$.values[?(@.indicatorCode=='DIAGNOSED_SHARE')].denominator")
                        .isEqualTo(TEACHERS));

        List<String> ids = new ArrayList<>();
        long pause = 1000 / PER_SECOND;
        for (int i = 0; i < EVENTS; i++) {
            DomainEvent<?> e = town.diagnosis(1 + i % TEACHERS, "r" + i);
            ids.add("indicator-facts:" + e.id());
            town.send(e);
            Thread.sleep(pause);
        }
        TenantScope system = TenantScope.system("test");
        await().atMost(Duration.ofSeconds(120))
                .until(() -> mongo.count(system, query(where("_id").in(ids)), ProcessedEvent.class)
                                .block()
                        == EVENTS);
        Map<String, ProcessedEvent> markers =
                mongo.find(system, query(where("_id").in(ids)), ProcessedEvent.class).collectList().block().stream()
                        .collect(Collectors.toMap(ProcessedEvent::eventId, m -> m));
        List<Long> millis = town.sent.stream()
                .filter(e -> markers.containsKey(e.id()))
                .map(e -> Duration.between(e.time(), markers.get(e.id()).processedAt())
                        .toMillis())
                .sorted()
                .toList();
        assertThat(millis).hasSize(EVENTS);
        String report = String.format(
                "event-to-indicator latency, %d DiagnosticCompleted at %d/s over the embedded broker and"
                        + " mongo-java-server: p50 %d ms, p90 %d ms, p99 %d ms, max %d ms",
                EVENTS, PER_SECOND, at(millis, 50), at(millis, 90), at(millis, 99), millis.get(millis.size() - 1));
        log.info(report);
        try {
            Files.writeString(Path.of("target", "event-to-indicator-latency.txt"), report + System.lineSeparator());
        } catch (IOException e) {
            log.warn("cannot write the report", e);
        }
        // the municipality's diagnosed share is whole: every teacher has a diagnosis this year
        http.get()
                .uri("/api/indicators?scope=municipality:" + town.municipality)
                .header("Authorization", operator)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.values[?(@.indicatorCode=='DIAGNOSED_SHARE')].numerator")
                .isEqualTo(TEACHERS);
    }

    private static long at(List<Long> sorted, int percentile) {
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index));
    }
}
