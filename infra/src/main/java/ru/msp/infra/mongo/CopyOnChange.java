package ru.msp.infra.mongo;

import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Updates change copies of the stored documents, never the objects themselves.
 *
 * <p>Why: the library updates the document it found in place and then stores that same object. That object is also
 * the one an earlier query handed to the wire encoder, which runs after the collection's lock is released (and, with
 * H2, the one its page cache holds). An update of a document another connection was still sending made the encoder
 * fail ({@code ConcurrentModificationException}, "Failed to encode" in the store's log, the connection closed, the
 * driver retrying the read) or send a mix of old and new fields. So while a thread runs an update or a
 * find-and-modify, the documents it reads are copies; the collections store the changed copy as a new object, and a
 * document once read never changes.
 *
 * <p>The copies are shallow (the top-level fields only), which is enough and cost a fifth of the store's CPU less than
 * deep ones: the library computes an update's result on a deep clone ({@code calculateUpdateDocument} →
 * {@code cloneInto}) and then only removes and puts top-level fields of the document it read, so the nested documents
 * and arrays of a stored document are never changed; they are replaced. {@code CopyOnChangeTest} fails if an upgrade
 * changes that.
 */
final class CopyOnChange {

    /** Set while this thread runs an update or a find-and-modify (under the collection's lock). */
    private static final ThreadLocal<Boolean> CHANGING = ThreadLocal.withInitial(() -> false);

    private CopyOnChange() {}

    /** Runs an update or a find-and-modify: what it reads through {@link #read} and {@link #matches} are copies. */
    static <T> T changing(Supplier<T> change) {
        if (CHANGING.get()) {
            return change.get();
        }
        CHANGING.set(true);
        try {
            return change.get();
        } finally {
            CHANGING.remove();
        }
    }

    /** A stored document as a reader gets it: a copy inside {@link #changing}, the object itself otherwise. */
    static Document read(Document stored) {
        return CHANGING.get() && stored != null ? new Document(stored) : stored;
    }

    /** A scan's matches as a reader gets them (see {@link #read}). */
    static QueryResult matches(QueryResult found) {
        if (!CHANGING.get()) {
            return found;
        }
        List<Document> copies = new ArrayList<>();
        found.forEach(document -> copies.add(new Document(document)));
        return new QueryResult(copies);
    }
}
