package ru.msp.infra.mongo;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.ArrayFilters;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import org.h2.mvstore.MVMap;

/**
 * The H2 backend's collection, answering queries through the index {@link QueryPlanner} chooses; updates change
 * copies ({@link CopyOnChange}) and store them as new objects, as the library's {@code handleUpdate} already does.
 */
final class PlannedH2Collection extends H2Collection {

    private final QueryPlanner<Object> planner = new QueryPlanner<>();

    PlannedH2Collection(
            MongoDatabase database,
            String name,
            CollectionOptions options,
            MVMap<Object, Document> documents,
            MVMap<String, Object> meta,
            CursorRegistry cursors) {
        super(database, name, options, documents, meta, cursors);
    }

    @Override
    public void addIndex(Index<Object> index) {
        super.addIndex(index);
        planner.added(index);
    }

    @Override
    public void dropIndex(String name) {
        super.dropIndex(name);
        planner.dropped(name);
    }

    @Override
    protected QueryResult queryDocuments(
            Document query, Document orderBy, int skip, int limit, int batchSize, Document projection) {
        return planner.answer(
                query,
                candidates -> matchDocuments(query, candidates, orderBy, skip, limit, batchSize, projection),
                () -> super.queryDocuments(query, orderBy, skip, limit, batchSize, projection),
                getFullName(),
                this::count);
    }

    @Override
    public synchronized Document updateDocuments(
            Document selector, Document update, ArrayFilters arrayFilters, boolean multi, boolean upsert, Oplog oplog) {
        return CopyOnChange.changing(() -> super.updateDocuments(selector, update, arrayFilters, multi, upsert, oplog));
    }

    @Override
    public synchronized Document findAndModify(Document query) {
        return CopyOnChange.changing(() -> super.findAndModify(query));
    }

    @Override
    protected Document getDocument(Object position) {
        return CopyOnChange.read(super.getDocument(position));
    }

    /** A whole-collection scan (no index fits): the matches, copied when they are about to be changed. */
    @Override
    protected QueryResult matchDocuments(
            Document query, Document orderBy, int skip, int limit, int batchSize, Document projection) {
        return CopyOnChange.matches(super.matchDocuments(query, orderBy, skip, limit, batchSize, projection));
    }

    /** The library leaves this one unsynchronised; candidates must not change between choosing and reading them. */
    @Override
    public synchronized int count(Document query, int skip, int limit) {
        return super.count(query, skip, limit);
    }

    /**
     * The library keeps a running data size by encoding every inserted, removed and updated document (an update:
     * both versions) to BSON, ~10% of an update's cost, for {@code collStats} alone, which nothing of the platform
     * calls. The size is computed when asked for instead ({@link #getDataSize}).
     */
    @Override
    protected boolean tracksDataSize() {
        return false;
    }

    /** The BSON size of all documents, counted now: a scan, for {@code collStats} and {@code validate} only. */
    @Override
    protected synchronized int getDataSize() {
        long size = streamAllDocumentsWithPosition()
                .mapToLong(document -> BsonDocumentType.sizeOf(document.getDocument()))
                .sum();
        return (int) Math.min(Integer.MAX_VALUE, size);
    }

    QueryPlanner<Object> planner() {
        return planner;
    }
}
