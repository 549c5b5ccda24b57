package ru.msp.support.tenancy;

import com.mongodb.MongoBulkWriteException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.FindAndReplaceOptions;
import org.springframework.data.mongodb.core.ReactiveBulkOperations;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.BasicQuery;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.data.mongodb.core.query.UpdateDefinition;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;
import ru.msp.support.store.IdChunks;
import ru.msp.support.store.UnorderedInsert;

/**
 * The only way services reach their MongoDB data: every read is filtered by the caller's {@link TenantScope} and
 * every write checked against it, so an endpoint cannot forget tenancy (an architecture test forbids services to
 * use {@link ReactiveMongoTemplate} directly). A single read out of scope comes back empty, which handlers answer
 * with 404: the caller cannot even learn the data exists.
 */
public class ScopedMongo {

    /** The revision {@link #updateIfNewer} keeps in each document it writes. */
    public static final String REVISION = "rev";

    private static final int DUPLICATE_KEY = 11000;

    @TenantFields
    private static final class Defaults {}

    private static final TenantFields DEFAULT_FIELDS = Defaults.class.getAnnotation(TenantFields.class);

    private final ReactiveMongoTemplate mongo;
    private final Map<Class<?>, TenantFields> fields = new ConcurrentHashMap<>();

    public ScopedMongo(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    public <T> Flux<T> find(TenantScope scope, Query query, Class<T> type) {
        return mongo.find(restrict(scope, query, type), type);
    }

    /**
     * The stored documents of {@code type}'s collection, unmapped: for reads of dynamic fields (map entries such as
     * {@code applied.<fact>}) that Spring Data would try, and fail, to resolve as properties on every call.
     */
    public Flux<Document> findDocuments(TenantScope scope, Query query, Class<?> type) {
        return mongo.find(restrict(scope, query, type), Document.class, mongo.getCollectionName(type));
    }

    public <T> Mono<T> findOne(TenantScope scope, Query query, Class<T> type) {
        return mongo.findOne(restrict(scope, query, type), type);
    }

    /**
     * The document with this id if it is in scope; empty otherwise. The id alone is looked up and the scope filter
     * (plain equalities) checked on the loaded document: the embedded mongo-java-server uses an index only for a
     * query whose fields are exactly the index's, so {@code _id} plus the tenant field would scan the collection.
     */
    public <T> Mono<T> findById(TenantScope scope, Object id, Class<T> type) {
        Document scopeFilter = scope.readCriteria(fields.computeIfAbsent(type, ScopedMongo::fieldsOf))
                .getCriteriaObject();
        if (!isPlainEquality(scopeFilter)) {
            return findOne(scope, Query.query(Criteria.where("_id").is(id)), type);
        }
        return mongo.findOne(Query.query(Criteria.where("_id").is(id)), Document.class, mongo.getCollectionName(type))
                .filter(stored -> matches(scopeFilter, stored))
                .map(stored -> mongo.getConverter().read(type, stored));
    }

    /**
     * The documents with these ids that are in scope, in no particular order; ids are looked up
     * {@link IdChunks#SIZE} per query, by {@code _id} alone (an index query on the embedded server too) and the scope
     * checked on what is loaded, as {@link #findById} does.
     */
    public <T> Flux<T> findByIds(TenantScope scope, java.util.Collection<?> ids, Class<T> type) {
        Document scopeFilter = scope.readCriteria(fields.computeIfAbsent(type, ScopedMongo::fieldsOf))
                .getCriteriaObject();
        if (!isPlainEquality(scopeFilter)) {
            return Flux.fromIterable(IdChunks.of(ids))
                    .concatMap(chunk ->
                            find(scope, Query.query(Criteria.where("_id").in(chunk)), type));
        }
        return findDocumentsByIds(scopeFilter, ids, mongo.getCollectionName(type))
                .map(stored -> mongo.getConverter().read(type, stored));
    }

    private Flux<Document> findDocumentsByIds(Document scopeFilter, java.util.Collection<?> ids, String collection) {
        return Flux.fromIterable(IdChunks.of(ids))
                .flatMapSequential(
                        chunk -> mongo.find(Query.query(Criteria.where("_id").in(chunk)), Document.class, collection),
                        2)
                .filter(stored -> matches(scopeFilter, stored));
    }

    private static boolean isPlainEquality(Document filter) {
        return filter.values().stream().noneMatch(value -> value instanceof Document || value instanceof List);
    }

    /** Whether every {@code field: value} of the filter holds for the stored document (dotted paths followed). */
    static boolean matches(Document filter, Document stored) {
        return filter.entrySet().stream()
                .allMatch(condition ->
                        java.util.Objects.equals(valueAt(stored, condition.getKey()), condition.getValue()));
    }

    public <T> Mono<Long> count(TenantScope scope, Query query, Class<T> type) {
        return mongo.count(restrict(scope, query, type), type);
    }

    public <T extends TenantOwned> Mono<T> insert(TenantScope scope, T document) {
        return Mono.fromRunnable(() -> scope.checkWrite(document.tenantKey())).then(mongo.insert(document));
    }

    /**
     * Inserts the documents in one unordered write (one round trip instead of one per document: imports of thousands
     * of rows). Every document must be in scope, else nothing is written (403). Documents refused because a unique key
     * exists already are left out and their positions in {@code documents} returned; the others are stored.
     */
    public <T extends TenantOwned> Mono<Set<Integer>> insertAll(TenantScope scope, List<T> documents) {
        if (documents.isEmpty()) {
            return Mono.just(Set.of());
        }
        return Mono.fromRunnable(() -> documents.forEach(document -> scope.checkWrite(document.tenantKey())))
                .then(UnorderedInsert.into(
                        mongo, mongo.getCollectionName(documents.get(0).getClass()), documents));
    }

    /** One guarded update of {@link #updateEach}: {@code owner} is the tenant the change is for. */
    public record OneUpdate(TenantKey owner, Query query, UpdateDefinition update) {}

    /**
     * Applies each update to at most the one document its query finds within the scope, in one unordered bulk write
     * (one round trip for many documents); every owner is checked first (403 when one is outside, nothing written).
     * Returns how many queries matched a document, so a caller guarding by revision can tell that one missed.
     */
    public <T> Mono<Long> updateEach(TenantScope scope, List<OneUpdate> updates, Class<T> type) {
        if (updates.isEmpty()) {
            return Mono.just(0L);
        }
        return Mono.fromRunnable(() -> updates.forEach(one -> scope.checkWrite(one.owner())))
                .then(Mono.defer(() -> {
                    // by collection name: field names are taken as written (e.g. map keys like "applied.t_1"); mapping
                    // them against the entity threw and caught an exception per field, a tenth of the CPU
                    ReactiveBulkOperations bulk =
                            mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, mongo.getCollectionName(type));
                    updates.forEach(one -> bulk.updateOne(restrict(scope, one.query(), type), one.update()));
                    return bulk.execute().map(result -> (long) result.getMatchedCount());
                }));
    }

    /** Saves a whole document: the new state must be in scope, and so must the stored one it replaces. */
    public <T extends TenantOwned> Mono<T> save(TenantScope scope, T document) {
        return Mono.fromRunnable(() -> scope.checkWrite(document.tenantKey())).then(mongo.save(document));
    }

    /**
     * Saves whole documents in one unordered bulk write, each replacing the stored one with its id or inserted when
     * there is none: a read model a consumer keeps by reading a poll's documents at once, merging the poll's events in
     * memory and writing the changed ones back (one round trip each way instead of two per event). Every new state must
     * be in scope, else nothing is written (403); a stored document outside the scope is not replaced (the insert
     * then fails on its id). Last writer wins, as with {@link #save}: for documents only this consumer writes.
     */
    public <T extends TenantOwned> Mono<Void> saveAll(TenantScope scope, List<T> documents, Class<T> type) {
        if (documents.isEmpty()) {
            return Mono.empty();
        }
        var entity = mongo.getConverter().getMappingContext().getRequiredPersistentEntity(type);
        return Mono.fromRunnable(() -> documents.forEach(document -> scope.checkWrite(document.tenantKey())))
                .then(Mono.defer(() -> {
                    ReactiveBulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, type);
                    FindAndReplaceOptions upsert =
                            FindAndReplaceOptions.options().upsert();
                    documents.forEach(document -> {
                        Object id = entity.getIdentifierAccessor(document).getRequiredIdentifier();
                        bulk.replaceOne(
                                restrict(
                                        scope, Query.query(Criteria.where("_id").is(id)), type),
                                document,
                                upsert);
                    });
                    return bulk.execute().then();
                }));
    }

    /**
     * Updates the one document the query finds within the scope; {@code owner} is the tenant the change is for and
     * is checked first (403 when outside), the scope filter then keeps the update from touching anything else.
     */
    public <T> Mono<T> findAndModify(
            TenantScope scope,
            TenantKey owner,
            Query query,
            UpdateDefinition update,
            FindAndModifyOptions options,
            Class<T> type) {
        return Mono.fromRunnable(() -> scope.checkWrite(owner))
                .then(mongo.findAndModify(restrict(scope, query, type), update, options, type));
    }

    /** Inserts or updates the one document the query finds within the scope; {@code owner} is checked first. */
    public <T> Mono<Void> upsert(
            TenantScope scope, TenantKey owner, Query query, UpdateDefinition update, Class<T> type) {
        return Mono.fromRunnable(() -> scope.checkWrite(owner))
                .then(mongo.upsert(restrict(scope, query, type), update, type))
                .then();
    }

    /**
     * Applies {@code update} to the document {@code id} (creating it when there is none) unless the time it stores at
     * {@code timeField} is as new as {@code time} or newer: read models fed by events that may arrive again or out of
     * order. True when written.
     *
     * <p>Why not one upsert guarded by the time: the embedded mongo-java-server uses an index only for a query whose
     * fields are exactly the index's, so {@code {_id, $or: [...]}} scanned the whole collection for every event. Here
     * the document is read by {@code _id}, the time compared in Java, and the write guarded by the document's revision
     * {@value #REVISION} (declare a unique index on {@code _id} and {@value #REVISION}): a writer that came in between
     * makes the write miss and the whole step is redone. Declare {@value #REVISION} as a property of {@code type} too:
     * the upsert is mapped through {@code type}, and Spring Data throws and catches an exception for every key it
     * cannot resolve, on every write.
     */
    public <T> Mono<Boolean> updateIfNewer(
            TenantScope scope,
            TenantKey owner,
            Object id,
            String timeField,
            Instant time,
            Update update,
            Class<T> type) {
        Document scopeFilter = scope.readCriteria(fields.computeIfAbsent(type, ScopedMongo::fieldsOf))
                .getCriteriaObject();
        NewerUpdate one = new NewerUpdate(owner, id, timeField, time, update);
        return Mono.fromRunnable(() -> scope.checkWrite(owner))
                .then(Mono.defer(() -> mongo.findOne(
                                Query.query(Criteria.where("_id").is(id)),
                                Document.class,
                                mongo.getCollectionName(type))
                        .map(Optional::of)
                        .defaultIfEmpty(Optional.empty())
                        .flatMap(stored -> {
                            Optional<GuardedUpsert> write = one.against(stored.orElse(null), scopeFilter);
                            if (write.isEmpty()) {
                                return Mono.just(false);
                            }
                            // the revision read: a writer in between makes this miss, and the upsert then collides
                            // on _id
                            return mongo.upsert(write.get().query(), write.get().update(), type)
                                    .thenReturn(true)
                                    .onErrorMap(DuplicateKeyException.class, raced -> new Raced());
                        })))
                .retryWhen(Retry.max(100).filter(Raced.class::isInstance));
    }

    /** One change of {@link #updateEachIfNewer}: as the arguments of {@link #updateIfNewer}. */
    public record NewerUpdate(TenantKey owner, Object id, String timeField, Instant time, Update update) {

        /** The write to make over {@code stored} (null: none yet), or none when it is as new or out of scope. */
        Optional<GuardedUpsert> against(Document stored, Document scopeFilter) {
            Instant stamp = time.truncatedTo(ChronoUnit.MILLIS); // what a BSON date keeps
            if (stored != null && (!matches(scopeFilter, stored) || !olderThan(valueAt(stored, timeField), stamp))) {
                return Optional.empty();
            }
            Object revision = stored == null ? null : stored.get(REVISION);
            long next = revision instanceof Number n ? n.longValue() + 1 : 1;
            Document operations = new Document();
            update.getUpdateObject()
                    .forEach((operator, values) ->
                            operations.put(operator, values instanceof Document d ? new Document(d) : values));
            Update revised = Update.fromDocument(operations);
            revised.set(REVISION, next);
            return Optional.of(new GuardedUpsert(
                    Query.query(Criteria.where("_id").is(id).and(REVISION).is(revision)), revised));
        }
    }

    private record GuardedUpsert(Query query, Update update) {}

    /**
     * {@link #updateIfNewer} for many changes at once, for a consumer's poll: the documents are read with one query
     * and the guarded upserts written with one unordered bulk write, instead of two round trips per change. Every
     * owner is checked first (403, nothing written). Changes of one id after its first are applied one by one after
     * the bulk, in order. When a writer came in between (a guarded upsert missed or collided on {@code _id}), every
     * change of the bulk is redone one by one with {@link #updateIfNewer}: those already written are then as new as
     * what is stored and change nothing.
     */
    public <T> Mono<Void> updateEachIfNewer(TenantScope scope, List<NewerUpdate> updates, Class<T> type) {
        if (updates.isEmpty()) {
            return Mono.empty();
        }
        Document scopeFilter = scope.readCriteria(fields.computeIfAbsent(type, ScopedMongo::fieldsOf))
                .getCriteriaObject();
        Map<Object, NewerUpdate> firsts = new LinkedHashMap<>();
        List<NewerUpdate> later = new ArrayList<>();
        updates.forEach(one -> {
            if (firsts.putIfAbsent(one.id(), one) != null) {
                later.add(one);
            }
        });
        // read whatever the scope: a stored document outside it is left alone, not taken for a missing one
        Mono<Void> bulk = findDocumentsByIds(new Document(), firsts.keySet(), mongo.getCollectionName(type))
                .collectMap(stored -> stored.get("_id"))
                .flatMap(stored -> {
                    ReactiveBulkOperations writes = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, type);
                    int planned = 0;
                    for (NewerUpdate one : firsts.values()) {
                        Optional<GuardedUpsert> write = one.against(stored.get(one.id()), scopeFilter);
                        if (write.isPresent()) {
                            writes.upsert(write.get().query(), write.get().update());
                            planned++;
                        }
                    }
                    if (planned == 0) {
                        return Mono.just(true);
                    }
                    int expected = planned;
                    return writes.execute()
                            .map(result -> result.getMatchedCount()
                                            + result.getUpserts().size()
                                    == expected)
                            .onErrorResume(ScopedMongo::collidedOnly, raced -> Mono.just(false));
                })
                .flatMap(allWritten -> allWritten
                        ? Mono.empty()
                        : Flux.fromIterable(firsts.values())
                                .concatMap(one -> oneByOne(scope, one, type))
                                .then());
        return Mono.fromRunnable(() -> updates.forEach(one -> scope.checkWrite(one.owner())))
                .then(bulk)
                .thenMany(Flux.fromIterable(later).concatMap(one -> oneByOne(scope, one, type)))
                .then();
    }

    /** A bulk write refused only because documents it would have inserted exist now (code 11000). */
    private static boolean collidedOnly(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof MongoBulkWriteException refused) {
                return refused.getWriteErrors().stream().allMatch(error -> error.getCode() == DUPLICATE_KEY);
            }
        }
        return failure instanceof DuplicateKeyException;
    }

    private <T> Mono<Boolean> oneByOne(TenantScope scope, NewerUpdate one, Class<T> type) {
        return updateIfNewer(scope, one.owner(), one.id(), one.timeField(), one.time(), one.update(), type);
    }

    private static boolean olderThan(Object stored, Instant time) {
        return !(stored instanceof Date date) || date.toInstant().isBefore(time);
    }

    /** The value at a dotted path of a stored document; null when a step is missing. */
    private static Object valueAt(Document stored, String path) {
        Object value = stored;
        for (String part : path.split("\\.")) {
            value = value instanceof Document nested ? nested.get(part) : null;
        }
        return value;
    }

    /** Another writer changed the document between our read and our write. */
    private static final class Raced extends RuntimeException {
        Raced() {
            super(null, null, false, false);
        }
    }

    private <T> Query restrict(TenantScope scope, Query query, Class<T> type) {
        Criteria criteria = scope.readCriteria(fields.computeIfAbsent(type, ScopedMongo::fieldsOf));
        Document scopeFilter = criteria.getCriteriaObject();
        if (scopeFilter.isEmpty()) {
            return query;
        }
        Document given = query.getQueryObject();
        Document filter;
        if (scopeFilter.keySet().stream().noneMatch(given::containsKey)) {
            // flat keys where they do not collide: mongo-java-server uses an index only when a query's top-level
            // fields match it, and an $and wrapper made even lookups by _id scan the collection
            filter = new Document(given);
            filter.putAll(scopeFilter);
        } else {
            // the caller filters the same field: both conditions must hold
            filter = new Document("$and", List.of(given, scopeFilter));
        }
        BasicQuery restricted = new BasicQuery(filter, query.getFieldsObject());
        restricted.setSortObject(query.getSortObject());
        restricted.skip(query.getSkip());
        restricted.limit(query.getLimit());
        return restricted;
    }

    private static TenantFields fieldsOf(Class<?> type) {
        TenantFields declared = type.getAnnotation(TenantFields.class);
        return declared != null ? declared : DEFAULT_FIELDS;
    }
}
