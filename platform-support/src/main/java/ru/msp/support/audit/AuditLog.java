package ru.msp.support.audit;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The service's {@value AuditRecord#COLLECTION} collection: append and read back, newest first. */
public class AuditLog implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(AuditLog.class);
    private static final Duration WRITE_TIMEOUT = Duration.ofSeconds(10);

    private final ReactiveMongoTemplate mongo;

    public AuditLog(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Mono<AuditRecord> append(AuditRecord record) {
        return mongo.insert(record).timeout(WRITE_TIMEOUT);
    }

    /**
     * One page of records, newest first, optionally limited to a municipality or region and to {@code from}
     * (inclusive) .. {@code to} (exclusive). Reads {@code limit} records after skipping {@code skip}.
     */
    public Flux<AuditRecord> find(
            String municipalityId, String regionId, Instant from, Instant to, long skip, int limit) {
        Query query = new Query();
        if (municipalityId != null) {
            query.addCriteria(where("municipalityId").is(municipalityId));
        }
        if (regionId != null) {
            query.addCriteria(where("regionId").is(regionId));
        }
        if (from != null || to != null) {
            Criteria at = where("at");
            if (from != null) {
                at = at.gte(from);
            }
            if (to != null) {
                at = at.lt(to);
            }
            query.addCriteria(at);
        }
        query.with(Sort.by(Sort.Order.desc("at"), Sort.Order.desc("_id")))
                .skip(skip)
                .limit(limit);
        return mongo.find(query, AuditRecord.class);
    }

    /** Indexes for the admin queries (the time-ordered ones serve real MongoDB; the embedded store uses none). */
    public Mono<Void> createIndexes() {
        var indexes = mongo.indexOps(AuditRecord.COLLECTION);
        return indexes.createIndex(new Index().on("at", Sort.Direction.DESC).named("at"))
                .then(indexes.createIndex(new Index()
                        .on("municipalityId", Sort.Direction.ASC)
                        .on("at", Sort.Direction.DESC)
                        .named("municipalityId_at")))
                .then(indexes.createIndex(new Index()
                        .on("regionId", Sort.Direction.ASC)
                        .on("at", Sort.Direction.DESC)
                        .named("regionId_at")))
                .then();
    }

    @Override
    public void afterSingletonsInstantiated() {
        createIndexes()
                .subscribe(
                        null,
                        e -> log.warn(
                                "cannot create the indexes of {}: queries still work", AuditRecord.COLLECTION, e));
    }
}
