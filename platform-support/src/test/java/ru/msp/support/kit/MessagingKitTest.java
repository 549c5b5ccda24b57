package ru.msp.support.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import reactor.core.publisher.Flux;
import ru.msp.contracts.CloudEventCodec;
import ru.msp.contracts.DomainEvent;
import ru.msp.contracts.EventCatalog;
import ru.msp.contracts.EventScope;
import ru.msp.contracts.teacher.RegionRegistered;
import ru.msp.support.kit.KitTestApplication.Effect;
import ru.msp.support.kit.KitTestApplication.RegionAggregate;
import ru.msp.support.outbox.Outbox;
import ru.msp.support.outbox.OutboxRelay;
import ru.msp.testsupport.EventProbe;
import ru.msp.testsupport.WithPlatformInfrastructure;

/** The messaging kit against the real shared broker and MongoDB endpoint. */
@WithPlatformInfrastructure
@SpringBootTest(
        classes = KitTestApplication.class,
        properties = {"msp.messaging.retry.max-retries=2", "msp.messaging.retry.initial-interval=50ms"})
class MessagingKitTest {

    /** {@code msp.outbox.sweep-grace} of the test properties. */
    static final Duration SWEEP_GRACE = Duration.ofSeconds(3);

    @Autowired
    ReactiveMongoTemplate mongo;

    @Autowired
    OutboxRelay relay;

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    MeterRegistry meters;

    @Test
    void stateAndEventAreOneWriteAndTheRelayPublishesAndClearsTheOutbox() {
        String regionId = "reg-" + UUID.randomUUID();
        DomainEvent<RegionRegistered> event = regionRegistered(regionId);
        try (EventProbe probe = new EventProbe(KitTestApplication.topic())) {
            mongo.save(new RegionAggregate(regionId, "Пермский край", Outbox.with(List.of(), event)))
                    .block();
            relay.nudge(KitTestApplication.AGGREGATES, regionId);

            List<DomainEvent<?>> published = probe.await(e -> e.id().equals(event.id()), 1, Duration.ofSeconds(20));
            assertThat(published).singleElement().satisfies(e -> {
                assertThat(e.data()).isEqualTo(event.data());
                assertThat(e.scope().regionId()).isEqualTo(regionId);
            });
        }
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(mongo.findById(regionId, RegionAggregate.class)
                                .block()
                                .outbox())
                        .isEmpty());
        assertThat(meters.get("msp.events.published")
                        .tag("topic", "teacher.v1")
                        .counter()
                        .count())
                .isGreaterThanOrEqualTo(1);
    }

    @Test
    void aRelayStoppedAndStartedAgainStillPublishes() {
        relay.stop();
        relay.start();
        String regionId = "reg-" + UUID.randomUUID();
        DomainEvent<RegionRegistered> event = regionRegistered(regionId);
        try (EventProbe probe = new EventProbe(KitTestApplication.topic())) {
            mongo.save(new RegionAggregate(regionId, "Ростовская область", Outbox.with(List.of(), event)))
                    .block();
            relay.nudge(KitTestApplication.AGGREGATES, regionId);
            assertThat(probe.await(e -> e.id().equals(event.id()), 1, Duration.ofSeconds(15)))
                    .hasSize(1);
        }
        assertThat(relay.isRunning()).isTrue();
    }

    @Test
    void aBurstOfNudgesDoesNotStopTheRelay() {
        for (int i = 0; i < 20_000; i++) {
            relay.nudge(KitTestApplication.AGGREGATES, "reg-absent-" + i);
        }
        String regionId = "reg-" + UUID.randomUUID();
        DomainEvent<RegionRegistered> event = regionRegistered(regionId);
        try (EventProbe probe = new EventProbe(KitTestApplication.topic())) {
            mongo.save(new RegionAggregate(regionId, "Московская область", Outbox.with(List.of(), event)))
                    .block();
            relay.nudge(KitTestApplication.AGGREGATES, regionId);
            assertThat(probe.await(e -> e.id().equals(event.id()), 1, Duration.ofSeconds(30)))
                    .hasSize(1);
        }
    }

    @Test
    void nudgesWithinTheWindowArePublishedTogether() throws InterruptedException {
        // one pass reads its documents with one query per collection: nudges 8 ms apart, 80 ms in all, fit the
        // 100 ms window; with a 5 ms window this took about ten passes
        List<String> regionIds = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String regionId = "reg-" + UUID.randomUUID();
            mongo.save(new RegionAggregate(regionId, "Регион " + i, Outbox.with(List.of(), regionRegistered(regionId))))
                    .block();
            regionIds.add(regionId);
        }
        try (EventProbe probe = new EventProbe(KitTestApplication.topic())) {
            double readsBefore = aggregateReads();
            for (String regionId : regionIds) {
                relay.nudge(KitTestApplication.AGGREGATES, regionId);
                Thread.sleep(8);
            }
            assertThat(probe.await(
                            e -> regionIds.contains(e.scope().regionId()), regionIds.size(), Duration.ofSeconds(20)))
                    .hasSize(regionIds.size());
            assertThat(aggregateReads() - readsBefore)
                    .as("queries of the collection: the relay's passes plus at most a periodic sweep or two")
                    .isLessThanOrEqualTo(4);
        }
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(regionIds)
                        .allSatisfy(id -> assertThat(mongo.findById(id, RegionAggregate.class)
                                        .block()
                                        .outbox())
                                .isEmpty()));
    }

    private double aggregateReads() {
        return meters
                .find("mongodb.driver.commands")
                .tag("collection", KitTestApplication.AGGREGATES)
                .tag("command", "find")
                .timers()
                .stream()
                .mapToDouble(Timer::count)
                .sum();
    }

    @Test
    void theSweepHasASparseIndexOfPendingEvents() {
        // created asynchronously when the relay starts
        assertThat(Flux.defer(() ->
                                mongo.indexOps(KitTestApplication.AGGREGATES).getIndexInfo())
                        .filter(index -> index.getName().equals(OutboxRelay.PENDING_INDEX))
                        .next()
                        .repeatWhenEmpty(tries -> tries.take(100).delayElements(Duration.ofMillis(100)))
                        .block(Duration.ofSeconds(15)))
                .satisfies(index -> {
                    assertThat(index.isSparse()).isTrue();
                    assertThat(index.getIndexFields())
                            .singleElement()
                            .satisfies(field -> assertThat(field.getKey()).isEqualTo("outbox.0"));
                });
    }

    @Test
    void theSweepPublishesEventsThatWereNeverNudged() {
        String regionId = "reg-" + UUID.randomUUID();
        DomainEvent<RegionRegistered> event = regionRegistered(regionId);
        try (EventProbe probe = new EventProbe(KitTestApplication.topic())) {
            // as after a crash between the write and the publish: nobody nudges the relay
            mongo.save(new RegionAggregate(regionId, "Курганская область", Outbox.with(List.of(), event)))
                    .block();
            relay.sweepNow().block();
            assertThat(probe.await(e -> e.id().equals(event.id()), 1, Duration.ofSeconds(20)))
                    .hasSize(1);
        }
    }

    @Test
    void aPeriodicSweepSendsAnEventNobodyNudgedOnceItIsOlderThanTheGrace() {
        String regionId = "reg-" + UUID.randomUUID();
        DomainEvent<RegionRegistered> event = regionRegistered(regionId);
        try (EventProbe probe = new EventProbe(KitTestApplication.topic())) {
            mongo.save(new RegionAggregate(regionId, "Тверская область", Outbox.with(List.of(), event)))
                    .block();

            // sweeps run every second (test properties); the grace is 3 s, so the ones before it leave the event
            assertThat(probe.await(e -> e.id().equals(event.id()), 1, Duration.ofSeconds(30)))
                    .hasSize(1);
            assertThat(Duration.between(event.time(), Instant.now()))
                    .isGreaterThanOrEqualTo(SWEEP_GRACE.minusMillis(1)); // stored to the millisecond
        }
    }

    @Test
    void aRedeliveredEventChangesNothing() {
        String regionId = "reg-" + UUID.randomUUID();
        String json = CloudEventCodec.encodeToString(regionRegistered(regionId));
        double duplicatesBefore = duplicates();
        for (int delivery = 0; delivery < 3; delivery++) {
            kafka.send(KitTestApplication.topic(), regionId, json).join();
        }

        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(duplicates() - duplicatesBefore).isEqualTo(2));
        assertThat(mongo.findById(regionId, Effect.class).block().applied()).isEqualTo(1);
    }

    @Test
    void aPoisonRecordGoesToTheDeadLetterTopicAndThePartitionKeepsFlowing() {
        String key = "reg-" + UUID.randomUUID();
        String next = key; // same key, same partition: the good record queues behind the poison one
        double deadBefore = deadLettered();
        try (EventProbe dlt = new EventProbe(KitTestApplication.topic() + ".DLT")) {
            ProducerRecord<String, String> poison = new ProducerRecord<>(KitTestApplication.topic(), key, "{garbage");
            poison.headers().add("test-marker", key.getBytes(StandardCharsets.UTF_8));
            kafka.send(poison).join();
            kafka.send(KitTestApplication.topic(), next, CloudEventCodec.encodeToString(regionRegistered(next)))
                    .join();

            assertThat(dlt.awaitRecords(r -> key.equals(r.key()), 1, Duration.ofSeconds(30)))
                    .singleElement()
                    .satisfies(r -> assertThat(r.value()).isEqualTo("{garbage"));
        }
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(
                        () -> assertThat(mongo.findById(next, Effect.class).blockOptional())
                                .hasValueSatisfying(
                                        effect -> assertThat(effect.applied()).isEqualTo(1)));
        assertThat(deadLettered()).isGreaterThan(deadBefore);
    }

    @Test
    void aFailingHandlerIsRetriedWithBackOffThenDeadLettered() {
        String key = "reg-" + UUID.randomUUID();
        KitTestApplication.CountingListener.FAILING.add(key);
        DomainEvent<RegionRegistered> event = regionRegistered(key);
        try (EventProbe dlt = new EventProbe(KitTestApplication.topic() + ".DLT")) {
            kafka.send(KitTestApplication.topic(), key, CloudEventCodec.encodeToString(event))
                    .join();
            assertThat(dlt.awaitRecords(r -> key.equals(r.key()), 1, Duration.ofSeconds(30)))
                    .hasSize(1);
        } finally {
            KitTestApplication.CountingListener.FAILING.remove(key);
        }
        assertThat(meters.get("msp.events.retried")
                        .tag("topic", "teacher.v1")
                        .counter()
                        .count())
                .isGreaterThanOrEqualTo(2);
        assertThat(mongo.findById(key, Effect.class).blockOptional()).isEmpty();
    }

    private double duplicates() {
        var counter = meters.find("msp.events.consumed")
                .tag("outcome", "duplicate")
                .tag("consumer", "kit-counter")
                .counter();
        return counter == null ? 0 : counter.count();
    }

    private double deadLettered() {
        var counter = meters.find("msp.events.dead.lettered")
                .tag("topic", "teacher.v1")
                .counter();
        return counter == null ? 0 : counter.count();
    }

    static DomainEvent<RegionRegistered> regionRegistered(String regionId) {
        return DomainEvent.create(
                "/msp/kit-test",
                EventCatalog.REGION_REGISTERED,
                EventScope.region(regionId),
                "corr-" + regionId,
                null,
                new RegionRegistered(regionId, "59", "Регион " + regionId));
    }
}
