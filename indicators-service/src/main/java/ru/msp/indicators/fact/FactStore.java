package ru.msp.indicators.fact;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.convert.MongoConverter;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;
import ru.msp.indicators.catalogue.SchoolYear;
import ru.msp.indicators.value.CounterDelta;
import ru.msp.indicators.value.CounterKey;
import ru.msp.indicators.value.CounterStore;
import ru.msp.indicators.value.FactDeltas;
import ru.msp.indicators.value.FactRelease;
import ru.msp.indicators.value.IndicatorRules;
import ru.msp.indicators.value.Tally;
import ru.msp.indicators.value.ValueChanges;
import ru.msp.support.tenancy.ScopedMongo;
import ru.msp.support.tenancy.TenantScope;

/**
 * Fact documents and the counters they feed. A change is one guarded write of the fact document carrying the new
 * version and the counter deltas it causes ({@link DeltaBatch}); the deltas are then applied (idempotently, see
 * {@link CounterStore}) and removed. A crash in between leaves them in the document, and {@link #drainLeftovers} or
 * the next change of that document applies them.
 */
@Service
public class FactStore {

    static final TenantScope SYSTEM = TenantScope.system("indicators-service");
    public static final String TEACHER_KEY = "t_";
    public static final String ORGANIZATION_KEY = "o_";

    private final ScopedMongo mongo;
    private final MongoConverter converter;
    private final CounterStore counters;
    private final ValueChanges changes;
    private final Clock clock;

    FactStore(ScopedMongo mongo, MongoConverter converter, CounterStore counters, ValueChanges changes, Clock clock) {
        this.mongo = mongo;
        this.converter = converter;
        this.counters = counters;
        this.changes = changes;
        this.clock = clock;
    }

    /** A fact document before and after a change. */
    public record Changed<F>(F before, F after) {}

    /** The school year values are kept up to now. */
    public SchoolYear horizon() {
        return SchoolYear.containing(LocalDate.now(clock));
    }

    public Mono<Changed<TeacherFact>> teacher(String id, UnaryOperator<TeacherFact> change) {
        return change(TeacherFact.class, id, () -> TeacherFact.empty(id), change, IndicatorRules::of, TEACHER_KEY);
    }

    public Mono<Changed<OrganizationFact>> organization(String id, UnaryOperator<OrganizationFact> change) {
        return change(
                OrganizationFact.class,
                id,
                () -> OrganizationFact.empty(id),
                change,
                IndicatorRules::of,
                ORGANIZATION_KEY);
    }

    private <F extends FactDocument<F>> Mono<Changed<F>> change(
            Class<F> type,
            String id,
            Supplier<F> empty,
            UnaryOperator<F> change,
            BiFunction<F, SchoolYear, Map<CounterKey, Tally>> tallies,
            String keyPrefix) {
        String factKey = keyPrefix + id;
        return Mono.deferContextual(context -> {
                    FactsToDrain poll = context.getOrDefault(FactsToDrain.KEY, null);
                    return stored(type, id, factKey, poll).flatMap(stored -> {
                        F before = stored.orElseGet(empty);
                        F after = change.apply(before);
                        if (facts(after).equals(facts(before))) {
                            return drainOrDefer(type, before, keyPrefix).thenReturn(new Changed<>(before, before));
                        }
                        SchoolYear horizon = horizon();
                        List<CounterDelta> deltas =
                                IndicatorRules.diff(tallies.apply(before, horizon), tallies.apply(after, horizon));
                        long version = before.version() + 1;
                        List<DeltaBatch> pending = new ArrayList<>(before.pending());
                        if (!deltas.isEmpty()) {
                            pending.add(new DeltaBatch(version, deltas));
                        }
                        F next = after.withBookkeeping(version, pending);
                        if (poll != null) {
                            // written with the poll's other facts before its drain (flush): one bulk write a poll
                            // instead of one guarded write per change
                            poll.unwritten(factKey, keyPrefix, next, stored.isPresent(), before.version(), change);
                            return drainOrDefer(type, next, keyPrefix).thenReturn(new Changed<>(before, next));
                        }
                        return write(type, stored.isPresent(), before.version(), next)
                                .flatMap(written -> {
                                    if (!written) {
                                        if (poll != null) {
                                            poll.forget(factKey);
                                        }
                                        return Mono.error(new ConcurrentChange());
                                    }
                                    if (poll != null) {
                                        poll.know(factKey, Optional.of(next));
                                    }
                                    return drainOrDefer(type, next, keyPrefix).thenReturn(new Changed<>(before, next));
                                });
                    });
                })
                .retryWhen(Retry.max(50).filter(ConcurrentChange.class::isInstance));
    }

    /**
     * The document as the poll last saw it, else as stored. A copy the poll holds may be stale (another instance, or
     * the leftover sweep clearing its deltas): the version guard of the write then misses, the poll forgets it, and
     * the change is redone from the store.
     */
    private <F extends FactDocument<F>> Mono<Optional<F>> stored(
            Class<F> type, String id, String factKey, FactsToDrain poll) {
        Optional<F> known = poll == null ? null : poll.known(factKey, type);
        if (known != null) {
            return Mono.just(known);
        }
        return mongo.findById(SYSTEM, id, type)
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .doOnNext(stored -> {
                    if (poll != null) {
                        inPoll.add(factKey);
                        poll.know(factKey, stored);
                    }
                });
    }

    /**
     * Reads the teacher and organisation facts a poll's events name, one query per kind, into the poll
     * ({@link FactsToDrain}) of the context; their changes then start from these. The leftover sweep leaves them
     * alone until the poll ends.
     */
    public Mono<Void> preload(Collection<String> teacherIds, Collection<String> organizationIds) {
        return Mono.deferContextual(context -> {
            FactsToDrain poll = context.getOrDefault(FactsToDrain.KEY, null);
            if (poll == null) {
                return Mono.<Void>empty();
            }
            return preload(poll, TeacherFact.class, TEACHER_KEY, teacherIds)
                    .then(preload(poll, OrganizationFact.class, ORGANIZATION_KEY, organizationIds));
        });
    }

    private <F extends FactDocument<F>> Mono<Void> preload(
            FactsToDrain poll, Class<F> type, String keyPrefix, Collection<String> ids) {
        Set<String> unknown = new LinkedHashSet<>();
        ids.stream()
                .filter(id -> id != null && poll.known(keyPrefix + id, type) == null)
                .forEach(unknown::add);
        if (unknown.isEmpty()) {
            return Mono.empty();
        }
        unknown.forEach(id -> inPoll.add(keyPrefix + id));
        return mongo.findByIds(SYSTEM, unknown, type)
                .doOnNext(fact -> poll.know(keyPrefix + fact.id(), Optional.of(fact)))
                .then(Mono.fromRunnable(() -> unknown.stream()
                        .filter(id -> poll.known(keyPrefix + id, type) == null)
                        .forEach(id -> poll.know(keyPrefix + id, Optional.empty()))));
    }

    private static <F extends FactDocument<F>> F facts(F fact) {
        return fact.withBookkeeping(0, List.of());
    }

    private <F extends FactDocument<F>> Mono<Boolean> write(Class<F> type, boolean exists, long expected, F next) {
        if (!exists) {
            return mongo.insert(SYSTEM, next)
                    .thenReturn(true)
                    .onErrorResume(DuplicateKeyException.class, raced -> Mono.just(false));
        }
        ScopedMongo.OneUpdate write = overVersion(next, expected);
        return mongo.findAndModify(
                        SYSTEM,
                        write.owner(),
                        write.query(),
                        write.update(),
                        FindAndModifyOptions.options().returnNew(true),
                        type)
                .map(found -> true)
                .defaultIfEmpty(false);
    }

    /** Drains now, or at the end of the poll when the change runs within a {@link FactsToDrain}. */
    private <F extends FactDocument<F>> Mono<Void> drainOrDefer(Class<F> type, F fact, String keyPrefix) {
        if (fact.pending().isEmpty()) {
            return Mono.empty();
        }
        return Mono.deferContextual(context -> {
            if (context.hasKey(FactsToDrain.KEY)) {
                context.<FactsToDrain>get(FactsToDrain.KEY).add(keyPrefix, fact.id());
                inPoll.add(keyPrefix + fact.id());
                return Mono.<Void>empty();
            }
            return drain(type, fact, keyPrefix);
        });
    }

    /**
     * Drains the facts changed within a poll, together: their documents are read again (the last change holds every
     * pending delta), and each counter they touch is written once for all of them ({@link CounterStore#applyMany}).
     * The caller ends the poll ({@link #pollEnded}) whether or not it got this far.
     */
    public Mono<Void> drain(FactsToDrain changed) {
        return flush(changed).flatMap(raced -> drainWritten(changed, raced));
    }

    /**
     * The poll's copies are what the store holds once {@link #flush} wrote them (or what the poll read, for a fact it
     * only drains), so they are drained without reading them again; those another writer came between (redone one
     * by one, which drained them) are read from the store. A copy made stale by a writer after the flush misses the
     * version guard of its clearing, and its deltas are skipped by the counters' marks: nothing counts twice.
     */
    private Mono<Void> drainWritten(FactsToDrain changed, Set<String> raced) {
        List<Draining> held = new ArrayList<>();
        List<String> teachers = new ArrayList<>();
        List<String> organizations = new ArrayList<>();
        synchronized (changed) {
            holdOrRead(changed, changed.teachers, TeacherFact.class, TEACHER_KEY, raced, held, teachers);
            holdOrRead(
                    changed,
                    changed.organizations,
                    OrganizationFact.class,
                    ORGANIZATION_KEY,
                    raced,
                    held,
                    organizations);
        }
        return Flux.concat(
                        Flux.fromIterable(held),
                        mongo.findByIds(SYSTEM, teachers, TeacherFact.class)
                                .map(fact -> new Draining(TeacherFact.class, fact, TEACHER_KEY)),
                        mongo.findByIds(SYSTEM, organizations, OrganizationFact.class)
                                .map(fact -> new Draining(OrganizationFact.class, fact, ORGANIZATION_KEY)))
                .filter(draining -> !draining.fact().pending().isEmpty())
                .collectList()
                .flatMap(this::drain);
    }

    private static <F extends FactDocument<F>> void holdOrRead(
            FactsToDrain changed,
            Collection<String> ids,
            Class<F> type,
            String keyPrefix,
            Set<String> raced,
            List<Draining> held,
            List<String> toRead) {
        for (String id : ids) {
            Optional<F> known = raced.contains(keyPrefix + id) ? null : changed.known(keyPrefix + id, type);
            if (known != null && known.isPresent()) {
                held.add(new Draining(type, known.get(), keyPrefix));
            } else {
                toRead.add(id);
            }
        }
    }

    /**
     * Writes the fact documents the poll changed: the new ones in one insert, the others in one bulk update guarded
     * by the version the poll read. A fact another writer created or changed meanwhile (a second instance) has its
     * changes of this poll redone one by one from the store, as outside a poll; when some guarded update of the bulk
     * missed, that is done for all of them, and those the bulk wrote already change no further (a change of a fact
     * to the state it has is none).
     */
    private Mono<Set<String>> flush(FactsToDrain poll) {
        List<FactsToDrain.Unwritten> unwritten = poll.takeUnwritten();
        if (unwritten.isEmpty()) {
            return Mono.just(Set.of());
        }
        return Flux.fromIterable(List.of(TEACHER_KEY, ORGANIZATION_KEY))
                .concatMap(prefix -> {
                    List<FactsToDrain.Unwritten> ofKind = unwritten.stream()
                            .filter(fact -> fact.keyPrefix().equals(prefix))
                            .toList();
                    Class<?> type = TEACHER_KEY.equals(prefix) ? TeacherFact.class : OrganizationFact.class;
                    List<FactsToDrain.Unwritten> created =
                            ofKind.stream().filter(fact -> !fact.stored()).toList();
                    List<FactsToDrain.Unwritten> updated = ofKind.stream()
                            .filter(FactsToDrain.Unwritten::stored)
                            .toList();
                    Mono<List<FactsToDrain.Unwritten>> createdRaced = mongo.insertAll(
                                    SYSTEM,
                                    created.stream()
                                            .<FactDocument<?>>map(FactsToDrain.Unwritten::latest)
                                            .toList())
                            .map(refused -> refused.stream().map(created::get).toList());
                    Mono<List<FactsToDrain.Unwritten>> updatedRaced = mongo.updateEach(
                                    SYSTEM,
                                    updated.stream()
                                            .map(fact -> overVersion(fact.latest(), fact.storedVersion()))
                                            .toList(),
                                    type)
                            .map(matched -> matched == updated.size() ? List.of() : updated);
                    return createdRaced.zipWith(updatedRaced, (a, b) -> {
                        List<FactsToDrain.Unwritten> raced = new ArrayList<>(a);
                        raced.addAll(b);
                        return raced;
                    });
                })
                .flatMapIterable(raced -> raced)
                .concatMap(fact ->
                        redo(fact).thenReturn(fact.keyPrefix() + fact.latest().id()))
                .collect(Collectors.toSet());
    }

    /** The whole document {@code next} set, only over the stored version {@code expected}. */
    private ScopedMongo.OneUpdate overVersion(FactDocument<?> next, long expected) {
        Document document = new Document();
        converter.write(next, document);
        document.remove("_id");
        Update update = new Update();
        document.forEach(update::set);
        return new ScopedMongo.OneUpdate(
                next.tenantKey(),
                query(where("_id").is(next.id()).and("version").is(expected)),
                update);
    }

    /** The poll's changes of one fact, redone from the store as outside a poll (read, guarded write, drain). */
    @SuppressWarnings("unchecked")
    private Mono<Void> redo(FactsToDrain.Unwritten fact) {
        String id = fact.latest().id();
        return Flux.fromIterable(fact.changes())
                .concatMap(change -> TEACHER_KEY.equals(fact.keyPrefix())
                        ? teacher(id, (UnaryOperator<TeacherFact>) change)
                        : organization(id, (UnaryOperator<OrganizationFact>) change))
                .contextWrite(context -> context.delete(FactsToDrain.KEY))
                .then();
    }

    /** The poll's facts are the sweep's again (also when the poll failed before its drain). */
    public void pollEnded(FactsToDrain changed) {
        synchronized (changed) {
            changed.teachers.forEach(id -> inPoll.remove(TEACHER_KEY + id));
            changed.organizations.forEach(id -> inPoll.remove(ORGANIZATION_KEY + id));
        }
        changed.knownKeys().forEach(inPoll::remove);
    }

    /**
     * Facts read or changed by a poll in progress, drained at its end: the leftover sweep leaves them alone (draining
     * them at the same time would be correct, but both writers would miss each other's guards and retry).
     */
    private final Set<String> inPoll = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** A fact document whose pending deltas are being applied. */
    private record Draining(Class<?> type, FactDocument<?> fact, String keyPrefix) {

        String factKey() {
            return keyPrefix + fact.id().replace('.', '_');
        }
    }

    private <F extends FactDocument<F>> Mono<Void> drain(Class<F> type, F fact, String keyPrefix) {
        if (fact.pending().isEmpty()) {
            return Mono.empty();
        }
        return drain(List.of(new Draining(type, fact, keyPrefix)));
    }

    /** Applies the documents' pending deltas in version order, then removes them unless a document moved on. */
    private Mono<Void> drain(List<Draining> facts) {
        if (facts.isEmpty()) {
            return Mono.empty();
        }
        List<FactDeltas> batches = new ArrayList<>();
        facts.forEach(draining -> draining.fact()
                .pending()
                .forEach(batch -> batches.add(new FactDeltas(draining.factKey(), batch.version(), batch.deltas()))));
        return counters.applyMany(batches)
                .flatMapMany(Flux::fromIterable)
                .concatMap(changes::changed)
                .then(cleared(facts))
                // cleared: the counters may forget the fact, but not at once: another drain that read the document
                // before it was cleared (the leftover sweep) may still be applying the same deltas, and only the
                // marks keep it from counting them twice. So the release waits (releaseSettled).
                .doOnNext(done -> done.forEach(draining -> settle(new Settled(
                        draining.factKey(), draining.fact().version(), touched(draining.fact()), System.nanoTime()))))
                .then();
    }

    /**
     * Clears the pending deltas of the documents that did not move on meanwhile (one bulk write; when a guard missed,
     * one by one to learn which), and returns those.
     */
    private Mono<List<Draining>> cleared(List<Draining> facts) {
        List<ScopedMongo.OneUpdate> teachers = new ArrayList<>();
        List<ScopedMongo.OneUpdate> organizations = new ArrayList<>();
        for (Draining draining : facts) {
            (draining.type() == TeacherFact.class ? teachers : organizations).add(clearing(draining));
        }
        return mongo.updateEach(SYSTEM, teachers, TeacherFact.class)
                .zipWith(mongo.updateEach(SYSTEM, organizations, OrganizationFact.class), Long::sum)
                .flatMap(matched -> matched == facts.size()
                        ? Mono.just(facts)
                        : Flux.fromIterable(facts)
                                .concatMap(draining -> {
                                    ScopedMongo.OneUpdate clearing = clearing(draining);
                                    return mongo.findAndModify(
                                                    SYSTEM,
                                                    clearing.owner(),
                                                    clearing.query(),
                                                    clearing.update(),
                                                    FindAndModifyOptions.options(),
                                                    draining.type())
                                            .map(found -> draining);
                                })
                                .collectList());
    }

    private static ScopedMongo.OneUpdate clearing(Draining draining) {
        FactDocument<?> fact = draining.fact();
        return new ScopedMongo.OneUpdate(
                fact.tenantKey(),
                query(where("_id").is(fact.id()).and("version").is(fact.version())),
                new Update().set("pending", List.of()));
    }

    /** A fact whose deltas up to {@code version} are applied and cleared; its marks are released later. */
    private record Settled(String factKey, long version, Set<CounterKey> counters, long at) {}

    /** At most this many settled facts wait; beyond it the marks simply stay (correct, only larger counters). */
    static final int SETTLED_LIMIT = 20_000;

    /** Facts released together. */
    static final int RELEASE_PIECE = 500;

    private final Queue<Settled> settled = new ConcurrentLinkedQueue<>();
    private final java.util.concurrent.atomic.AtomicInteger settledCount =
            new java.util.concurrent.atomic.AtomicInteger();

    private void settle(Settled fact) {
        if (settledCount.incrementAndGet() <= SETTLED_LIMIT) {
            settled.add(fact);
        } else {
            settledCount.decrementAndGet();
        }
    }

    /** Facts released by one pass at most: the rest wait for the next pass, so that a pass stays short. */
    public static final int RELEASE_PER_PASS = 2_000;

    /**
     * Releases the counter marks of the facts settled at least {@code after} ago: long enough for any drain that
     * read one of them before it was cleared to have finished. At most {@code atMost} facts, the oldest: under the
     * load of a 100,000-result run a pass over 20,000 settled facts outlasted its scheduler's 5-minute wait and was
     * cancelled, and the facts it had taken kept their marks for good. Returns how many facts were released.
     */
    public Mono<Long> releaseSettled(Duration after, int atMost) {
        long now = System.nanoTime();
        List<Settled> due = new ArrayList<>();
        for (Settled next = settled.peek();
                next != null && due.size() < atMost && now - next.at() >= after.toNanos();
                next = settled.peek()) {
            if (settled.remove(next)) {
                settledCount.decrementAndGet();
                due.add(next);
            }
        }
        // many facts per write of a counter; in pieces, so that one read projects a bounded number of marks
        return Flux.fromIterable(due)
                .buffer(RELEASE_PIECE)
                .concatMap(piece -> counters.releaseMany(piece.stream()
                        .map(fact -> new FactRelease(fact.factKey(), fact.version(), fact.counters()))
                        .toList()))
                .then(Mono.just((long) due.size()));
    }

    private static Set<CounterKey> touched(FactDocument<?> fact) {
        Set<CounterKey> keys = new LinkedHashSet<>();
        fact.pending().forEach(batch -> batch.deltas().forEach(delta -> keys.add(delta.key())));
        return keys;
    }

    /** Applies what a crash (or a failed poll) left pending, many facts per write of a counter. */
    public Mono<Long> drainLeftovers() {
        Query withPending = query(where("pending.0").exists(true));
        Flux<Draining> teachers = mongo.find(SYSTEM, withPending, TeacherFact.class)
                .filter(fact -> !inPoll.contains(TEACHER_KEY + fact.id()))
                .map(fact -> new Draining(TeacherFact.class, fact, TEACHER_KEY));
        Flux<Draining> organizations = mongo.find(SYSTEM, withPending, OrganizationFact.class)
                .filter(fact -> !inPoll.contains(ORGANIZATION_KEY + fact.id()))
                .map(fact -> new Draining(OrganizationFact.class, fact, ORGANIZATION_KEY));
        return teachers.concatWith(organizations)
                .buffer(RELEASE_PIECE)
                .concatMap(piece -> drain(piece).thenReturn((long) piece.size()))
                .reduce(0L, Long::sum);
    }

    public Flux<TeacherFact> teachersWithin(String regionId, String municipalityId) {
        return mongo.find(SYSTEM, within(regionId, municipalityId), TeacherFact.class);
    }

    public Flux<OrganizationFact> organizationsWithin(String regionId, String municipalityId) {
        return mongo.find(SYSTEM, within(regionId, municipalityId), OrganizationFact.class);
    }

    private static Query within(String regionId, String municipalityId) {
        return municipalityId != null
                ? query(where("municipalityId").is(municipalityId))
                : query(where("regionId").is(regionId));
    }

    public Mono<OrganizationFact> organization(TenantScope scope, String id) {
        return mongo.findById(scope, id, OrganizationFact.class);
    }

    /**
     * The teachers whose marks name the activity. Within a poll, as the poll left them: its changes are written only
     * before its drain, so a teacher it gave or took the activity is taken from the poll, not the store.
     */
    public Flux<TeacherFact> teachersOfActivity(String activityId) {
        Flux<TeacherFact> stored = mongo.find(SYSTEM, query(where("activityIds").is(activityId)), TeacherFact.class);
        return Flux.deferContextual(context -> {
            FactsToDrain poll = context.getOrDefault(FactsToDrain.KEY, null);
            if (poll == null) {
                return stored;
            }
            Map<String, TeacherFact> unwritten = poll.unwrittenTeachers();
            return stored.filter(fact -> !unwritten.containsKey(fact.id()))
                    .concatWith(Flux.fromIterable(unwritten.values())
                            .filter(fact -> fact.activityIds().contains(activityId)));
        });
    }

    public Flux<TeacherFact> teachersWithOpenRoutes() {
        return mongo.find(SYSTEM, query(where("routes").exists(true).ne(new Document())), TeacherFact.class);
    }

    public static String teacherKey(TeacherFact fact) {
        return TEACHER_KEY + fact.id().replace('.', '_');
    }

    public static String organizationKey(OrganizationFact fact) {
        return ORGANIZATION_KEY + fact.id().replace('.', '_');
    }

    /** Another writer changed the document between our read and our write: read again and redo. */
    static final class ConcurrentChange extends RuntimeException {
        ConcurrentChange() {
            super(null, null, false, false);
        }
    }
}
