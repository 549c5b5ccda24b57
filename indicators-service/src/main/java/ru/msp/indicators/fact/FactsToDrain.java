package ru.msp.indicators.fact;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import reactor.util.context.Context;

/**
 * The fact documents changed while applying one poll of events, whose counter deltas are applied together at the end
 * of the poll ({@link FactStore#drain(FactsToDrain)}) instead of after each change; and the fact documents of the poll
 * as last read or written, so that a change starts from them instead of reading its document again (the poll's facts
 * are read together first, {@link FactStore#preload}); and the changes not written yet, since a poll's fact documents
 * are written together before its drain. Put into the Reactor context of a change ({@link #into}); a
 * change without it reads its document and drains at once. Used by one listener thread at a time.
 */
public final class FactsToDrain {

    static final Object KEY = FactsToDrain.class;

    final Set<String> teachers = new LinkedHashSet<>();
    final Set<String> organizations = new LinkedHashSet<>();

    /** Fact key (prefix and id) → the document as last read or written in this poll; empty: there is none. */
    private final Map<String, Optional<FactDocument<?>>> known = new HashMap<>();

    /** Fact key → the changes of this poll not written yet, written together before its drain. */
    private final Map<String, Unwritten> unwritten = new LinkedHashMap<>();

    /**
     * A fact document the poll changed and has not written: {@code latest} is its state now, {@code stored} whether
     * and at which version it was in the store when the poll first read it (the guard of the write), {@code changes}
     * what the poll did to it, in order, to be redone from the store when another writer came in between.
     */
    record Unwritten(
            String keyPrefix,
            FactDocument<?> latest,
            boolean stored,
            long storedVersion,
            List<UnaryOperator<? extends FactDocument<?>>> changes) {}

    /** A change made in memory: the first keeps what the store held, later ones only add theirs. */
    synchronized void unwritten(
            String factKey,
            String keyPrefix,
            FactDocument<?> next,
            boolean stored,
            long storedVersion,
            UnaryOperator<? extends FactDocument<?>> change) {
        Unwritten earlier = unwritten.get(factKey);
        List<UnaryOperator<? extends FactDocument<?>>> changes =
                new ArrayList<>(earlier == null ? List.of() : earlier.changes());
        changes.add(change);
        unwritten.put(
                factKey,
                earlier == null
                        ? new Unwritten(keyPrefix, next, stored, storedVersion, changes)
                        : new Unwritten(keyPrefix, next, earlier.stored(), earlier.storedVersion(), changes));
        known.put(factKey, Optional.of(next));
    }

    /** The teacher facts changed and not written yet, by id, as the poll left them. */
    synchronized Map<String, TeacherFact> unwrittenTeachers() {
        Map<String, TeacherFact> teachers = new LinkedHashMap<>();
        unwritten.values().stream()
                .filter(fact -> fact.latest() instanceof TeacherFact)
                .forEach(fact -> teachers.put(fact.latest().id(), (TeacherFact) fact.latest()));
        return teachers;
    }

    /** The changes not written yet; the poll holds none afterwards. */
    synchronized List<Unwritten> takeUnwritten() {
        List<Unwritten> taken = List.copyOf(unwritten.values());
        unwritten.clear();
        return taken;
    }

    /** The context of a change whose drain joins this poll's. */
    public Context into(Context context) {
        return context.put(KEY, this);
    }

    synchronized void add(String keyPrefix, String id) {
        (FactStore.TEACHER_KEY.equals(keyPrefix) ? teachers : organizations).add(id);
    }

    synchronized boolean isEmpty() {
        return teachers.isEmpty() && organizations.isEmpty();
    }

    /** The document as this poll last read or wrote it; null when this poll has not seen it. */
    synchronized <F extends FactDocument<F>> Optional<F> known(String factKey, Class<F> type) {
        Optional<FactDocument<?>> fact = known.get(factKey);
        return fact == null ? null : fact.map(type::cast);
    }

    synchronized void know(String factKey, Optional<? extends FactDocument<?>> fact) {
        known.put(factKey, Optional.ofNullable(fact.orElse(null)));
    }

    /** Another writer changed it meanwhile: the next change reads it again. */
    synchronized void forget(String factKey) {
        known.remove(factKey);
    }

    synchronized Set<String> knownKeys() {
        return Set.copyOf(known.keySet());
    }
}
