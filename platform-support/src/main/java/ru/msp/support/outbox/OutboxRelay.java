package ru.msp.support.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.ReactiveBulkOperations;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;
import reactor.util.concurrent.Queues;
import ru.msp.support.observability.MessagingMetrics;
import ru.msp.support.store.IdChunks;

/**
 * Publishes the events waiting in aggregate documents and removes them once Kafka has acknowledged them
 * ({@code acks=all}, idempotent producer). Fresh writes are published at once after a {@link #nudge}; a periodic
 * sweep publishes whatever was left behind (pending longer than {@code msp.outbox.sweep-grace}, so it does not race the
 * nudges of writes still in progress), so a crash or a broker outage between the write and the publish loses nothing:
 * after a restart or when the broker is back the sweep sends it. Delivery is at least once; consumers are idempotent.
 *
 * <p>All work runs on one sequential pipeline, so the events of one document are sent in order and never by two
 * relay passes at once within this instance.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final String CONTENT_TYPE = "application/cloudevents+json; charset=UTF-8";

    private final ReactiveMongoTemplate mongo;
    private final KafkaTemplate<String, String> kafka;
    private final List<String> collections;
    private final OutboxProperties properties;
    private final MessagingMetrics metrics;
    // A unicast sink takes one subscriber for its life: each start() makes a new one, so a relay stopped and started
    // again (Spring pauses and restarts cached test contexts) keeps working. Nudges sent while stopped are covered
    // by the sweep.
    private volatile Sinks.Many<Nudge> nudges = newNudges();
    // Requested sweeps run inside the loop too: a sweep beside a running pass would publish the same events twice.
    private volatile Sinks.Many<Work> requested = Sinks.many().unicast().onBackpressureBuffer();
    private final AtomicLong pendingAfterSweep = new AtomicLong();
    private volatile Disposable loop;

    private record Nudge(String collection, Object id) {}

    /**
     * A pass of the loop: the nudged documents, or a sweep ({@code nudged} null) of events older than {@code grace};
     * {@code done} for sweepNow.
     */
    private record Work(List<Nudge> nudged, Duration grace, Sinks.Empty<Void> done) {

        Work(List<Nudge> nudged) {
            this(nudged, null, null);
        }

        static Work sweep(Duration grace, Sinks.Empty<Void> done) {
            return new Work(null, grace, done);
        }
    }

    private record Loaded(String collection, Document document) {}

    public OutboxRelay(
            ReactiveMongoTemplate mongo,
            KafkaTemplate<String, String> kafka,
            List<OutboxCollection> collections,
            OutboxProperties properties,
            MessagingMetrics metrics) {
        this.mongo = mongo;
        this.kafka = kafka;
        this.collections =
                collections.stream().map(OutboxCollection::name).distinct().toList();
        this.properties = properties;
        this.metrics = metrics;
        metrics.outboxPendingGauge(pendingAfterSweep::get);
    }

    /** Asks the relay to publish the outbox of one document now, instead of at the next sweep. */
    public void nudge(String collection, Object id) {
        nudges.emitNext(new Nudge(collection, id), Sinks.EmitFailureHandler.busyLooping(Duration.ofSeconds(1)));
    }

    /**
     * Runs one sweep of every collection now, in turn with the relay's own passes, and completes when it is done
     * (for tests and operators). Unlike the periodic sweeps it sends events of any age.
     */
    public Mono<Void> sweepNow() {
        if (loop == null) {
            return sweep(Duration.ZERO);
        }
        Sinks.Empty<Void> done = Sinks.empty();
        requested.emitNext(
                Work.sweep(Duration.ZERO, done), Sinks.EmitFailureHandler.busyLooping(Duration.ofSeconds(1)));
        return done.asMono();
    }

    private static Sinks.Many<Nudge> newNudges() {
        return Sinks.many()
                .unicast()
                .onBackpressureBuffer(Queues.<Nudge>unboundedMultiproducer().get());
    }

    /** The index the sweep's query uses: a sparse one on the first pending event holds only unsent documents. */
    public static final String PENDING_INDEX = "outbox_pending";

    @Override
    public void start() {
        // without it every sweep reads every document of every outbox collection, whose number only grows
        for (String collection : collections) {
            mongo.indexOps(collection)
                    .createIndex(new Index()
                            .on(Outbox.FIELD + ".0", Sort.Direction.ASC)
                            .sparse()
                            .named(PENDING_INDEX))
                    .subscribe(
                            null,
                            e -> log.warn("cannot create {} on {}: sweeps scan it", PENDING_INDEX, collection, e));
        }
        Sinks.Many<Nudge> sink = newNudges();
        nudges = sink;
        Sinks.Many<Work> manual = Sinks.many().unicast().onBackpressureBuffer();
        requested = manual;
        Flux<Work> nudged = sink.asFlux()
                // fair back-pressure: without it a burst of nudges overflows the buffer while a pass runs
                // (OverflowException), which would end the loop and its sweeps until a restart
                .bufferTimeout(256, properties.nudgeWindow(), true)
                .map(Work::new);
        Flux<Work> sweeps = Flux.interval(Duration.ZERO, properties.sweepInterval())
                .onBackpressureDrop()
                .map(tick -> Work.sweep(properties.sweepGrace(), null));
        loop = Flux.merge(nudged, sweeps, manual.asFlux())
                .concatMap(
                        work -> (work.nudged() == null ? sweep(work.grace()) : publishNudged(work.nudged()))
                                .doOnSuccess(none -> {
                                    if (work.done() != null) {
                                        work.done().tryEmitEmpty();
                                    }
                                })
                                .onErrorResume(e -> {
                                    log.warn("outbox relay pass failed, will retry: {}", e.toString());
                                    if (work.done() != null) {
                                        work.done().tryEmitError(e);
                                    }
                                    return Mono.empty();
                                }),
                        1)
                .subscribe();
    }

    @Override
    public void stop() {
        Disposable running = loop;
        if (running != null) {
            running.dispose();
        }
        loop = null;
    }

    @Override
    public boolean isRunning() {
        return loop != null;
    }

    @Override
    public int getPhase() {
        // Stops before the Kafka producer and the Mongo client (which stop in lower phases after us).
        return Integer.MAX_VALUE - 100;
    }

    /** Loads the nudged documents with {@code _id $in} queries ({@link IdChunks}) and publishes them. */
    private Mono<Void> publishNudged(List<Nudge> batch) {
        Map<String, List<Object>> idsByCollection = new LinkedHashMap<>();
        for (Nudge nudge : batch) {
            List<Object> ids = idsByCollection.computeIfAbsent(nudge.collection(), c -> new ArrayList<>());
            if (!ids.contains(nudge.id())) {
                ids.add(nudge.id());
            }
        }
        return Flux.fromIterable(idsByCollection.entrySet())
                .concatMap(entry -> Flux.fromIterable(IdChunks.of(entry.getValue()))
                        .concatMap(ids ->
                                mongo.find(Query.query(Criteria.where("_id").in(ids)), Document.class, entry.getKey()))
                        .filter(document -> !outbox(document).isEmpty())
                        .map(document -> new Loaded(entry.getKey(), document)))
                .collectList()
                .flatMap(this::publish);
    }

    /** Publishes the documents whose first pending event is at least {@code grace} old (any, for a zero grace). */
    private Mono<Void> sweep(Duration grace) {
        AtomicLong pending = new AtomicLong();
        Criteria leftBehind = Criteria.where(Outbox.FIELD + ".0").exists(true);
        if (!grace.isZero()) {
            // "not younger" rather than "older": a pending event without a creation time is swept too
            leftBehind = leftBehind
                    .and(Outbox.FIELD + ".0.createdAt")
                    .not()
                    .gt(Date.from(Instant.now().minus(grace)));
        }
        Query query = Query.query(leftBehind).limit(properties.sweepBatch());
        return Flux.fromIterable(collections)
                .concatMap(collection -> mongo.find(query, Document.class, collection)
                        .map(doc -> new Loaded(collection, doc))
                        .collectList()
                        .doOnNext(docs -> docs.forEach(
                                d -> pending.addAndGet(outbox(d.document()).size())))
                        .flatMap(this::publish))
                .then(Mono.fromRunnable(() -> pendingAfterSweep.set(pending.get())));
    }

    /** Sends every pending event of the documents, then removes from each document the prefix Kafka acknowledged. */
    private Mono<Void> publish(List<Loaded> documents) {
        if (documents.isEmpty()) {
            return Mono.empty();
        }
        return Mono.fromCallable(() -> send(documents))
                .subscribeOn(Schedulers.boundedElastic()) // send() may block while the broker is away
                .flatMap(sent -> Mono.fromFuture(allSettled(sent)).thenReturn(sent))
                .timeout(properties.sendTimeout())
                .flatMap(sent -> markSent(documents, sent));
    }

    private List<List<CompletableFuture<SendResult<String, String>>>> send(List<Loaded> documents) {
        List<List<CompletableFuture<SendResult<String, String>>>> sent = new ArrayList<>();
        for (Loaded loaded : documents) {
            List<CompletableFuture<SendResult<String, String>>> futures = new ArrayList<>();
            for (Document event : outbox(loaded.document())) {
                futures.add(sendOne(event));
            }
            sent.add(futures);
        }
        return sent;
    }

    private CompletableFuture<SendResult<String, String>> sendOne(Document event) {
        ProducerRecord<String, String> record =
                new ProducerRecord<>(event.getString("topic"), event.getString("key"), event.getString("cloudEvent"));
        record.headers().add("content-type", CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
        try {
            return kafka.send(record);
        } catch (RuntimeException e) { // the producer could not even take the record (broker unreachable)
            return CompletableFuture.failedFuture(e);
        }
    }

    private static CompletableFuture<Void> allSettled(List<List<CompletableFuture<SendResult<String, String>>>> all) {
        return CompletableFuture.allOf(all.stream()
                .flatMap(List::stream)
                .map(f -> f.handle((r, e) -> null))
                .toArray(CompletableFuture[]::new));
    }

    /**
     * Removes from each document the prefix of its outbox that Kafka acknowledged: one unordered bulk write per
     * collection.
     */
    private Mono<Void> markSent(
            List<Loaded> documents, List<List<CompletableFuture<SendResult<String, String>>>> sent) {
        Map<String, ReactiveBulkOperations> pulls = new LinkedHashMap<>();
        for (int d = 0; d < documents.size(); d++) {
            Loaded loaded = documents.get(d);
            List<String> acknowledged = acknowledged(loaded.document(), sent.get(d));
            if (!acknowledged.isEmpty()) {
                pulls.computeIfAbsent(loaded.collection(), c -> mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, c))
                        .updateOne(
                                Query.query(Criteria.where("_id")
                                        .is(loaded.document().get("_id"))),
                                new Update()
                                        .pull(
                                                Outbox.FIELD,
                                                new Document("eventId", new Document("$in", acknowledged))));
            }
        }
        return Flux.fromIterable(pulls.values())
                .concatMap(ReactiveBulkOperations::execute)
                .then();
    }

    /** The event ids of the document's outbox that Kafka acknowledged, up to the first that it did not. */
    private List<String> acknowledged(Document document, List<CompletableFuture<SendResult<String, String>>> futures) {
        List<Document> outbox = outbox(document);
        List<String> acknowledged = new ArrayList<>();
        for (int i = 0; i < futures.size(); i++) {
            CompletableFuture<SendResult<String, String>> future = futures.get(i);
            if (future.isCompletedExceptionally() || !future.isDone()) {
                log.warn(
                        "event {} not acknowledged by Kafka, kept for the next pass",
                        outbox.get(i).getString("eventId"));
                break; // keep order: nothing after a failed event is marked sent
            }
            acknowledged.add(outbox.get(i).getString("eventId"));
            metrics.published(outbox.get(i).getString("topic"));
        }
        return acknowledged;
    }

    private static List<Document> outbox(Document document) {
        List<Document> outbox = document.getList(Outbox.FIELD, Document.class);
        return outbox == null ? List.of() : outbox;
    }
}
