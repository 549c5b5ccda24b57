package ru.msp.infra.mongo;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.AbstractMongoBackend;
import de.bwaldvogel.mongo.backend.AbstractMongoDatabase;
import de.bwaldvogel.mongo.bson.Document;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Answers the driver's {@code countDocuments} through the collection's query, so through {@link QueryPlanner}.
 *
 * <p>The driver counts with an aggregation: {@code [{$match: filter}, {$skip}?, {$limit}?, {$group: {_id: 1, n: {$sum:
 * 1}}}]}. mongo-java-server runs every pipeline over all documents of the collection, so a count of one school's
 * teachers read every teacher. A command of exactly that shape is answered by the collection's {@code count(filter,
 * skip, limit)}, the same matching as a find with the same filter; anything else goes to the library unchanged.
 */
final class CountCommand {

    private final AtomicLong answered = new AtomicLong();

    /** The reply to {@code command}, or null when it is not a count this answers. */
    Document answer(AbstractMongoBackend backend, String databaseName, String commandName, Document command) {
        if (!"aggregate".equalsIgnoreCase(commandName)
                || command.containsKey("collation")
                || command.containsKey("hint")
                || !(command.get("aggregate") instanceof String collectionName)
                || !(command.get("pipeline") instanceof List<?> pipeline)) {
            return null;
        }
        Count count = Count.of(pipeline);
        if (count == null) {
            return null;
        }
        MongoDatabase database = backend.resolveDatabase(databaseName);
        if (!(database instanceof AbstractMongoDatabase<?> resolved)) {
            return null;
        }
        MongoCollection<?> collection = resolved.resolveCollection(collectionName, false);
        if (collection == null) {
            return null; // the library's answer for a collection that does not exist
        }
        int n = collection.count(count.filter(), count.skip(), count.limit());
        answered.incrementAndGet();
        List<Document> batch = n == 0 ? List.of() : List.of(new Document("_id", 1).append("n", n));
        Document cursor =
                new Document("firstBatch", batch).append("id", 0L).append("ns", databaseName + "." + collectionName);
        return new Document("cursor", cursor).append("ok", 1.0);
    }

    /** How many counts were answered here (tests check that a count did not go to the aggregation). */
    long answered() {
        return answered.get();
    }

    /** The parts of a count pipeline; skip and limit 0 when absent. */
    record Count(Document filter, int skip, int limit) {

        static Count of(List<?> pipeline) {
            if (pipeline.size() < 2 || pipeline.size() > 4) {
                return null;
            }
            if (!(stage(pipeline.get(0), "$match") instanceof Document filter)
                    || !isCountGroup(stage(pipeline.get(pipeline.size() - 1), "$group"))) {
                return null;
            }
            int skip = 0;
            int limit = 0;
            for (Object middle : pipeline.subList(1, pipeline.size() - 1)) {
                Object skipValue = stage(middle, "$skip");
                Object limitValue = stage(middle, "$limit");
                if (skipValue instanceof Number n && skip == 0 && limit == 0 && n.longValue() > 0) {
                    skip = (int) Math.min(n.longValue(), Integer.MAX_VALUE);
                } else if (limitValue instanceof Number n && limit == 0 && n.longValue() > 0) {
                    limit = (int) Math.min(n.longValue(), Integer.MAX_VALUE);
                } else {
                    return null;
                }
            }
            return new Count(filter, skip, limit);
        }

        /** The stage's argument if {@code stage} is exactly {@code {name: argument}}. */
        private static Object stage(Object stage, String name) {
            if (stage instanceof Map<?, ?> map && map.size() == 1) {
                return map.get(name);
            }
            return null;
        }

        /** {@code {_id: 1, n: {$sum: 1}}}, as the driver writes it. */
        private static boolean isCountGroup(Object group) {
            if (!(group instanceof Map<?, ?> map) || map.size() != 2) {
                return false;
            }
            return isOne(map.get("_id"))
                    && map.get("n") instanceof Map<?, ?> sum
                    && sum.size() == 1
                    && isOne(sum.get("$sum"));
        }

        private static boolean isOne(Object value) {
            return value instanceof Number n && n.doubleValue() == 1.0;
        }
    }
}
