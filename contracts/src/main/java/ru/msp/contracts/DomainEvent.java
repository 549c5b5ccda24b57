package ru.msp.contracts;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * An event as services see it; {@link CloudEventCodec} maps it to and from the CloudEvents 1.0 JSON envelope.
 *
 * @param correlationId the business flow the event belongs to (request that started it)
 * @param causationId the id of the event or request that directly caused this one
 */
public record DomainEvent<P extends EventPayload>(
        String id,
        String source,
        EventType<P> type,
        Instant time,
        EventScope scope,
        String correlationId,
        String causationId,
        P data) {

    public DomainEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(data, "data");
    }

    /** A new event with a random id, stamped now. */
    public static <P extends EventPayload> DomainEvent<P> create(
            String source, EventType<P> type, EventScope scope, String correlationId, String causationId, P data) {
        return new DomainEvent<>(
                UUID.randomUUID().toString(), source, type, Instant.now(), scope, correlationId, causationId, data);
    }

    /** The CloudEvent subject and Kafka key. */
    public String subject() {
        return data.aggregateId();
    }

    public Topic topic() {
        return type.topic();
    }
}
