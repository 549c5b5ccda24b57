package ru.msp.support.consumer;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.listener.BatchListenerFailedException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import ru.msp.contracts.CloudEventCodec;
import ru.msp.contracts.DomainEvent;
import ru.msp.support.observability.CorrelationId;
import ru.msp.support.observability.MessagingMetrics;
import ru.msp.support.store.IdChunks;
import ru.msp.support.store.UnorderedInsert;

/**
 * Applies the events of one poll at most once per consumer in effect. The event ids are remembered after the handler
 * succeeded; a redelivery finds them and changes nothing. A crash between the effect and the markers redelivers the
 * events, so handlers keep their effects idempotent too (upserts by key, or guards inside the same document for
 * counters).
 *
 * <p>Listeners receive a whole poll ({@code spring.kafka.listener.type=batch}): the markers of all its records are
 * read with one query and the new ones written with one insert, instead of two store round trips per event. Records
 * are applied one after the other, in partition order. Called from a Kafka listener thread, which may block: each
 * handler's {@link Mono} is awaited, so offsets are committed only after the effects are stored. A failing record
 * ends the batch with a {@link BatchListenerFailedException} naming it: the container commits the records before it,
 * retries it with back-off, then dead-letters it and goes on with the rest.
 */
public class IdempotentConsumer {

    private static final Logger log = LoggerFactory.getLogger(IdempotentConsumer.class);
    private static final Duration HANDLER_TIMEOUT = Duration.ofSeconds(30);

    /** The batch effect does the work of a whole poll; still well within Kafka's max.poll.interval.ms (5 min). */
    private static final Duration BATCH_EFFECT_TIMEOUT = Duration.ofMinutes(2);

    private final ReactiveMongoTemplate mongo;
    private final MessagingMetrics metrics;

    public IdempotentConsumer(ReactiveMongoTemplate mongo, MessagingMetrics metrics) {
        this.mongo = mongo;
        this.metrics = metrics;
    }

    /**
     * Decodes the records, skips those this consumer already applied, runs the handler on the others in order and
     * remembers them.
     *
     * @param consumer a stable name of the effect, e.g. {@code route-suggestion}; one event may feed several
     */
    public void handle(
            List<ConsumerRecord<String, String>> records, String consumer, Function<DomainEvent<?>, Mono<?>> handler) {
        handle(records, consumer, handler, applied -> Mono.empty());
    }

    /**
     * As {@link #handle(List, String, Function)}, then {@code afterBatch} once with the events of this poll that were
     * applied now (not the duplicates), before their markers are written: an effect that only needs the state after
     * all of them (a school's statistics, say) is computed once per poll instead of once per event. If it fails,
     * nothing of the batch is remembered and the batch is redelivered from its first applied event, so both the
     * per-event effects and this one must be idempotent.
     */
    public void handle(
            List<ConsumerRecord<String, String>> records,
            String consumer,
            Function<DomainEvent<?>, Mono<?>> handler,
            Function<List<DomainEvent<?>>, Mono<?>> afterBatch) {
        handle(records, consumer, toApply -> Mono.empty(), handler, afterBatch);
    }

    /**
     * As {@link #handle(List, String, Function, Function)}, with {@code beforeBatch} first, once, with the events
     * about to be applied (not the duplicates): it can read what they all name with one query instead of one per
     * event. If it fails, none of them is applied and the batch is redelivered from the first of them.
     */
    public void handle(
            List<ConsumerRecord<String, String>> records,
            String consumer,
            Function<List<DomainEvent<?>>, Mono<?>> beforeBatch,
            Function<DomainEvent<?>, Mono<?>> handler,
            Function<List<DomainEvent<?>>, Mono<?>> afterBatch) {
        handleOnly(records, consumer, event -> true, beforeBatch, handler, afterBatch);
    }

    /**
     * As {@link #handle(List, String, Function)}, for the events {@code concerns} accepts only; the others are
     * counted as ignored and neither applied nor remembered: an event without effect needs no marker, and most of a
     * topic's events are of no concern to most of its consumers (each {@code routes.v1} result brings a suggestion
     * and unmet needs that only a few consumers look at).
     */
    public void handleOnly(
            List<ConsumerRecord<String, String>> records,
            String consumer,
            Predicate<DomainEvent<?>> concerns,
            Function<DomainEvent<?>, Mono<?>> handler) {
        handleOnly(records, consumer, concerns, toApply -> Mono.empty(), handler, applied -> Mono.empty());
    }

    /**
     * As {@link #handle(List, String, Function, Function, Function)}, for the events {@code concerns} accepts only
     * (see {@link #handleOnly(List, String, Predicate, Function)}): the batch effects see those only.
     */
    public void handleOnly(
            List<ConsumerRecord<String, String>> records,
            String consumer,
            Predicate<DomainEvent<?>> concerns,
            Function<List<DomainEvent<?>>, Mono<?>> beforeBatch,
            Function<DomainEvent<?>, Mono<?>> handler,
            Function<List<DomainEvent<?>>, Mono<?>> afterBatch) {
        List<DomainEvent<?>> events = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            try {
                events.add(CloudEventCodec.decode(records.get(i).value()));
            } catch (RuntimeException unreadable) {
                // the records before it are applied; the error handler dead-letters this one and redelivers the rest
                apply(records, events, consumer, concerns, beforeBatch, handler, afterBatch);
                throw new BatchListenerFailedException("unreadable event", unreadable, i);
            }
        }
        apply(records, events, consumer, concerns, beforeBatch, handler, afterBatch);
    }

    /** Applies {@code events} (the decoded prefix of {@code records}). */
    private void apply(
            List<ConsumerRecord<String, String>> records,
            List<DomainEvent<?>> events,
            String consumer,
            Predicate<DomainEvent<?>> concerns,
            Function<List<DomainEvent<?>>, Mono<?>> beforeBatch,
            Function<DomainEvent<?>, Mono<?>> handler,
            Function<List<DomainEvent<?>>, Mono<?>> afterBatch) {
        List<String> markerIds = new ArrayList<>(events.size());
        List<String> concerning = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            if (concerns.test(events.get(i))) {
                markerIds.add(ProcessedEvent.idOf(consumer, events.get(i).id()));
                concerning.add(markerIds.get(i));
            } else {
                markerIds.add(null);
                metrics.consumed(records.get(i).topic(), consumer, "ignored");
            }
        }
        if (concerning.isEmpty()) {
            return;
        }
        Set<String> seen = seen(concerning);
        Set<String> fresh = new HashSet<>();
        List<Integer> toApply = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            if (markerIds.get(i) == null) {
                continue;
            }
            if (seen.contains(markerIds.get(i)) || !fresh.add(markerIds.get(i))) {
                metrics.consumed(records.get(i).topic(), consumer, "duplicate");
                log.debug("event {} already applied by {}", events.get(i).id(), consumer);
            } else {
                toApply.add(i);
            }
        }
        if (toApply.isEmpty()) {
            return;
        }
        try {
            beforeBatch
                    .apply(toApply.stream().<DomainEvent<?>>map(events::get).toList())
                    .then()
                    .block(BATCH_EFFECT_TIMEOUT);
        } catch (RuntimeException failed) {
            throw new BatchListenerFailedException("batch preparation failed", failed, toApply.get(0));
        }
        List<ProcessedEvent> done = new ArrayList<>();
        List<DomainEvent<?>> appliedEvents = new ArrayList<>();
        int firstApplied = -1;
        for (int i : toApply) {
            DomainEvent<?> event = events.get(i);
            String markerId = markerIds.get(i);
            String topic = records.get(i).topic();
            try {
                applyOne(event, handler);
            } catch (RuntimeException failed) {
                finish(appliedEvents, done, firstApplied, afterBatch);
                throw new BatchListenerFailedException("handler failed", failed, i);
            }
            if (firstApplied < 0) {
                firstApplied = i;
            }
            appliedEvents.add(event);
            done.add(new ProcessedEvent(
                    markerId, consumer, event.id(), event.type().type(), Instant.now()));
            metrics.consumed(topic, consumer, "processed");
        }
        finish(appliedEvents, done, firstApplied, afterBatch);
    }

    /** The batch effect of the applied events, then their markers; a failing batch effect remembers nothing. */
    private void finish(
            List<DomainEvent<?>> appliedEvents,
            List<ProcessedEvent> markers,
            int firstApplied,
            Function<List<DomainEvent<?>>, Mono<?>> afterBatch) {
        if (appliedEvents.isEmpty()) {
            return;
        }
        try {
            afterBatch.apply(List.copyOf(appliedEvents)).then().block(BATCH_EFFECT_TIMEOUT);
        } catch (RuntimeException failed) {
            throw new BatchListenerFailedException("batch effect failed", failed, firstApplied);
        }
        remember(markers);
    }

    private void applyOne(DomainEvent<?> event, Function<DomainEvent<?>, Mono<?>> handler) {
        String previous = MDC.get(CorrelationId.MDC_KEY);
        if (event.correlationId() != null) {
            MDC.put(CorrelationId.MDC_KEY, event.correlationId());
        }
        try {
            handler.apply(event).then().block(HANDLER_TIMEOUT);
        } finally {
            if (previous == null) {
                MDC.remove(CorrelationId.MDC_KEY);
            } else {
                MDC.put(CorrelationId.MDC_KEY, previous);
            }
        }
    }

    private Set<String> seen(List<String> markerIds) {
        return Flux.fromIterable(IdChunks.of(markerIds))
                .concatMap(chunk -> {
                    Query known = query(where("_id").in(chunk));
                    known.fields().include("_id");
                    return mongo.find(known, Document.class, ProcessedEvent.COLLECTION);
                })
                .map(marker -> marker.getString("_id"))
                .collect(Collectors.toSet())
                .block(HANDLER_TIMEOUT);
    }

    /** One insert for all; a marker another instance wrote at the same moment is all we need, so it is skipped. */
    private void remember(List<ProcessedEvent> markers) {
        UnorderedInsert.into(mongo, ProcessedEvent.COLLECTION, markers).block(HANDLER_TIMEOUT);
    }
}
