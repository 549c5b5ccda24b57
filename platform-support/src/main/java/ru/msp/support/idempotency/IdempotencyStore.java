package ru.msp.support.idempotency;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import reactor.core.publisher.Mono;
import ru.msp.support.idempotency.IdempotencyRecord.State;

/**
 * The {@value IdempotencyRecord#COLLECTION} collection. Claiming a key is one insert with a unique {@code _id}, so
 * of two concurrent first requests exactly one wins (no transactions needed); completing and releasing are guarded
 * by the claim's {@code lock} token, so a request that lost its claim (timed out and taken over) cannot overwrite
 * the new owner's record.
 */
public class IdempotencyStore implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyStore.class);
    /** Claim attempts when the record found is expired, abandoned or vanished in between. */
    private static final int MAX_ATTEMPTS = 3;

    private final ReactiveMongoTemplate mongo;
    private final IdempotencyProperties properties;
    private final Clock clock;

    public IdempotencyStore(ReactiveMongoTemplate mongo, IdempotencyProperties properties, Clock clock) {
        this.mongo = mongo;
        this.properties = properties;
        this.clock = clock;
    }

    /** What to do with a request that carries a key. */
    public enum Outcome {
        /** The key is new (or its record expired): run the request; the record is claimed. */
        RUN,
        /** Same key, same request, finished: send the stored response. */
        REPLAY,
        /** Same key, same request, still running. */
        IN_PROGRESS,
        /** Same key, different request. */
        MISMATCH
    }

    /** The outcome and the record it concerns (ours for RUN, the stored one otherwise). */
    public record Claim(Outcome outcome, IdempotencyRecord record) {}

    /** Creates the TTL index on {@code expiresAt} (MongoDB removes each record once that instant has passed). */
    public Mono<String> createIndexes() {
        return mongo.indexOps(IdempotencyRecord.COLLECTION)
                .createIndex(new Index()
                        .on("expiresAt", Sort.Direction.ASC)
                        .expire(Duration.ZERO)
                        .named("expiresAt_ttl"));
    }

    @Override
    public void afterSingletonsInstantiated() {
        createIndexes()
                .subscribe(
                        name -> log.debug("index {} on {} ready", name, IdempotencyRecord.COLLECTION),
                        e -> log.warn(
                                "cannot create the TTL index on {}: expired keys are still ignored, but not deleted",
                                IdempotencyRecord.COLLECTION,
                                e));
    }

    public Mono<Claim> claim(String subject, String key, String fingerprint, String method, String path) {
        return claim(subject, key, fingerprint, method, path, 1);
    }

    private Mono<Claim> claim(String subject, String key, String fingerprint, String method, String path, int attempt) {
        Instant now = clock.instant();
        IdempotencyRecord fresh = new IdempotencyRecord(
                IdempotencyRecord.idOf(subject, key),
                subject,
                key,
                fingerprint,
                State.IN_PROGRESS,
                UUID.randomUUID().toString(),
                method,
                path,
                null,
                null,
                null,
                null,
                now,
                null,
                now.plus(properties.ttl()));
        Mono<Claim> again = Mono.defer(() -> attempt < MAX_ATTEMPTS
                ? claim(subject, key, fingerprint, method, path, attempt + 1)
                : Mono.just(new Claim(Outcome.IN_PROGRESS, fresh)));
        return mongo.insert(fresh)
                .map(claimed -> new Claim(Outcome.RUN, claimed))
                .onErrorResume(
                        DuplicateKeyException.class,
                        taken -> mongo.findById(fresh.id(), IdempotencyRecord.class, IdempotencyRecord.COLLECTION)
                                .flatMap(existing -> decide(existing, fresh, now, again))
                                // deleted between our insert and our read (its request failed): try again
                                .switchIfEmpty(again));
    }

    private Mono<Claim> decide(IdempotencyRecord existing, IdempotencyRecord fresh, Instant now, Mono<Claim> again) {
        boolean expired = existing.expiresAt() == null || !existing.expiresAt().isAfter(now);
        boolean abandoned = existing.state() == State.IN_PROGRESS
                && existing.startedAt() != null
                && existing.startedAt().plus(properties.inProgressTimeout()).isBefore(now);
        if (expired || abandoned) {
            // a dead record counts as absent: remove exactly that one (by its lock) and claim anew
            return mongo.remove(byLock(existing), IdempotencyRecord.COLLECTION).then(again);
        }
        if (!existing.fingerprint().equals(fresh.fingerprint())) {
            return Mono.just(new Claim(Outcome.MISMATCH, existing));
        }
        if (existing.state() == State.IN_PROGRESS) {
            return Mono.just(new Claim(Outcome.IN_PROGRESS, existing));
        }
        return Mono.just(new Claim(Outcome.REPLAY, existing));
    }

    /** Stores the response of a claimed request; false if the claim was lost meanwhile. */
    public Mono<Boolean> complete(
            IdempotencyRecord claimed, int status, String contentType, String location, byte[] body) {
        Instant now = clock.instant();
        Update update = new Update()
                .set("state", State.COMPLETED.name())
                .set("status", status)
                .set("contentType", contentType)
                .set("location", location)
                .set("body", body)
                .set("completedAt", now)
                .set("expiresAt", now.plus(properties.ttl()));
        return mongo.updateFirst(byLock(claimed), update, IdempotencyRecord.COLLECTION)
                .map(result -> result.getMatchedCount() > 0);
    }

    /** Forgets a claimed request that did not finish with a storable response, so a retry runs again. */
    public Mono<Void> release(IdempotencyRecord claimed) {
        return mongo.remove(byLock(claimed), IdempotencyRecord.COLLECTION).then();
    }

    private static Query byLock(IdempotencyRecord record) {
        return query(where("_id").is(record.id()).and("lock").is(record.lock()));
    }
}
