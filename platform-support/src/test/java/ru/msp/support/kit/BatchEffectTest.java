package ru.msp.support.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.listener.BatchListenerFailedException;
import reactor.core.publisher.Mono;
import ru.msp.contracts.CloudEventCodec;
import ru.msp.contracts.DomainEvent;
import ru.msp.support.consumer.IdempotentConsumer;
import ru.msp.support.consumer.ProcessedEvent;
import ru.msp.testsupport.WithPlatformInfrastructure;

/** The once-per-poll effect of {@link IdempotentConsumer}: what it is given, and what a failure of it leaves. */
@WithPlatformInfrastructure
@SpringBootTest(classes = KitTestApplication.class)
class BatchEffectTest {

    @Autowired
    IdempotentConsumer consumer;

    @Autowired
    ReactiveMongoTemplate mongo;

    @Autowired
    MeterRegistry meters;

    @Test
    void theBatchEffectSeesTheNewlyAppliedEventsOnceAndNotTheDuplicates() {
        String name = "batch-" + UUID.randomUUID();
        List<ConsumerRecord<String, String>> first = records(3, 0);
        List<String> perEvent = new ArrayList<>();
        List<List<String>> batches = new ArrayList<>();

        noting(first, name, perEvent, batches);
        assertThat(batches).hasSize(1);
        assertThat(batches.get(0)).containsExactlyElementsOf(ids(first));

        // a redelivery of two of them with two new ones: only the new ones reach either effect
        List<ConsumerRecord<String, String>> second = new ArrayList<>(first.subList(1, 3));
        List<ConsumerRecord<String, String>> fresh = records(2, 3);
        second.addAll(fresh);
        noting(second, name, perEvent, batches);
        assertThat(batches).hasSize(2);
        assertThat(batches.get(1)).containsExactlyElementsOf(ids(fresh));
        assertThat(perEvent).hasSize(5).doesNotHaveDuplicates();

        // nothing new: no batch effect at all
        noting(fresh, name, perEvent, batches);
        assertThat(batches).hasSize(2);
    }

    @Test
    void aFailingBatchEffectRemembersNothingAndNamesTheFirstAppliedRecord() {
        String name = "batch-" + UUID.randomUUID();
        List<ConsumerRecord<String, String>> records = records(4, 0);
        // the first record was applied before: the batch effect's failure points at the second one
        consumer.handle(records.subList(0, 1), name, e -> Mono.empty(), applied -> Mono.empty());
        List<String> perEvent = new ArrayList<>();

        assertThatThrownBy(() -> consumer.handle(
                        records,
                        name,
                        e -> Mono.fromRunnable(() -> perEvent.add(e.id())),
                        applied -> Mono.error(new IllegalStateException("store down"))))
                .isInstanceOfSatisfying(
                        BatchListenerFailedException.class,
                        failed -> assertThat(failed.getIndex()).isEqualTo(1));
        assertThat(perEvent).containsExactlyElementsOf(ids(records.subList(1, 4)));

        // the redelivery from that record applies all three again, as none was remembered
        List<String> again = new ArrayList<>();
        List<List<String>> batches = new ArrayList<>();
        noting(records.subList(1, 4), name, again, batches);
        assertThat(again).containsExactlyElementsOf(ids(records.subList(1, 4)));
        assertThat(batches).containsExactly(ids(records.subList(1, 4)));
    }

    @Test
    void thePreparationSeesTheEventsToApplyOnceBeforeTheFirstOfThem() {
        String name = "batch-" + UUID.randomUUID();
        List<ConsumerRecord<String, String>> records = records(4, 0);
        consumer.handle(records.subList(0, 2), name, e -> Mono.empty(), applied -> Mono.empty());
        List<String> seen = new ArrayList<>();

        consumer.handle(
                records,
                name,
                toApply -> Mono.fromRunnable(() -> {
                    seen.add("prepared");
                    toApply.forEach(e -> seen.add(e.id()));
                }),
                e -> Mono.fromRunnable(() -> seen.add("applied " + e.id())),
                applied -> Mono.empty());

        List<String> fresh = ids(records.subList(2, 4));
        assertThat(seen)
                .as("the two applied before are duplicates: neither prepared nor applied again")
                .containsExactly(
                        "prepared", fresh.get(0), fresh.get(1), "applied " + fresh.get(0), "applied " + fresh.get(1));

        // all duplicates: nothing to prepare
        seen.clear();
        consumer.handle(
                records,
                name,
                toApply -> Mono.fromRunnable(() -> seen.add("prepared")),
                e -> Mono.empty(),
                a -> Mono.empty());
        assertThat(seen).isEmpty();
    }

    @Test
    void aFailingPreparationAppliesNothingAndNamesTheFirstEventToApply() {
        String name = "batch-" + UUID.randomUUID();
        List<ConsumerRecord<String, String>> records = records(3, 0);
        consumer.handle(records.subList(0, 1), name, e -> Mono.empty(), applied -> Mono.empty());
        List<String> perEvent = new ArrayList<>();

        assertThatThrownBy(() -> consumer.handle(
                        records,
                        name,
                        toApply -> Mono.error(new IllegalStateException("store down")),
                        e -> Mono.fromRunnable(() -> perEvent.add(e.id())),
                        applied -> Mono.empty()))
                .isInstanceOfSatisfying(
                        BatchListenerFailedException.class,
                        failed -> assertThat(failed.getIndex()).isEqualTo(1));
        assertThat(perEvent).isEmpty();

        // nothing was remembered: the redelivery from that record applies both
        List<List<String>> batches = new ArrayList<>();
        noting(records.subList(1, 3), name, perEvent, batches);
        assertThat(perEvent).containsExactlyElementsOf(ids(records.subList(1, 3)));
    }

    @Test
    void aFailingEventStillGetsTheBatchEffectOfTheEventsBeforeIt() {
        String name = "batch-" + UUID.randomUUID();
        List<ConsumerRecord<String, String>> records = records(3, 0);
        String poison = CloudEventCodec.decode(records.get(2).value()).id();
        List<List<String>> batches = new ArrayList<>();

        assertThatThrownBy(() -> consumer.handle(
                        records,
                        name,
                        e -> e.id().equals(poison) ? Mono.error(new IllegalStateException("bad")) : Mono.empty(),
                        applied -> Mono.fromRunnable(() -> batches.add(
                                applied.stream().map(DomainEvent::id).toList()))))
                .isInstanceOfSatisfying(
                        BatchListenerFailedException.class,
                        failed -> assertThat(failed.getIndex()).isEqualTo(2));
        assertThat(batches).containsExactly(ids(records.subList(0, 2)));

        // the two before it were remembered: a redelivery of the whole poll applies only the third
        List<String> again = new ArrayList<>();
        consumer.handle(records, name, e -> Mono.fromRunnable(() -> again.add(e.id())), applied -> Mono.empty());
        assertThat(again).containsExactly(poison);
    }

    @Test
    void eventsOfNoConcernAreNeitherAppliedNorRememberedNorSeenByTheBatchEffects() {
        String name = "batch-" + UUID.randomUUID();
        List<ConsumerRecord<String, String>> records = records(4, 0);
        List<String> ids = ids(records);
        // the consumer cares for the second and the fourth only
        Predicate<DomainEvent<?>> concerns = e -> e.id().equals(ids.get(1)) || e.id().equals(ids.get(3));
        List<String> seen = new ArrayList<>();
        double ignoredBefore = ignored(name);

        consumer.handleOnly(
                records,
                name,
                concerns,
                toApply -> Mono.fromRunnable(() -> toApply.forEach(e -> seen.add("prepared " + e.id()))),
                e -> Mono.fromRunnable(() -> seen.add("applied " + e.id())),
                applied -> Mono.fromRunnable(() -> applied.forEach(e -> seen.add("after " + e.id()))));

        assertThat(seen)
                .containsExactly(
                        "prepared " + ids.get(1),
                        "prepared " + ids.get(3),
                        "applied " + ids.get(1),
                        "applied " + ids.get(3),
                        "after " + ids.get(1),
                        "after " + ids.get(3));
        assertThat(ignored(name) - ignoredBefore).isEqualTo(2);
        Query markers = Query.query(Criteria.where("consumer").is(name));
        assertThat(mongo.find(markers, ProcessedEvent.class)
                        .map(ProcessedEvent::eventId)
                        .collectList()
                        .block())
                .as("markers only for the events applied")
                .containsExactlyInAnyOrder(ids.get(1), ids.get(3));

        // a redelivery: the concerned ones are duplicates, the others are ignored again, nothing is applied
        seen.clear();
        consumer.handleOnly(records, name, concerns, e -> Mono.fromRunnable(() -> seen.add(e.id())));
        assertThat(seen).isEmpty();
        assertThat(ignored(name) - ignoredBefore).isEqualTo(4);
    }

    private double ignored(String name) {
        var counter = meters.find("msp.events.consumed")
                .tag("outcome", "ignored")
                .tag("consumer", name)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    /** Handles the records noting the ids each effect saw: per event in {@code perEvent}, per batch in {@code batches}. */
    private void noting(
            List<ConsumerRecord<String, String>> records,
            String name,
            List<String> perEvent,
            List<List<String>> batches) {
        consumer.handle(
                records,
                name,
                e -> Mono.fromRunnable(() -> perEvent.add(e.id())),
                applied -> Mono.fromRunnable(
                        () -> batches.add(applied.stream().map(DomainEvent::id).toList())));
    }

    private static List<ConsumerRecord<String, String>> records(int count, int firstOffset) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String regionId = "reg-" + UUID.randomUUID();
            records.add(new ConsumerRecord<>(
                    KitTestApplication.topic(),
                    0,
                    firstOffset + i,
                    regionId,
                    CloudEventCodec.encodeToString(MessagingKitTest.regionRegistered(regionId))));
        }
        return records;
    }

    private static List<String> ids(List<ConsumerRecord<String, String>> records) {
        return records.stream().map(r -> CloudEventCodec.decode(r.value()).id()).toList();
    }
}
