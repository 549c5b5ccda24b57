package ru.msp.indicators.fact;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import reactor.util.context.Context;

/**
 * The fact documents changed while applying one poll of events, whose counter deltas are applied together at the end
 * of the poll ({@link FactStore#drain(FactsToDrain)}) instead of after each change; and the fact documents of the poll
 * as last read or written, so that a change starts from them instead of reading its document again (the poll's facts
 * are read together first, {@link FactStore#preload}). Put into the Reactor context of a change ({@link #into}); a
 * change without it reads its document and drains at once. Used by one listener thread at a time.
 */
public final class FactsToDrain {

    static final Object KEY = FactsToDrain.class;

    final Set<String> teachers = new LinkedHashSet<>();
    final Set<String> organizations = new LinkedHashSet<>();

    /** Fact key (prefix and id) → the document as last read or written in this poll; empty: there is none. */
    private final Map<String, Optional<FactDocument<?>>> known = new HashMap<>();

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
