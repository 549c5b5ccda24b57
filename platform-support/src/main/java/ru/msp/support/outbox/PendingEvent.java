package ru.msp.support.outbox;

import java.time.Instant;
import ru.msp.contracts.CloudEventCodec;
import ru.msp.contracts.DomainEvent;

/**
 * An event waiting in its aggregate's document to be published: the document's {@code outbox} array holds these,
 * written in the same single-document write as the state change that caused them.
 *
 * @param cloudEvent the event already encoded as CloudEvents JSON, so the relay needs no knowledge of types
 */
public record PendingEvent(
        String eventId, String topic, String key, String type, String cloudEvent, Instant createdAt) {

    public static PendingEvent of(DomainEvent<?> event) {
        return new PendingEvent(
                event.id(),
                event.topic().name(),
                event.subject(),
                event.type().type(),
                CloudEventCodec.encodeToString(event),
                event.time());
    }
}
