package ru.msp.activities.teacher;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import java.util.Collection;
import java.util.Set;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import ru.msp.contracts.DomainEvent;
import ru.msp.contracts.EventScope;
import ru.msp.contracts.TargetGroup;
import ru.msp.contracts.teacher.TeacherDeparted;
import ru.msp.contracts.teacher.TeacherFacts;
import ru.msp.contracts.teacher.TeacherRegistered;
import ru.msp.contracts.teacher.TeacherTransferred;
import ru.msp.contracts.teacher.TeacherUpdated;
import ru.msp.support.tenancy.ScopedMongo;
import ru.msp.support.tenancy.TenantKey;
import ru.msp.support.tenancy.TenantScope;

/**
 * The read model of teachers fed from {@code teacher.v1}. Every write is an upsert guarded by the time of the event
 * that last set the same aspect (place, facts, departure): redelivered and out-of-order events change nothing.
 */
@Service
public class TeacherDirectory {

    /** Fed by facts teacher-service already accepted, and read by this service for its own checks. */
    static final TenantScope FEED = TenantScope.system("events-service");

    private final ScopedMongo mongo;

    TeacherDirectory(ScopedMongo mongo) {
        this.mongo = mongo;
    }

    /**
     * Applies a {@code teacher.v1} event to the read model; the id of the teacher it concerns, or empty for events
     * about regions, organisations, communities and mentorships. Idempotent, so several consumers may apply it.
     */
    public Mono<String> apply(DomainEvent<?> event) {
        if (event.data() instanceof TeacherRegistered registered) {
            return both(event, registered.teacherId(), registered.facts());
        }
        if (event.data() instanceof TeacherUpdated updated) {
            return both(event, updated.teacherId(), updated.facts());
        }
        if (event.data() instanceof TeacherTransferred moved) {
            String municipality = moved.toMunicipalityId() != null
                    ? moved.toMunicipalityId()
                    : event.scope().municipalityId();
            return place(
                            moved.teacherId(),
                            event.scope().regionId(),
                            municipality,
                            moved.toOrganizationId(),
                            event.time())
                    .thenReturn(moved.teacherId());
        }
        if (event.data() instanceof TeacherDeparted departed) {
            return departed(departed.teacherId(), event.scope(), event.time()).thenReturn(departed.teacherId());
        }
        return Mono.empty();
    }

    private Mono<String> both(DomainEvent<?> event, String teacherId, TeacherFacts facts) {
        return place(teacherId, event.scope(), facts.organizationId(), event.time())
                .then(facts(teacherId, event.scope(), facts.position(), facts.targetGroups(), event.time()))
                .thenReturn(teacherId);
    }

    Mono<Void> place(String teacherId, EventScope scope, String organizationId, Instant time) {
        return place(teacherId, scope.regionId(), scope.municipalityId(), organizationId, time);
    }

    Mono<Void> place(String teacherId, String regionId, String municipalityId, String organizationId, Instant time) {
        Update update = new Update()
                .set("regionId", regionId)
                .set("municipalityId", municipalityId)
                .set("organizationId", organizationId)
                .set("placeTime", time)
                .setOnInsert("departed", false);
        return newer(
                teacherId,
                "placeTime",
                time,
                update,
                new TenantKey(regionId, municipalityId, organizationId, teacherId));
    }

    Mono<Void> facts(String teacherId, EventScope scope, String position, Set<TargetGroup> groups, Instant time) {
        Update update = new Update()
                .set("position", position)
                .set("targetGroups", groups == null ? Set.of() : groups)
                .set("factsTime", time)
                .setOnInsert("departed", false);
        return newer(teacherId, "factsTime", time, update, key(teacherId, scope));
    }

    Mono<Void> departed(String teacherId, EventScope scope, Instant time) {
        Update update = new Update().set("departed", true).set("departedTime", time);
        return newer(teacherId, "departedTime", time, update, key(teacherId, scope));
    }

    private Mono<Void> newer(String teacherId, String timeField, Instant time, Update update, TenantKey owner) {
        return mongo.updateIfNewer(FEED, owner, teacherId, timeField, time, update, AudienceMember.class)
                .then();
    }

    private static TenantKey key(String teacherId, EventScope scope) {
        return new TenantKey(scope.regionId(), scope.municipalityId(), scope.organizationId(), teacherId);
    }

    /** A teacher by id, whatever the caller's scope (callers check their own right to act for the teacher). */
    public Mono<AudienceMember> byId(String teacherId) {
        return mongo.findById(FEED, teacherId, AudienceMember.class);
    }

    public Flux<AudienceMember> byIds(Collection<String> teacherIds) {
        return mongo.findByIds(FEED, teacherIds, AudienceMember.class);
    }

    /** The active teachers of a territory: a region, narrowed to a municipality and an organisation when given. */
    public Flux<AudienceMember> within(String regionId, String municipalityId, String organizationId) {
        Criteria criteria = where("regionId").is(regionId);
        if (municipalityId != null) {
            criteria = criteria.and("municipalityId").is(municipalityId);
        }
        if (organizationId != null) {
            criteria = criteria.and("organizationId").is(organizationId);
        }
        return mongo.find(FEED, query(criteria.and("departed").is(false)), AudienceMember.class);
    }
}
