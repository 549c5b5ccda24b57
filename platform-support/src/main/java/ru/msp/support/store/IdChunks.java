package ru.msp.support.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Splits the ids of an {@code _id $in} read into chunks. The embedded mongo-java-server finds the documents through
 * the {@code _id} index but then checks each found document against the whole {@code $in} list, so one query for n
 * ids costs n²/2 comparisons (10,000 ids took seconds of the store's CPU); chunks keep it linear. Real MongoDB does
 * not care either way.
 */
public final class IdChunks {

    /** Ids per {@code $in} query. */
    public static final int SIZE = 100;

    private IdChunks() {}

    /** The distinct ids, in their first order, in chunks of at most {@value #SIZE}. */
    public static List<List<Object>> of(Collection<?> ids) {
        List<Object> distinct = List.copyOf(new LinkedHashSet<>(ids));
        List<List<Object>> chunks = new ArrayList<>();
        for (int from = 0; from < distinct.size(); from += SIZE) {
            chunks.add(distinct.subList(from, Math.min(distinct.size(), from + SIZE)));
        }
        return chunks;
    }
}
