package ru.msp.support.idempotency;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One remembered {@code Idempotency-Key} of one caller, in collection {@value #COLLECTION}: first as
 * {@link State#IN_PROGRESS} while the request runs, then {@link State#COMPLETED} with the response to replay.
 *
 * @param id {@link #idOf(String, String)}: the unique {@code _id} is what lets only one of two concurrent first
 *     requests run
 * @param fingerprint SHA-256 (hex) of method, path, query and body
 * @param lock a random token of the request that owns the record; only that request may complete or release it
 * @param expiresAt the TTL index field: MongoDB deletes the record after this instant, and a record found past it
 *     counts as absent
 */
@Document(IdempotencyRecord.COLLECTION)
public record IdempotencyRecord(
        @Id String id,
        String subject,
        String key,
        String fingerprint,
        State state,
        String lock,
        String method,
        String path,
        Integer status,
        String contentType,
        String location,
        byte[] body,
        Instant startedAt,
        Instant completedAt,
        Instant expiresAt) {

    public static final String COLLECTION = "idempotency_keys";

    public enum State {
        IN_PROGRESS,
        COMPLETED
    }

    /** Keys are per caller: the same key of two subjects are two records. Length-prefixed, so it is unambiguous. */
    public static String idOf(String subject, String key) {
        return subject.length() + ":" + subject + ":" + key;
    }
}
