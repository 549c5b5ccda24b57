package ru.msp.activities.teacher;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import ru.msp.contracts.DomainEvent;
import ru.msp.contracts.EventScope;
import ru.msp.contracts.teacher.TeacherChange;
import ru.msp.contracts.teacher.TeacherDeparted;
import ru.msp.contracts.teacher.TeacherFacts;
import ru.msp.contracts.teacher.TeacherRegistered;
import ru.msp.contracts.teacher.TeacherTransferred;
import ru.msp.contracts.teacher.TeacherUpdated;
import ru.msp.support.consumer.ReadModelPoll;
import ru.msp.support.tenancy.ScopedMongo;
import ru.msp.support.tenancy.TenantScope;

/**
 * The read model of teachers fed from {@code teacher.v1}. Each aspect (place, facts, departure) keeps the time of the
 * event that last set it and changes only for a newer one: redelivered and out-of-order events change nothing.
 */
@Service
public class TeacherDirectory {

    /** Fed by facts teacher-service already accepted, and read by this service for its own checks. */
    static final TenantScope FEED = TenantScope.system("events-service");

    private final ScopedMongo mongo;

    TeacherDirectory(ScopedMongo mongo) {
        this.mongo = mongo;
    }

    /** The audience as {@link ReadModelPoll} keeps it: a member per teacher, merged by {@link #merge}. */
    static final ReadModelPoll.Model<AudienceMember> MODEL = new ReadModelPoll.Model<>(
            AudienceMember.class,
            AudienceMember::id,
            TeacherDirectory::teacherIdOf,
            AudienceMember::unseen,
            TeacherDirectory::merge,
            AudienceMember::revised);

    /**
     * A fresh poll of {@code teacher.v1}: one read and one bulk write a poll, the events merged in memory (before,
     * two guarded upserts of two round trips each per event). One per listener call.
     */
    public ReadModelPoll<AudienceMember> poll() {
        return new ReadModelPoll<>(mongo, FEED, MODEL);
    }

    /** One event merged into the teacher: each aspect it carries replaces the stored one only when strictly newer. */
    static AudienceMember merge(AudienceMember stored, DomainEvent<?> event) {
        Instant at = event.time().truncatedTo(ChronoUnit.MILLIS); // what a BSON date keeps
        EventScope scope = event.scope();
        Object data = event.data();
        TeacherFacts facts = data instanceof TeacherRegistered registered
                ? registered.facts()
                : data instanceof TeacherUpdated updated ? updated.facts() : null;
        if (facts != null) {
            return stored.placed(scope.regionId(), scope.municipalityId(), facts.organizationId(), at)
                    .withFacts(facts.position(), facts.targetGroups(), at);
        }
        if (data instanceof TeacherTransferred moved) {
            String municipality = moved.toMunicipalityId() != null ? moved.toMunicipalityId() : scope.municipalityId();
            return stored.placed(scope.regionId(), municipality, moved.toOrganizationId(), at);
        }
        if (data instanceof TeacherDeparted) {
            return stored.departedAt(at);
        }
        return stored;
    }

    /** The teacher a {@code teacher.v1} event is about; null for regions, organisations, communities, mentorships. */
    public static String teacherIdOf(DomainEvent<?> event) {
        return event.data() instanceof TeacherChange change ? change.teacherId() : null;
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
