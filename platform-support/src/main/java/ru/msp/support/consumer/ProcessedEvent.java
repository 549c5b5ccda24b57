package ru.msp.support.consumer;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** Remembers that a consumer has applied an event; the id is {@code consumer:eventId}, unique by construction. */
@Document(ProcessedEvent.COLLECTION)
public record ProcessedEvent(@Id String id, String consumer, String eventId, String type, Instant processedAt) {

    public static final String COLLECTION = "processed_events";

    static String idOf(String consumer, String eventId) {
        return consumer + ":" + eventId;
    }
}
