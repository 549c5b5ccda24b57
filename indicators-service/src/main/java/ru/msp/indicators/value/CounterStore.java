package ru.msp.indicators.value;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import ru.msp.support.store.IdChunks;
import ru.msp.support.tenancy.ScopedMongo;
import ru.msp.support.tenancy.TenantKey;
import ru.msp.support.tenancy.TenantScope;

/**
 * The counters. A delta is applied with {@code $inc} in one upsert guarded by the fact's version recorded in the
 * counter itself ({@code applied.<fact>}): applying a fact's pending deltas again, after a crash or by two workers,
 * changes nothing. Deltas of one fact are applied in version order.
 */
@Service
public class CounterStore {

    static final TenantScope SYSTEM = TenantScope.system("indicators-service");

    private final ScopedMongo mongo;
    private final Clock clock;

    CounterStore(ScopedMongo mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /**
     * Applies one fact's delta of the given version; empty when that version (or a newer one) was applied before.
     * Read by {@code _id}, then written guarded by {@code _id} and {@code seq}: a concurrent writer makes us read
     * again, so two appliers of the same delta cannot both count it.
     */
    public Mono<IndicatorCounter> apply(String factKey, long version, CounterDelta delta) {
        CounterKey key = delta.key();
        String mark = markOf(factKey);
        return Mono.defer(() -> {
                    return marks(List.of(key.id()), List.of(mark))
                            .map(found -> java.util.Optional.ofNullable(found.get(key.id())))
                            .flatMap(stored -> {
                                if (stored.isEmpty()) {
                                    return created(key, factKey, version, delta);
                                }
                                if (stored.get().hasApplied(factKey, version)) {
                                    return Mono.<IndicatorCounter>empty();
                                }
                                return incremented(key, mark, stored.get().seq(), version, delta);
                            });
                })
                .retryWhen(reactor.util.retry.Retry.max(100).filter(Raced.class::isInstance));
    }

    /**
     * Applies the deltas of many fact versions (a poll's worth) with one read and one write per counter, however many
     * facts touch it: a municipality's counters are touched by every teacher of it, and each write of a counter
     * rewrites the whole document (with its marks) on the embedded store. The marks are read with {@code _id $in}
     * queries, new counters inserted in one write, the others incremented by the sum of their due deltas, with every
     * fact's mark, in one bulk write guarded by {@code seq} each. If a guard missed (another writer came in between)
     * or a counter was created meanwhile, those deltas go the one-by-one way of {@link #apply}, which skips what the
     * bulk write already did. The versions of one fact must come in order. Returns the counters that may have
     * changed.
     */
    public Mono<List<CounterKey>> applyMany(List<FactDeltas> facts) {
        return applyMany(facts, RETRIES);
    }

    /**
     * Bulk writes retried after a missed guard (a concurrent writer: the leftover sweep, a release): the retry reads
     * the marks again, so what the first attempt wrote is skipped. One by one only when the retries run out.
     */
    private static final int RETRIES = 5;

    private Mono<List<CounterKey>> applyMany(List<FactDeltas> facts, int retries) {
        Map<String, List<Due>> byCounter = new LinkedHashMap<>();
        Map<String, CounterKey> keys = new HashMap<>();
        Set<String> markFields = new LinkedHashSet<>();
        for (FactDeltas fact : facts) {
            markFields.add(markOf(fact.factKey()));
            for (CounterDelta delta : fact.deltas()) {
                keys.putIfAbsent(delta.key().id(), delta.key());
                byCounter
                        .computeIfAbsent(delta.key().id(), id -> new ArrayList<>())
                        .add(new Due(fact.factKey(), fact.version(), delta));
            }
        }
        if (byCounter.isEmpty()) {
            return Mono.just(List.of());
        }
        return marks(byCounter.keySet(), markFields).flatMap(stored -> {
            List<CounterDocument> fresh = new ArrayList<>();
            List<List<Due>> freshDue = new ArrayList<>();
            List<ScopedMongo.OneUpdate> increments = new ArrayList<>();
            List<Due> incremented = new ArrayList<>();
            List<Due> oneByOne = new ArrayList<>();
            List<CounterKey> touched = new ArrayList<>();
            byCounter.forEach((id, all) -> {
                CounterKey key = keys.get(id);
                CounterMark counter = stored.get(id);
                List<Due> due = counter == null
                        ? all
                        : all.stream()
                                .filter(d -> !counter.hasApplied(d.factKey(), d.version())) // a redo after a crash
                                .toList();
                if (due.isEmpty()) {
                    return;
                }
                touched.add(key);
                if (counter == null) {
                    fresh.add(fresh(key, due));
                    freshDue.add(due);
                } else if (counter.seq() == null) {
                    oneByOne.addAll(due);
                } else {
                    Query guarded = query(where("_id").is(id).and("seq").is(counter.seq()));
                    increments.add(new ScopedMongo.OneUpdate(owner(key), guarded, increment(due)));
                    incremented.addAll(due);
                }
            });
            Mono<Boolean> bulk = mongo.updateEach(SYSTEM, increments, IndicatorCounter.class)
                    .map(matched -> matched == increments.size());
            Mono<Boolean> created = mongo.insertAll(SYSTEM, fresh).map(Set::isEmpty);
            Mono<Void> rest = Mono.zip(bulk, created).flatMap(done -> {
                if (done.getT1() && done.getT2()) {
                    return Mono.empty();
                }
                if (retries > 0) {
                    return applyMany(facts, retries - 1).then();
                }
                List<Due> missed = new ArrayList<>(incremented);
                freshDue.forEach(missed::addAll); // apply() skips what was inserted
                return oneByOne(missed);
            });
            return rest.then(oneByOne(oneByOne)).thenReturn(touched);
        });
    }

    /** One fact version's delta to one counter. */
    private record Due(String factKey, long version, CounterDelta delta) {}

    /** What a counter's due deltas add up to, with each fact's newest version (its mark). */
    private record DueSum(long numerator, long denominator, Map<String, Long> marks) {

        static DueSum of(List<Due> due) {
            long numerator = 0;
            long denominator = 0;
            Map<String, Long> marks = new HashMap<>();
            for (Due d : due) {
                numerator += d.delta().numerator();
                denominator += d.delta().denominator();
                marks.merge(d.factKey(), d.version(), Math::max);
            }
            return new DueSum(numerator, denominator, marks);
        }
    }

    private static String markOf(String factKey) {
        return IndicatorCounter.APPLIED + "." + factKey;
    }

    /** The counters' {@code seq} and the facts' marks ({@code applied.<fact>}), by counter id; missing ones absent. */
    private Mono<Map<String, CounterMark>> marks(Collection<String> counterIds, Collection<String> markFields) {
        return Flux.fromIterable(IdChunks.of(counterIds))
                .concatMap(chunk -> {
                    Query read = query(where("_id").in(chunk));
                    read.fields().include("seq");
                    markFields.forEach(read.fields()::include);
                    return mongo.findDocuments(SYSTEM, read, CounterMark.class);
                })
                .map(CounterMark::of)
                .collectMap(CounterMark::id);
    }

    private Mono<Void> oneByOne(List<Due> due) {
        return Flux.fromIterable(due)
                .concatMap(d -> apply(d.factKey(), d.version(), d.delta()))
                .then();
    }

    /**
     * {@link #release} for many facts: one read and one write per counter, however many facts it forgets; if a guard
     * missed, each is released one by one (releasing twice changes nothing).
     */
    public Mono<Void> releaseMany(List<FactRelease> facts) {
        return releaseMany(facts, RETRIES);
    }

    private Mono<Void> releaseMany(List<FactRelease> facts, int retries) {
        Map<String, List<FactRelease>> byCounter = new LinkedHashMap<>();
        Map<String, CounterKey> keys = new HashMap<>();
        Set<String> markFields = new LinkedHashSet<>();
        for (FactRelease fact : facts) {
            markFields.add(markOf(fact.factKey()));
            for (CounterKey key : fact.counters()) {
                keys.putIfAbsent(key.id(), key);
                byCounter.computeIfAbsent(key.id(), id -> new ArrayList<>()).add(fact);
            }
        }
        if (byCounter.isEmpty()) {
            return Mono.empty();
        }
        return marks(byCounter.keySet(), markFields).flatMap(stored -> {
            List<ScopedMongo.OneUpdate> releases = new ArrayList<>();
            byCounter.forEach((id, forgetting) -> {
                CounterMark counter = stored.get(id);
                if (counter == null) {
                    return;
                }
                Update update = new Update();
                forgetting.stream()
                        .filter(fact -> counter.releasable(fact.factKey(), fact.upToVersion()))
                        .forEach(fact -> update.unset(markOf(fact.factKey())));
                if (update.getUpdateObject().isEmpty()) {
                    return;
                }
                releases.add(new ScopedMongo.OneUpdate(
                        owner(keys.get(id)),
                        query(where("_id").is(id).and("seq").is(counter.seq())),
                        update.inc("seq", 1)));
            });
            return mongo.updateEach(SYSTEM, releases, IndicatorCounter.class)
                    .flatMap(matched -> matched == releases.size()
                            ? Mono.<Void>empty()
                            : retries > 0
                                    ? releaseMany(facts, retries - 1)
                                    : Flux.fromIterable(facts)
                                            .concatMap(fact -> Flux.fromIterable(fact.counters())
                                                    .concatMap(key -> release(fact.factKey(), fact.upToVersion(), key)))
                                            .then());
        });
    }

    /**
     * Removes a fact's mark from a counter once the fact has no pending delta left of that version or older (its
     * document cleared them): nothing can apply those deltas again, so the mark is no longer needed. Without this
     * every fact that ever touched a region's counter stayed in it, and each increment rewrote a document growing
     * with the number of teachers. A newer mark (a later change being applied) is left alone; the write is guarded by
     * {@code seq} like an increment.
     */
    public Mono<Void> release(String factKey, long upToVersion, CounterKey key) {
        String mark = markOf(factKey);
        return Mono.defer(() -> {
                    return marks(List.of(key.id()), List.of(mark))
                            .flatMap(found -> Mono.justOrEmpty(found.get(key.id())))
                            .flatMap(stored -> {
                                if (!stored.releasable(factKey, upToVersion)) {
                                    return Mono.<Void>empty();
                                }
                                Query guarded = query(
                                        where("_id").is(key.id()).and("seq").is(stored.seq()));
                                guarded.fields().include("_id");
                                return mongo.findAndModify(
                                                SYSTEM,
                                                owner(key),
                                                guarded,
                                                new Update().unset(mark).inc("seq", 1),
                                                FindAndModifyOptions.options(),
                                                CounterMark.class)
                                        .switchIfEmpty(Mono.error(Raced::new))
                                        .then();
                            });
                })
                .retryWhen(reactor.util.retry.Retry.max(100).filter(Raced.class::isInstance));
    }

    private Mono<IndicatorCounter> created(CounterKey key, String factKey, long version, CounterDelta delta) {
        return mongo.insert(SYSTEM, fresh(key, factKey, version, delta))
                .map(CounterStore::view)
                .onErrorMap(DuplicateKeyException.class, raced -> new Raced());
    }

    private CounterDocument fresh(CounterKey key, String factKey, long version, CounterDelta delta) {
        return fresh(key, List.of(new Due(factKey, version, delta)));
    }

    /** A new counter holding the sum of the deltas and each fact's mark. */
    private CounterDocument fresh(CounterKey key, List<Due> due) {
        DueSum sum = DueSum.of(due);
        return new CounterDocument(
                key.id(),
                key.indicatorCode(),
                key.period(),
                key.scopeKind(),
                key.scopeId(),
                key.regionId(),
                key.municipalityId(),
                key.organizationId(),
                sum.numerator(),
                sum.denominator(),
                clock.instant(),
                1,
                sum.marks());
    }

    private Mono<IndicatorCounter> incremented(
            CounterKey key, String mark, Long seq, long version, CounterDelta delta) {
        // a counter written before seq existed has none: guard on its absence (a scan, once)
        Query guarded = query(
                seq == null
                        ? where("_id").is(key.id()).and("seq").exists(false)
                        : where("_id").is(key.id()).and("seq").is(seq));
        guarded.fields().exclude(IndicatorCounter.APPLIED);
        return mongo.findAndModify(
                        SYSTEM,
                        owner(key),
                        guarded,
                        increment(mark, version, delta),
                        FindAndModifyOptions.options().returnNew(true),
                        IndicatorCounter.class)
                .switchIfEmpty(Mono.error(Raced::new));
    }

    private Update increment(String mark, long version, CounterDelta delta) {
        return new Update()
                .inc("numerator", delta.numerator())
                .inc("denominator", delta.denominator())
                .inc("seq", 1)
                .set(mark, version)
                .set("updatedAt", clock.instant());
    }

    /** The sum of the due deltas, with each fact's newest version as its mark. */
    private Update increment(List<Due> due) {
        DueSum sum = DueSum.of(due);
        Update update = new Update()
                .inc("numerator", sum.numerator())
                .inc("denominator", sum.denominator())
                .inc("seq", 1)
                .set("updatedAt", clock.instant());
        sum.marks().forEach((factKey, version) -> update.set(markOf(factKey), version));
        return update;
    }

    private static IndicatorCounter view(CounterDocument d) {
        return new IndicatorCounter(
                d.id(),
                d.indicatorCode(),
                d.period(),
                d.scopeKind(),
                d.scopeId(),
                d.regionId(),
                d.municipalityId(),
                d.organizationId(),
                d.numerator(),
                d.denominator(),
                d.updatedAt());
    }

    /** Another write to the counter came between our read and our write: read again. */
    static final class Raced extends RuntimeException {
        Raced() {
            super(null, null, false, false);
        }
    }

    /** Sets a counter to a recomputed total, with the versions of the facts it was computed from. */
    public Mono<Void> overwrite(CounterKey key, Tally total, Map<String, Long> factVersions) {
        Update update = new Update()
                .set("numerator", total.numerator())
                .set("denominator", total.denominator())
                .set(IndicatorCounter.APPLIED, new Document(factVersions))
                .inc("seq", 1)
                .set("updatedAt", clock.instant());
        describe(update, key);
        return mongo.upsert(SYSTEM, owner(key), query(where("_id").is(key.id())), update, IndicatorCounter.class);
    }

    private static void describe(Update update, CounterKey key) {
        update.set("indicatorCode", key.indicatorCode())
                .set("period", key.period())
                .set("scopeKind", key.scopeKind())
                .set("scopeId", key.scopeId())
                .set("regionId", key.regionId())
                .set("municipalityId", key.municipalityId())
                .set("organizationId", key.organizationId());
    }

    /** The counters of one scope and school year that the caller may read. */
    public Flux<IndicatorCounter> of(TenantScope scope, ScopeKind kind, Collection<String> scopeIds, String period) {
        Criteria criteria = where("scopeKind").is(kind).and("scopeId").in(scopeIds);
        if (period != null) {
            criteria = criteria.and("period").is(period);
        }
        Query q = query(criteria).with(Sort.by("_id"));
        q.fields().exclude(IndicatorCounter.APPLIED);
        return mongo.find(scope, q, IndicatorCounter.class);
    }

    /** One indicator's counters of a kind within a municipality (drill-down). */
    public Flux<IndicatorCounter> inMunicipality(
            TenantScope scope, ScopeKind kind, String municipalityId, String code, String period) {
        Query q = query(where("scopeKind")
                        .is(kind)
                        .and("municipalityId")
                        .is(municipalityId)
                        .and("indicatorCode")
                        .is(code)
                        .and("period")
                        .is(period))
                .with(Sort.by("scopeId"));
        q.fields().exclude(IndicatorCounter.APPLIED);
        return mongo.find(scope, q, IndicatorCounter.class);
    }

    /** Every counter of a region or a municipality (recompute). */
    public Flux<IndicatorCounter> within(String regionId, String municipalityId) {
        Query q = query(
                municipalityId != null
                        ? where("municipalityId").is(municipalityId)
                        : where("regionId").is(regionId));
        q.fields().exclude(IndicatorCounter.APPLIED);
        return mongo.find(SYSTEM, q, IndicatorCounter.class);
    }

    /** The counters of the ids (without their marks), in {@code _id $in} chunks. */
    public Flux<IndicatorCounter> byIds(Collection<String> ids) {
        return Flux.fromIterable(IdChunks.of(ids)).concatMap(chunk -> {
            Query q = query(where("_id").in(chunk));
            q.fields().exclude(IndicatorCounter.APPLIED);
            return mongo.find(SYSTEM, q, IndicatorCounter.class);
        });
    }

    public Mono<IndicatorCounter> byId(String id) {
        Query q = query(where("_id").is(id));
        q.fields().exclude(IndicatorCounter.APPLIED);
        return mongo.findOne(SYSTEM, q, IndicatorCounter.class);
    }

    /**
     * Keeps the day's latest value of municipality and region counters, in one write for all of them (a publish pass
     * touches hundreds): each point replaced whole, or inserted on the first change of its day.
     */
    public Mono<Void> points(Collection<IndicatorCounter> changed) {
        var date = java.time.LocalDate.now(clock);
        List<IndicatorPoint> points = changed.stream()
                .map(counter -> new IndicatorPoint(
                        counter.id() + "|" + date,
                        counter.id(),
                        counter.indicatorCode(),
                        counter.period(),
                        counter.scopeKind(),
                        counter.scopeId(),
                        counter.regionId(),
                        counter.municipalityId(),
                        date,
                        counter.numerator(),
                        counter.denominator()))
                .toList();
        return mongo.saveAll(SYSTEM, points, IndicatorPoint.class);
    }

    public Flux<IndicatorPoint> points(TenantScope scope, ScopeKind kind, String scopeId, String code, String period) {
        Criteria criteria = where("scopeKind")
                .is(kind)
                .and("scopeId")
                .is(scopeId)
                .and("indicatorCode")
                .is(code);
        if (period != null) {
            criteria = criteria.and("period").is(period);
        }
        return mongo.find(scope, query(criteria).with(Sort.by("date", "period")), IndicatorPoint.class);
    }

    private static TenantKey owner(CounterKey key) {
        return new TenantKey(key.regionId(), key.municipalityId(), key.organizationId(), null);
    }

    private static TenantKey owner(IndicatorCounter c) {
        return new TenantKey(c.regionId(), c.municipalityId(), c.organizationId(), null);
    }

    static List<ScopeKind> kindsOf(boolean region) {
        return region
                ? List.of(ScopeKind.values())
                : List.of(ScopeKind.ORGANIZATION, ScopeKind.MUNICIPALITY, ScopeKind.MUNICIPALITY_TARGET_GROUP);
    }
}
