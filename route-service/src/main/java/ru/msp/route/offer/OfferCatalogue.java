package ru.msp.route.offer;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import ru.msp.contracts.DomainEvent;
import ru.msp.contracts.activities.ActivityCancelled;
import ru.msp.contracts.activities.ActivityFacts;
import ru.msp.support.tenancy.ScopedMongo;
import ru.msp.support.tenancy.TenantKey;
import ru.msp.support.tenancy.TenantScope;

/** The offers read model: upserts guarded by event time, so redelivered or out-of-order events change nothing. */
@Service
public class OfferCatalogue {

    /** The read model is fed by events the owning service already accepted: written as this service itself. */
    private static final TenantScope FEED = TenantScope.system("route-service");

    private final ScopedMongo mongo;

    OfferCatalogue(ScopedMongo mongo) {
        this.mongo = mongo;
    }

    Mono<Void> offer(DomainEvent<?> event, String activityId, ActivityFacts facts) {
        Update update = new Update()
                .set("regionId", event.scope().regionId())
                .set("municipalityId", event.scope().municipalityId())
                .set("facts", facts)
                .set("sourceEventTime", event.time())
                .setOnInsert("cancelled", false);
        return newerThanStored(activityId, event, update);
    }

    Mono<Void> cancel(DomainEvent<ActivityCancelled> event) {
        Update update = new Update()
                .set("cancelled", true)
                .set("sourceEventTime", event.time())
                .set("regionId", event.scope().regionId())
                .set("municipalityId", event.scope().municipalityId());
        return newerThanStored(event.data().activityId(), event, update);
    }

    private Mono<Void> newerThanStored(String activityId, DomainEvent<?> event, Update update) {
        // Matches a missing document (upsert) or an older state; a newer stored state makes the upsert collide on _id.
        Criteria olderOrAbsent = where("_id")
                .is(activityId)
                .orOperator(
                        where("sourceEventTime").lt(event.time()),
                        where("sourceEventTime").exists(false));
        TenantKey owner =
                TenantKey.municipality(event.scope().regionId(), event.scope().municipalityId());
        return mongo.upsert(FEED, owner, query(olderOrAbsent), update, Offer.class)
                .onErrorResume(DuplicateKeyException.class, newerStateKept -> Mono.empty());
    }

    public Flux<Offer> inMunicipality(TenantScope scope, String municipalityId) {
        return mongo.find(
                scope,
                query(where("municipalityId").is(municipalityId)).with(Sort.by("facts.startsAt", "_id")),
                Offer.class);
    }
}
