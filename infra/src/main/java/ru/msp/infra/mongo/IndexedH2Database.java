package ru.msp.infra.mongo;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.backend.h2.H2UniqueIndex;
import de.bwaldvogel.mongo.bson.Document;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.util.List;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * An H2 database whose unique indexes use {@link IndexKeyType}: the same maps, names and stored bytes as the
 * library's, compared without serialising every key. Its non-unique indexes are {@link SecondaryIndex}es (in memory,
 * filled when a collection opens), its collections choose an index with {@link QueryPlanner} and store their documents
 * as BSON ({@link BsonDocumentType}); the map names are the library's.
 */
final class IndexedH2Database extends H2Database {

    private static final Constructor<H2UniqueIndex> UNIQUE_INDEX;
    private static final Field STORE;

    static {
        try {
            // package-private and private in mongo-java-server 1.47; IndexedH2DatabaseTest fails if an upgrade
            // changes them. The store is read from the superclass because its constructor already opens indexes.
            UNIQUE_INDEX =
                    H2UniqueIndex.class.getDeclaredConstructor(MVMap.class, String.class, List.class, boolean.class);
            UNIQUE_INDEX.setAccessible(true);
            STORE = H2Database.class.getDeclaredField("mvStore");
            STORE.setAccessible(true);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("mongo-java-server's H2 backend changed", e);
        }
    }

    IndexedH2Database(String name, MVStore store, CursorRegistry cursors) {
        super(name, store, cursors);
    }

    /**
     * The library's collection (same map names: {@code databases.<ns>}, {@code meta.<ns>}) with the planner, its
     * documents stored as BSON ({@link BsonDocumentType}).
     */
    @Override
    protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
        String namespace = getFullCollectionNamespace(collectionName);
        MVStore store = store();
        MVMap<Object, Document> documents = store.openMap(
                "databases." + namespace, new MVMap.Builder<Object, Document>().valueType(new BsonDocumentType()));
        MVMap<String, Object> meta = store.openMap("meta." + namespace);
        return new PlannedH2Collection(this, collectionName, options, documents, meta, cursorRegistry);
    }

    @Override
    protected Index<Object> openOrCreateSecondaryIndex(
            String collectionName, String indexName, List<IndexKey> keys, boolean sparse) {
        return new SecondaryIndex<>(indexName, keys, sparse);
    }

    @Override
    protected Index<Object> openOrCreateUniqueIndex(
            String collectionName, String indexName, List<IndexKey> keys, boolean sparse) {
        // the library's map name: <database>.<collection>._index_<index>
        String mapName = getFullCollectionNamespace(collectionName) + "._index_" + indexName;
        MVMap<KeyValue, Object> map =
                store().openMap(mapName, new MVMap.Builder<KeyValue, Object>().keyType(new IndexKeyType()));
        try {
            return UNIQUE_INDEX.newInstance(map, indexName, keys, sparse);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot open the index " + mapName, e);
        }
    }

    private MVStore store() {
        try {
            return (MVStore) STORE.get(this);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("mongo-java-server's H2 backend changed", e);
        }
    }
}
