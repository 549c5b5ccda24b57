package ru.msp.activities.teacher;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import ru.msp.contracts.DomainEvent;
import ru.msp.contracts.EventScope;
import ru.msp.contracts.teacher.TeacherDeparted;
import ru.msp.contracts.teacher.TeacherRegistered;
import ru.msp.contracts.teacher.TeacherTransferred;
import ru.msp.contracts.teacher.TeacherUpdated;
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

    /** A fresh poll of {@code teacher.v1}; one per listener call, never shared between threads. */
    public Poll poll() {
        return new Poll();
    }

    /**
     * One poll of {@code teacher.v1}: the teachers its events name are read with one query, each event merged in memory
     * in partition order (an aspect changes only for a strictly newer event, so redelivered and out-of-order events
     * change nothing), and the teachers that changed written back with one bulk write. This consumer is the read
     * model's only writer and one teacher's events share a partition, so nothing writes a teacher in between. Before,
     * each event cost two guarded upserts of two round trips each.
     */
    public final class Poll {

        private final Map<String, AudienceMember> members = new HashMap<>();
        private final Set<String> changed = new LinkedHashSet<>();

        /** Reads every teacher the events about to be applied name. */
        public Mono<Void> load(List<DomainEvent<?>> events) {
            Set<String> ids = events.stream()
                    .map(TeacherDirectory::teacherIdOf)
                    .filter(Objects::nonNull)
                    .collect(Collectors.toSet());
            return mongo.findByIds(FEED, ids, AudienceMember.class)
                    .doOnNext(member -> members.put(member.id(), member))
                    .then();
        }

        /** Merges one event into what the poll holds. */
        public Mono<Void> apply(DomainEvent<?> event) {
            return Mono.fromRunnable(() -> {
                String teacherId = teacherIdOf(event);
                if (teacherId == null) {
                    return;
                }
                AudienceMember stored = members.getOrDefault(teacherId, AudienceMember.unseen(teacherId));
                AudienceMember next = merge(stored, event);
                if (!next.equals(stored)) {
                    members.put(teacherId, next.revised());
                    changed.add(teacherId);
                }
            });
        }

        /** Writes the teachers the applied events changed. */
        public Mono<Void> store() {
            return Mono.defer(
                    () -> mongo.saveAll(FEED, changed.stream().map(members::get).toList(), AudienceMember.class)
                            .doOnSuccess(done -> changed.clear()));
        }

        /** The teacher as this poll left them: what was stored, with the poll's events merged. */
        public Optional<AudienceMember> member(String teacherId) {
            return Optional.ofNullable(members.get(teacherId));
        }
    }

    /** One event merged into the teacher: each aspect it carries replaces the stored one only when strictly newer. */
    static AudienceMember merge(AudienceMember stored, DomainEvent<?> event) {
        Instant at = event.time().truncatedTo(ChronoUnit.MILLIS); // what a BSON date keeps
        EventScope scope = event.scope();
        Object data = event.data();
        if (data instanceof TeacherRegistered registered) {
            return stored.placed(
                            scope.regionId(),
                            scope.municipalityId(),
                            registered.facts().organizationId(),
                            at)
                    .withFacts(registered.facts().position(), registered.facts().targetGroups(), at);
        }
        if (data instanceof TeacherUpdated updated) {
            return stored.placed(
                            scope.regionId(),
                            scope.municipalityId(),
                            updated.facts().organizationId(),
                            at)
                    .withFacts(updated.facts().position(), updated.facts().targetGroups(), at);
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
        Object data = event.data();
        if (data instanceof TeacherRegistered registered) {
            return registered.teacherId();
        }
        if (data instanceof TeacherUpdated updated) {
            return updated.teacherId();
        }
        if (data instanceof TeacherTransferred moved) {
            return moved.teacherId();
        }
        if (data instanceof TeacherDeparted departed) {
            return departed.teacherId();
        }
        return null;
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
