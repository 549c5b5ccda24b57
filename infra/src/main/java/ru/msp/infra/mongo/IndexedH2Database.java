package ru.msp.infra.mongo;

import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.backend.h2.H2UniqueIndex;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.util.List;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * An H2 database whose unique indexes use {@link IndexKeyType}: the same maps, names and stored bytes as the
 * library's, compared without serialising every key.
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

    @Override
    protected Index<Object> openOrCreateUniqueIndex(
            String collectionName, String indexName, List<IndexKey> keys, boolean sparse) {
        // the library's map name: <database>.<collection>._index_<index>
        String mapName = getFullCollectionNamespace(collectionName) + "._index_" + indexName;
        try {
            MVStore store = (MVStore) STORE.get(this);
            MVMap<KeyValue, Object> map =
                    store.openMap(mapName, new MVMap.Builder<KeyValue, Object>().keyType(new IndexKeyType()));
            return UNIQUE_INDEX.newInstance(map, indexName, keys, sparse);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot open the index " + mapName, e);
        }
    }
}
