package ru.msp.infra.mongo;

import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Document;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

/**
 * Chooses the index that narrows a query most, for one collection.
 *
 * <p>mongo-java-server uses an index only when the query's fields are exactly the index's fields. Every query of the
 * platform carries its tenant scope besides what it looks for ({@code {municipalityId, organizationId}}, {@code {_id,
 * revision}} …), so almost none used one. Here an index is usable when each of its fields is constrained to one value
 * (or, for a one-field index, to a list by {@code $in}) at the top level of the query or inside a top-level
 * {@code $and}; the documents it yields are candidates, which the collection still matches against the whole query,
 * so the answer is the same as a scan's. Of the usable indexes the one with the fewest candidates wins.
 */
final class QueryPlanner<P> {

    /** The chosen index, the part of the query it answers and how many candidates it yields at most. */
    record Plan<P>(Index<P> index, Document probe, long candidates) {}

    private final List<Index<P>> indexes = new CopyOnWriteArrayList<>();

    /** Called after the collection accepted the index (the library ignores a second index of the same name). */
    void added(Index<P> index) {
        if (indexes.stream().noneMatch(known -> known.getName().equals(index.getName()))) {
            indexes.add(index);
        }
    }

    void dropped(String name) {
        indexes.removeIf(index -> index.getName().equals(name));
    }

    /** The candidates' positions, or null when no index narrows the query (the collection then scans). */
    Iterable<P> positions(Document query) {
        Plan<P> plan = plan(query);
        return plan == null ? null : plan.index().getPositions(plan.probe());
    }

    Plan<P> plan(Document query) {
        Map<String, Object> constrained = new LinkedHashMap<>();
        collectEqualities(query, constrained);
        if (constrained.isEmpty()) {
            return null;
        }
        Plan<P> best = null;
        for (Index<P> index : indexes) {
            Document probe = probe(index, constrained);
            if (probe == null) {
                continue;
            }
            long candidates = candidates(index, probe);
            if (candidates < 0) {
                continue;
            }
            if (best == null || candidates < best.candidates()) {
                best = new Plan<>(index, probe, candidates);
            }
            if (candidates == 0) {
                break;
            }
        }
        return best;
    }

    /** The query restricted to the index's fields, or null when one of them is not constrained to values. */
    private static Document probe(Index<?> index, Map<String, Object> constrained) {
        List<IndexKey> keys = index.getKeys();
        Document probe = new Document();
        for (IndexKey key : keys) {
            Object value = constrained.get(key.getKey());
            if (value == null || (value instanceof Document && keys.size() > 1)) {
                return null; // the library's compound indexes look up single values only
            }
            probe.put(key.getKey(), value);
        }
        return probe;
    }

    /** At most how many documents the index yields for the probe; -1 for an index that cannot be asked. */
    private static long candidates(Index<?> index, Document probe) {
        if (index instanceof SecondaryIndex<?> secondary) {
            return secondary.countOf(probe);
        }
        if (!index.isUnique()) {
            return -1;
        }
        Object value = probe.values().iterator().next();
        return value instanceof Document in ? ((Collection<?>) in.get("$in")).size() : 1;
    }

    /**
     * Fields of the query constrained to one value ({@code value} or {@code {$eq: value}}) or to a list ({@code {$in:
     * […]}}, kept as that document), from the top level and from a top-level {@code $and}. Anything an index cannot
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
                if (lookup != null) {
                    constrained.putIfAbsent(field, lookup);
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
