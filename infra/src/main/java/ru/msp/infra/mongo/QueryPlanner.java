package ru.msp.infra.mongo;

import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses the index that narrows a query most, for one collection.
 *
 * <p>mongo-java-server uses an index only when the query's fields are exactly the index's fields. Every query of the
 * platform carries its tenant scope besides what it looks for ({@code {municipalityId, organizationId}}, {@code {_id,
 * municipalityId}} …), so almost none used one. Here an index is usable when each of its fields is constrained to one value
 * (or, for a one-field index, to a list by {@code $in}) at the top level of the query or inside a top-level
 * {@code $and}; the documents it yields are candidates, which the collection still matches against the whole query,
 * so the answer is the same as a scan's. Of the usable indexes the one with the fewest candidates wins. Besides, a
 * sparse one-field index answers {@code {field: {$exists: true}}} (the outbox sweeps), and a top-level {@code $or}
 * whose every branch an index narrows is answered by the union of the branches' candidates.
 */
final class QueryPlanner<P> {

    /**
     * How a query is narrowed: {@code indexes} names the index (or, for an {@code $or}, the indexes of its branches),
     * {@code candidates} is at most how many documents it yields, {@code positions} reads them.
     */
    record Plan<P>(String indexes, long candidates, Supplier<Iterable<P>> positions) {}

    /** A field that must exist: a sparse one-field index holds exactly the documents that have it. */
    private enum Exists {
        FIELD
    }

    private static final Logger log = LoggerFactory.getLogger(QueryPlanner.class);
    /** Collections smaller than this are scanned without a word: an index would not pay. */
    private static final int QUIET_SCAN_SIZE = 1000;

    private static final long SCAN_LOG_INTERVAL_NANOS = 60_000_000_000L;

    private final List<Index<P>> indexes = new CopyOnWriteArrayList<>();
    private final Map<String, Long> scansLogged = new ConcurrentHashMap<>();

    /** Called after the collection accepted the index (the library ignores a second index of the same name). */
    void added(Index<P> index) {
        if (indexes.stream().noneMatch(known -> known.getName().equals(index.getName()))) {
            indexes.add(index);
        }
    }

    void dropped(String name) {
        indexes.removeIf(index -> index.getName().equals(name));
    }

    /**
     * The query's answer, from the candidates of the index that narrows it most ({@code fromCandidates}: the
     * collection matches each against the whole query), or from the collection's {@code scan} when none does.
     */
    QueryResult answer(
            Document query,
            Function<Iterable<P>, QueryResult> fromCandidates,
            Supplier<QueryResult> scan,
            String namespace,
            IntSupplier size) {
        Plan<P> plan = plan(query);
        if (plan != null) {
            return fromCandidates.apply(plan.positions().get());
        }
        scanned(namespace, query, size.getAsInt());
        return scan.get();
    }

    /**
     * Logs (once a minute per query shape) a query that scans a collection of {@code size} documents because no index
     * narrows it: the way to find the index a service lacks.
     */
    private void scanned(String namespace, Document query, int size) {
        if (size < QUIET_SCAN_SIZE) {
            return;
        }
        String shape = shapeOf(query);
        long now = System.nanoTime();
        Long last = scansLogged.get(shape);
        if (last == null || now - last > SCAN_LOG_INTERVAL_NANOS) {
            scansLogged.put(shape, now);
            log.info("query {} of {} scans {} documents: no index narrows it", shape, namespace, size);
        }
    }

    /** The query with every value replaced by {@code ?}: fields and operators only. */
    static String shapeOf(Object query) {
        if (query instanceof Document document) {
            StringBuilder shape = new StringBuilder("{");
            document.forEach((field, value) -> {
                if (shape.length() > 1) {
                    shape.append(", ");
                }
                shape.append(field).append(": ").append(shapeOf(value));
            });
            return shape.append('}').toString();
        }
        if (query instanceof Collection<?> values
                && !values.isEmpty()
                && values.iterator().next() instanceof Document) {
            return "["
                    + String.join(
                            ", ", values.stream().map(QueryPlanner::shapeOf).toList()) + "]";
        }
        return "?";
    }

    Plan<P> plan(Document query) {
        Map<String, Object> constrained = new LinkedHashMap<>();
        collectEqualities(query, constrained);
        Plan<P> best = null;
        if (!constrained.isEmpty()) {
            for (Index<P> index : indexes) {
                Plan<P> plan = planWith(index, constrained);
                if (plan != null && (best == null || plan.candidates() < best.candidates())) {
                    best = plan;
                }
            }
        }
        if (query.get("$or") instanceof Collection<?> branches && (best == null || best.candidates() > 0)) {
            Plan<P> union = union(branches);
            if (union != null && (best == null || union.candidates() < best.candidates())) {
                best = union;
            }
        }
        return best;
    }

    private Plan<P> planWith(Index<P> index, Map<String, Object> constrained) {
        List<IndexKey> keys = index.getKeys();
        if (keys.size() == 1
                && constrained.get(keys.get(0).getKey()) == Exists.FIELD
                && index instanceof SecondaryIndex<P> sparse
                && sparse.isSparseIndex()) {
            return new Plan<>(index.getName(), sparse.getCount(), sparse::allPositions);
        }
        Document probe = new Document();
        for (IndexKey key : keys) {
            Object value = constrained.get(key.getKey());
            if (value == null || value == Exists.FIELD || (value instanceof Document && keys.size() > 1)) {
                return null; // the library's compound indexes look up single values only
            }
            probe.put(key.getKey(), value);
        }
        long candidates;
        if (index instanceof SecondaryIndex<P> secondary) {
            candidates = secondary.countOf(probe);
        } else if (index.isUnique()) {
            Object value = probe.values().iterator().next();
            candidates = value instanceof Document in ? ((Collection<?>) in.get("$in")).size() : 1;
        } else {
            return null;
        }
        return new Plan<>(index.getName(), candidates, () -> index.getPositions(probe));
    }

    /** An {@code $or} whose every branch an index narrows: the union of the branches' candidates. */
    private Plan<P> union(Collection<?> branches) {
        List<Plan<P>> plans = new ArrayList<>();
        for (Object branch : branches) {
            Plan<P> plan = branch instanceof Document document ? plan(document) : null;
            if (plan == null) {
                return null;
            }
            plans.add(plan);
        }
        long candidates = plans.stream().mapToLong(Plan::candidates).sum();
        String names =
                "$or(" + String.join(", ", plans.stream().map(Plan::indexes).toList()) + ")";
        return new Plan<>(names, candidates, () -> {
            Set<P> positions = new LinkedHashSet<>();
            plans.forEach(plan -> plan.positions().get().forEach(positions::add));
            return positions;
        });
    }

    /**
     * Fields of the query constrained to one value ({@code value} or {@code {$eq: value}}), to a list ({@code {$in:
     * […]}}, kept as that document) or to existence ({@code {$exists: true}}), from the top level and from a top-level
     * {@code $and}. Anything an index cannot
     * look up exactly (null, which also matches a missing field; arrays and documents, compared whole; regular
     * expressions) is left out.
     */
    static void collectEqualities(Document query, Map<String, Object> constrained) {
        for (Map.Entry<String, Object> condition : query.entrySet()) {
            String field = condition.getKey();
            Object value = condition.getValue();
            if (field.equals("$and") && value instanceof Collection<?> parts) {
                for (Object part : parts) {
                    if (part instanceof Document document) {
                        collectEqualities(document, constrained);
                    }
                }
            } else if (!field.startsWith("$")) {
                Object lookup = lookupOf(value);
                if (lookup != null && (constrained.get(field) == null || constrained.get(field) == Exists.FIELD)) {
                    constrained.put(field, lookup); // a value narrows more than existence
                }
            }
        }
    }

    private static Object lookupOf(Object value) {
        if (!(value instanceof Document operators)) {
            return isExactKey(value) ? value : null;
        }
        if (operators.containsKey("$eq") && isExactKey(operators.get("$eq"))) {
            return operators.get("$eq");
        }
        if (operators.get("$in") instanceof Collection<?> values
                && values.stream().allMatch(QueryPlanner::isExactKey)) {
            return new Document("$in", List.copyOf(values));
        }
        Object exists = operators.get("$exists");
        if (Boolean.TRUE.equals(exists) || (exists instanceof Number number && number.doubleValue() != 0)) {
            return Exists.FIELD;
        }
        return null;
    }

    private static boolean isExactKey(Object value) {
        return value != null
                && !(value instanceof Missing)
                && !(value instanceof Document)
                && !(value instanceof Map<?, ?>)
                && !(value instanceof Collection<?>)
                && !value.getClass().isArray()
                && !(value instanceof BsonRegularExpression)
                && !(value instanceof Pattern);
    }
}
