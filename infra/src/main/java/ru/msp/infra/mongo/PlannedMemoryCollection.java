package ru.msp.infra.mongo;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.ArrayFilters;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import java.lang.reflect.Field;
import java.util.List;

/**
 * The in-memory backend's collection (tests), answering queries through the index {@link QueryPlanner} chooses;
 * updates change copies ({@link CopyOnChange}), which {@link #handleUpdate} puts in the place of the stored object.
 */
final class PlannedMemoryCollection extends MemoryCollection {

    private static final Field DOCUMENTS;

    static {
        try {
            // private in mongo-java-server 1.47 (the library updates in place and has no other way to replace one);
            // CopyOnChangeTest fails if an upgrade changes it
            DOCUMENTS = MemoryCollection.class.getDeclaredField("documents");
            DOCUMENTS.setAccessible(true);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("mongo-java-server's memory backend changed", e);
        }
    }

    private final QueryPlanner<Integer> planner = new QueryPlanner<>();

    /** The library's own list of the documents (a position is an index into it). */
    private final List<Document> documents;

    @SuppressWarnings("unchecked")
    PlannedMemoryCollection(MongoDatabase database, String name, CollectionOptions options, CursorRegistry cursors) {
        super(database, name, options, cursors);
        try {
            documents = (List<Document>) DOCUMENTS.get(this);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("mongo-java-server's memory backend changed", e);
        }
    }

    @Override
    public void addIndex(Index<Integer> index) {
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
    protected Document getDocument(Integer position) {
        return CopyOnChange.read(super.getDocument(position));
    }

    @Override
    protected QueryResult matchDocuments(
            Document query, Document orderBy, int skip, int limit, int batchSize, Document projection) {
        return CopyOnChange.matches(super.matchDocuments(query, orderBy, skip, limit, batchSize, projection));
    }

    /** The changed copy takes the stored object's place (the library's version does nothing: it changed it in place). */
    @Override
    protected void handleUpdate(Integer position, Document oldDocument, Document newDocument) {
        super.handleUpdate(position, oldDocument, newDocument);
        documents.set(position, newDocument);
    }

    /** The library leaves this one unsynchronised; candidates must not change between choosing and reading them. */
    @Override
    public synchronized int count(Document query, int skip, int limit) {
        return super.count(query, skip, limit);
    }

    QueryPlanner<Integer> planner() {
        return planner;
    }
}
