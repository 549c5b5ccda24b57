package ru.msp.infra.mongo;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A non-unique index, which mongo-java-server 1.47 does not have (it logs "adding secondary index ... is not yet
 * implemented" and keeps an empty one): every query by {@code organizationId}, {@code teacherId} … scanned its
 * collection.
 *
 * <p>The entries live in memory only: the collection fills the index from its documents when it opens (the library's
 * {@code addIndex} does that for an empty index), so an H2 file keeps exactly the library's layout and nothing can get
 * out of step with the data on disk. Entries are keyed like the library's unique indexes ({@link KeyValue}s of the
 * normalised field values, one per array element for a multikey field) and, within a key, by the document's
 * {@code _id}, which is how a removed or updated document is found again. The locks here because the library
 * leaves a collection's count unsynchronised (the planned collections synchronise theirs, other callers may not).
 */
final class SecondaryIndex<P> extends Index<P> {

    private final Map<KeyValue, Map<Object, P>> entries = new HashMap<>();
    private final boolean positional;
    /** The indexed paths, as given and split at their dots (the library builds its list anew on every call). */
    private final List<String> fields;

    private final String[][] paths;
    private long count;

    SecondaryIndex(String name, List<IndexKey> keys, boolean sparse) {
        super(name, keys, sparse);
        this.positional = keys.stream().anyMatch(key -> isPositional(key.getKey()));
        this.fields = keys();
        this.paths = fields.stream().map(field -> field.split("\\.")).toArray(String[][]::new);
    }

    /**
     * The library cannot follow a path through an array position ({@code outbox.0}: the first pending event), which
     * MongoDB can; such an index is keyed by the value at that position (a missing one for a shorter array).
     */
    @Override
    public Set<KeyValue> getKeyValues(Document document) {
        if (!positional) {
            Set<KeyValue> plain = plainKeyValues(document);
            return plain != null ? plain : super.getKeyValues(document);
        }
        List<Object> values = new ArrayList<>(paths.length);
        for (String[] path : paths) {
            values.add(valueAt(document, path));
        }
        return Set.of(new KeyValue(values).normalized());
    }

    /**
     * The one key of a document none of whose indexed paths meets an array, as the library computes it, without its
     * streams and path parsing: every update computes the keys of both versions of the document for every index (a
     * tenth of the store's allocations in a profile). Null when a path meets an array (a multikey entry: the
     * library's way).
     */
    private Set<KeyValue> plainKeyValues(Document document) {
        List<Object> values = new ArrayList<>(paths.length);
        for (String[] path : paths) {
            Object node = document;
            for (String segment : path) {
                if (node instanceof Document current) {
                    node = current.getOrMissing(segment);
                } else if (node instanceof Collection<?>) {
                    return null;
                } else {
                    node = Missing.getInstance();
                    break;
                }
            }
            if (node instanceof Collection<?>) {
                return null;
            }
            values.add(node);
        }
        return Set.of(new KeyValue(values).normalized());
    }

    private static boolean isPositional(String path) {
        for (String segment : path.split("\\.")) {
            if (!segment.isEmpty() && segment.chars().allMatch(Character::isDigit)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The value at a path (split at its dots) whose numeric segments index into arrays; {@link Missing} when there is
     * none.
     */
    static Object valueAt(Document document, String[] path) {
        Object node = document;
        for (String segment : path) {
            if (node instanceof Document current && current.containsKey(segment)) {
                node = current.get(segment);
            } else if (node instanceof List<?> list
                    && !segment.isEmpty()
                    && segment.chars().allMatch(Character::isDigit)
                    && segment.length() < 10
                    && Integer.parseInt(segment) < list.size()) {
                node = list.get(Integer.parseInt(segment));
            } else {
                return Missing.getInstance();
            }
        }
        return node;
    }

    @Override
    public synchronized P getPosition(Document document) {
        if (isNotIndexed(document)) {
            return null;
        }
        Object id = idOf(document);
        for (KeyValue key : getKeyValues(document)) {
            Map<Object, P> documents = entries.get(key);
            if (documents != null && documents.containsKey(id)) {
                return documents.get(id);
            }
        }
        return null;
    }

    @Override
    public void checkAdd(Document document, MongoCollection<P> collection) {
        if (!isNotIndexed(document)) {
            getKeyValues(document); // rejects parallel arrays before the document is stored, as MongoDB does
        }
    }

    @Override
    public synchronized void add(Document document, P position, MongoCollection<P> collection) {
        if (isNotIndexed(document)) {
            return;
        }
        Object id = idOf(document);
        for (KeyValue key : getKeyValues(document)) {
            if (entries.computeIfAbsent(key, k -> new LinkedHashMap<>()).put(id, position) == null) {
                count++;
            }
        }
    }

    @Override
    public synchronized P remove(Document document) {
        if (isNotIndexed(document)) {
            return null;
        }
        Object id = idOf(document);
        P removed = null;
        for (KeyValue key : getKeyValues(document)) {
            Map<Object, P> documents = entries.get(key);
            if (documents == null) {
                continue;
            }
            P position = documents.remove(id);
            if (position != null) {
                removed = position;
                count--;
            }
            if (documents.isEmpty()) {
                entries.remove(key);
            }
        }
        return removed;
    }

    /** Never chosen by the library's own planner: {@link QueryPlanner} chooses it (and for more query shapes). */
    @Override
    public boolean canHandle(Document query) {
        return false;
    }

    /**
     * The positions of the documents whose keys equal the probe's values: {@code {field: value, …}} with a value for
     * every key, or {@code {field: {$in: [values]}}} for a one-field index.
     */
    @Override
    public synchronized Iterable<P> getPositions(Document probe) {
        Set<P> positions = new LinkedHashSet<>();
        for (KeyValue key : keysOf(probe)) {
            Map<Object, P> documents = entries.get(key);
            if (documents != null) {
                positions.addAll(documents.values());
            }
        }
        return new ArrayList<>(positions);
    }

    /** How many entries {@link #getPositions} would return at most; cheap, for choosing between indexes. */
    synchronized long countOf(Document probe) {
        long total = 0;
        for (KeyValue key : keysOf(probe)) {
            Map<Object, P> documents = entries.get(key);
            total += documents == null ? 0 : documents.size();
        }
        return total;
    }

    /** Every indexed document's position: for a sparse index, exactly the documents that have its field. */
    synchronized Iterable<P> allPositions() {
        Set<P> positions = new LinkedHashSet<>();
        entries.values().forEach(documents -> positions.addAll(documents.values()));
        return new ArrayList<>(positions);
    }

    boolean isSparseIndex() {
        return isSparse();
    }

    private List<KeyValue> keysOf(Document probe) {
        if (fields.size() == 1 && probe.get(fields.get(0)) instanceof Document in) {
            List<KeyValue> keys = new ArrayList<>();
            for (Object value : (Collection<?>) in.get("$in")) {
                keys.add(new KeyValue(value).normalized());
            }
            return keys;
        }
        List<Object> values = new ArrayList<>(fields.size());
        for (String field : fields) {
            values.add(probe.get(field));
        }
        return List.of(new KeyValue(values).normalized());
    }

    @Override
    public synchronized long getCount() {
        return count;
    }

    @Override
    public synchronized long getDataSize() {
        return count;
    }

    @Override
    public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<P> collection) {
        checkAdd(newDocument, collection);
    }

    @Override
    public synchronized void updateInPlace(
            Document oldDocument, Document newDocument, P position, MongoCollection<P> collection) {
        if (isNotIndexed(oldDocument) == isNotIndexed(newDocument) && nullAwareEqualsKeys(oldDocument, newDocument)) {
            return;
        }
        remove(oldDocument);
        add(newDocument, position, collection);
    }

    @Override
    public synchronized void drop() {
        entries.clear();
        count = 0;
    }

    /** A sparse index leaves out documents that have none of its fields, like the library's unique indexes. */
    private boolean isNotIndexed(Document document) {
        if (!isSparse()) {
            return false;
        }
        for (int i = 0; i < paths.length; i++) {
            Object value =
                    positional ? valueAt(document, paths[i]) : Utils.getSubdocumentValue(document, fields.get(i));
            if (!(value instanceof Missing)) {
                return false;
            }
        }
        return true;
    }

    private static Object idOf(Document document) {
        return document.get("_id");
    }
}
