package ru.msp.indicators.value;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
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
        String mark = IndicatorCounter.APPLIED + "." + factKey;
        return Mono.defer(() -> {
                    return marks(List.of(key.id()), mark)
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
     * Applies one fact version's deltas (distinct counters) with one read and one write for all of them, instead of
     * two round trips per counter: the marks are read with one {@code _id $in} query, new counters inserted in one
     * write, the others incremented in one bulk write guarded by {@code seq} each. If a guard missed (another writer
     * came in between) or a counter was created meanwhile, those deltas go the one-by-one way of {@link #apply},
     * which skips what the bulk write already did. Returns the counters that may have changed.
     */
    public Mono<List<CounterKey>> applyAll(String factKey, long version, List<CounterDelta> deltas) {
        if (deltas.isEmpty()) {
            return Mono.just(List.of());
        }
        String mark = IndicatorCounter.APPLIED + "." + factKey;
        return marks(deltas.stream().map(d -> d.key().id()).toList(), mark).flatMap(stored -> {
            List<CounterDelta> fresh = new ArrayList<>();
            List<CounterDelta> incremented = new ArrayList<>();
            List<ScopedMongo.OneUpdate> increments = new ArrayList<>();
            List<CounterDelta> oneByOne = new ArrayList<>();
            for (CounterDelta delta : deltas) {
                CounterMark counter = stored.get(delta.key().id());
                if (counter == null) {
                    fresh.add(delta);
                    continue;
                }
                if (counter.hasApplied(factKey, version)) {
                    continue; // applied before (a redo after a crash)
                }
                if (counter.seq() == null) {
                    oneByOne.add(delta);
                    continue;
                }
                Query guarded =
                        query(where("_id").is(delta.key().id()).and("seq").is(counter.seq()));
                increments.add(new ScopedMongo.OneUpdate(owner(delta.key()), guarded, increment(mark, version, delta)));
                incremented.add(delta);
            }
            Mono<Void> bulk = mongo.updateEach(SYSTEM, increments, IndicatorCounter.class)
                    .flatMap(matched -> matched == increments.size()
                            ? Mono.<Void>empty()
                            : oneByOne(factKey, version, incremented));
            Mono<Void> created = mongo.insertAll(
                            SYSTEM,
                            fresh.stream()
                                    .map(d -> fresh(d.key(), factKey, version, d))
                                    .toList())
                    .flatMap(raced -> oneByOne(
                            factKey, version, raced.stream().map(fresh::get).toList()));
            List<CounterKey> touched = new ArrayList<>();
            fresh.forEach(d -> touched.add(d.key()));
            incremented.forEach(d -> touched.add(d.key()));
            oneByOne.forEach(d -> touched.add(d.key()));
            return bulk.then(created).then(oneByOne(factKey, version, oneByOne)).thenReturn(touched);
        });
    }

    /** The counters' {@code seq} and the fact's mark ({@code applied.<fact>}), by counter id; missing ones absent. */
    private Mono<Map<String, CounterMark>> marks(Collection<String> counterIds, String mark) {
        Query read = query(where("_id").in(counterIds));
        read.fields().include("seq").include(mark);
        return mongo.findDocuments(SYSTEM, read, CounterMark.class)
                .map(CounterMark::of)
                .collectMap(CounterMark::id);
    }

    private Mono<Void> oneByOne(String factKey, long version, List<CounterDelta> deltas) {
        return Flux.fromIterable(deltas)
                .concatMap(delta -> apply(factKey, version, delta))
                .then();
    }

    /**
     * {@link #release} for many counters: one read and one bulk write; if a guard missed, each is released one by one
     * (releasing twice changes nothing).
     */
    public Mono<Void> releaseAll(String factKey, long upToVersion, Collection<CounterKey> keys) {
        if (keys.isEmpty()) {
            return Mono.empty();
        }
        String mark = IndicatorCounter.APPLIED + "." + factKey;
        return marks(keys.stream().map(CounterKey::id).toList(), mark).flatMap(stored -> {
            List<ScopedMongo.OneUpdate> releases = new ArrayList<>();
            for (CounterKey key : keys) {
                CounterMark counter = stored.get(key.id());
                if (counter == null || !counter.releasable(factKey, upToVersion)) {
                    continue;
                }
                releases.add(new ScopedMongo.OneUpdate(
                        owner(key),
                        query(where("_id").is(key.id()).and("seq").is(counter.seq())),
                        new Update().unset(mark).inc("seq", 1)));
            }
            return mongo.updateEach(SYSTEM, releases, IndicatorCounter.class)
                    .flatMap(matched -> matched == releases.size()
                            ? Mono.<Void>empty()
                            : Flux.fromIterable(keys)
                                    .concatMap(key -> release(factKey, upToVersion, key))
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
        String mark = IndicatorCounter.APPLIED + "." + factKey;
        return Mono.defer(() -> {
                    return marks(List.of(key.id()), mark)
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
        return new CounterDocument(
                key.id(),
                key.indicatorCode(),
                key.period(),
                key.scopeKind(),
                key.scopeId(),
                key.regionId(),
                key.municipalityId(),
                key.organizationId(),
                delta.numerator(),
                delta.denominator(),
                clock.instant(),
                1,
                Map.of(factKey, version));
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

    public Mono<IndicatorCounter> byId(String id) {
        Query q = query(where("_id").is(id));
        q.fields().exclude(IndicatorCounter.APPLIED);
        return mongo.findOne(SYSTEM, q, IndicatorCounter.class);
    }

    /** Keeps the day's latest value of a municipality or region counter. */
    public Mono<Void> point(IndicatorCounter counter) {
        var date = java.time.LocalDate.now(clock);
        Update update = new Update()
                .set("counterId", counter.id())
                .set("indicatorCode", counter.indicatorCode())
                .set("period", counter.period())
                .set("scopeKind", counter.scopeKind())
                .set("scopeId", counter.scopeId())
                .set("regionId", counter.regionId())
                .set("municipalityId", counter.municipalityId())
                .set("date", date)
                .set("numerator", counter.numerator())
                .set("denominator", counter.denominator());
        return mongo.upsert(
                SYSTEM,
                owner(counter),
                query(where("_id").is(counter.id() + "|" + date)),
                update,
                IndicatorPoint.class);
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
