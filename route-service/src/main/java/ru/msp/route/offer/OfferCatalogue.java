package ru.msp.route.offer;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.Collection;
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
import ru.msp.contracts.activities.PracticeApproved;
import ru.msp.contracts.activities.RegistrationRecorded;
import ru.msp.support.tenancy.ScopedMongo;
import ru.msp.support.tenancy.TenantKey;
import ru.msp.support.tenancy.TenantScope;

/**
 * The offers read model (activities and practices): upserts guarded by event time, so redelivered or out-of-order
 * events change nothing. Facts, seats and the cancellation are guarded separately (by {@code sourceEventTime},
 * {@code seatsTime}, {@code cancelledTime}): seats travel on different Kafka keys, and the cancellation is also applied
 * by the participation consumer, another consumer group, which may get there before this one has the facts; guarded
 * by the facts' time it used to make the older facts look stale, leaving a cancelled offer without facts.
 */
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
        return newerThanStored(activityId, "sourceEventTime", event, update);
    }

    /** Marks the offer cancelled; also applied by the route consumer before it re-plans steps on the activity. */
    public Mono<Void> cancel(DomainEvent<ActivityCancelled> event) {
        Update update = new Update()
                .set("cancelled", true)
                .set("cancelledTime", event.time())
                .set("regionId", event.scope().regionId())
                .set("municipalityId", event.scope().municipalityId());
        return newerThanStored(event.data().activityId(), "cancelledTime", event, update);
    }

    /** Seats left after a registration change; the newest registration event wins. */
    Mono<Void> seats(DomainEvent<RegistrationRecorded> event) {
        Update update = new Update()
                .set("seatsLeft", event.data().seatsLeft())
                .set("seatsTime", event.time())
                .setOnInsert("regionId", event.scope().regionId())
                .setOnInsert("municipalityId", event.scope().municipalityId())
                .setOnInsert("cancelled", false);
        return newerThanStored(event.data().activityId(), "seatsTime", event, update);
    }

    Mono<Void> practice(DomainEvent<PracticeApproved> event) {
        PracticeApproved practice = event.data();
        Update update = new Update()
                .set("regionId", event.scope().regionId())
                .set("municipalityId", event.scope().municipalityId())
                .set("organizationId", practice.organizationId())
                .set("competencyCodes", practice.competencyCodes())
                .set("presentedLevel", practice.presentedLevel())
                .set("activityId", practice.activityId())
                .set("sourceEventTime", event.time());
        Criteria olderOrAbsent = where("_id")
                .is(practice.practiceId())
                .orOperator(
                        where("sourceEventTime").lt(event.time()),
                        where("sourceEventTime").exists(false));
        return mongo.upsert(FEED, ownerOf(event), query(olderOrAbsent), update, Practice.class)
                .onErrorResume(DuplicateKeyException.class, newerStateKept -> Mono.empty());
    }

    private Mono<Void> newerThanStored(String activityId, String timeField, DomainEvent<?> event, Update update) {
        // Matches a missing document (upsert) or an older state; a newer stored state makes the upsert collide on _id.
        Criteria olderOrAbsent = where("_id")
                .is(activityId)
                .orOperator(where(timeField).lt(event.time()), where(timeField).exists(false));
        return mongo.upsert(FEED, ownerOf(event), query(olderOrAbsent), update, Offer.class)
                .onErrorResume(DuplicateKeyException.class, newerStateKept -> Mono.empty());
    }

    private static TenantKey ownerOf(DomainEvent<?> event) {
        return TenantKey.municipality(event.scope().regionId(), event.scope().municipalityId());
    }

    public Flux<Offer> inMunicipality(TenantScope scope, String municipalityId) {
        return mongo.find(
                scope,
                query(where("municipalityId").is(municipalityId)).with(Sort.by("facts.startsAt", "_id")),
                Offer.class);
    }

    /** Every offer of the region that is not cancelled, for route suggestion (filtered further by the suggester). */
    public Flux<Offer> ofRegion(String regionId) {
        return mongo.find(
                FEED,
                query(where("regionId").is(regionId).and("cancelled").is(false)).with(Sort.by("_id")),
                Offer.class);
    }

    public Flux<Offer> byIds(Collection<String> activityIds) {
        return mongo.findByIds(FEED, activityIds, Offer.class);
    }

    public Flux<Practice> practicesOfRegion(String regionId) {
        return mongo.find(FEED, query(where("regionId").is(regionId)).with(Sort.by("_id")), Practice.class);
    }
}
