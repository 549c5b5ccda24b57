package ru.msp.support.outbox;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.data.mongodb.core.query.Update;
import ru.msp.contracts.DomainEvent;

/**
 * How an aggregate document carries its unpublished events. Every aggregate that publishes keeps a field named
 * {@value #FIELD}; a write either saves the whole document with the events appended, or adds them with
 * {@link #append(Update, DomainEvent[])} to an update of the same document. Either way state and events are one
 * document write: no multi-document transaction is needed (the embedded MongoDB has none).
 */
public final class Outbox {

    public static final String FIELD = "outbox";

    private Outbox() {}

    /** The current outbox with the events appended, for aggregates saved as a whole. */
    public static List<PendingEvent> with(List<PendingEvent> outbox, DomainEvent<?>... events) {
        List<PendingEvent> next = new ArrayList<>(outbox == null ? List.of() : outbox);
        Arrays.stream(events).map(PendingEvent::of).forEach(next::add);
        return List.copyOf(next);
    }

    /** Adds {@code $push: {outbox: {$each: [...]}}} to an update. */
    public static Update append(Update update, DomainEvent<?>... events) {
        return update.push(FIELD)
                .each(Arrays.stream(events).map(PendingEvent::of).toArray());
    }
}
