package ru.msp.indicators.fact;

import java.util.LinkedHashSet;
import java.util.Set;
import reactor.util.context.Context;

/**
 * The fact documents changed while applying one poll of events, whose counter deltas are applied together at the end
 * of the poll ({@link FactStore#drain(FactsToDrain)}) instead of after each change. Put into the Reactor context of a
 * change ({@link #into}); a change without it drains at once. Used by one listener thread at a time.
 */
public final class FactsToDrain {

    static final Object KEY = FactsToDrain.class;

    final Set<String> teachers = new LinkedHashSet<>();
    final Set<String> organizations = new LinkedHashSet<>();

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
}
