package ru.msp.diagnostics.teacher;

import java.util.Collection;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import ru.msp.contracts.DomainEvent;
import ru.msp.contracts.teacher.TeacherDeparted;
import ru.msp.contracts.teacher.TeacherRegistered;
import ru.msp.contracts.teacher.TeacherTransferred;
import ru.msp.contracts.teacher.TeacherUpdated;
import ru.msp.support.tenancy.ScopedMongo;
import ru.msp.support.tenancy.TenantScope;

/**
 * The teacher read model: kept from {@code teacher.v1}, read to check who may be diagnosed and to count a campaign's
 * target population.
 */
@Service
public class TeacherDirectory {

    /** Facts already accepted by teacher-service are written as this service itself. */
    static final TenantScope FEED = TenantScope.system("diagnostics-service");

    private final ScopedMongo mongo;

    TeacherDirectory(ScopedMongo mongo) {
        this.mongo = mongo;
    }

    /**
     * Applies one event. Read, merge, save: the events of one teacher arrive on one partition and are applied one at a
     * time, so no two writes of one teacher race; the merge itself ignores anything older than what is stored.
     */
    Mono<KnownTeacher> apply(DomainEvent<?> event) {
        String teacherId;
        if (event.data() instanceof TeacherRegistered registered) {
            teacherId = registered.teacherId();
        } else if (event.data() instanceof TeacherUpdated updated) {
            teacherId = updated.teacherId();
        } else if (event.data() instanceof TeacherTransferred transferred) {
            teacherId = transferred.teacherId();
        } else if (event.data() instanceof TeacherDeparted departed) {
            teacherId = departed.teacherId();
        } else {
            return Mono.empty();
        }
        return mongo.findById(FEED, teacherId, KnownTeacher.class)
                .defaultIfEmpty(KnownTeacher.unseen(teacherId))
                .map(stored -> merge(stored, event))
                .flatMap(next -> mongo.save(FEED, next));
    }

    static KnownTeacher merge(KnownTeacher stored, DomainEvent<?> event) {
        Object data = event.data();
        if (data instanceof TeacherRegistered r) {
            return stored.withFacts(r.facts(), event.scope(), event.time());
        }
        if (data instanceof TeacherUpdated u) {
            return stored.withFacts(u.facts(), event.scope(), event.time());
        }
        if (data instanceof TeacherTransferred t) {
            return stored.transferred(t, event.scope(), event.time());
        }
        if (data instanceof TeacherDeparted d) {
            return stored.departed(d, event.scope(), event.time());
        }
        return stored;
    }

    /** The teacher whoever asks; callers check the scope themselves to tell "unknown" from "not yours". */
    public Mono<KnownTeacher> byId(String teacherId) {
        return mongo.findById(FEED, teacherId, KnownTeacher.class);
    }

    /** Many teachers in one query, for bulk imports. */
    public Flux<KnownTeacher> byIds(Collection<String> teacherIds) {
        return mongo.findByIds(FEED, teacherIds, KnownTeacher.class);
    }

    /** Teachers the caller may see that match {@code criteria} (e.g. a campaign's population). */
    public Flux<KnownTeacher> find(TenantScope scope, Criteria criteria) {
        return mongo.find(scope, Query.query(criteria), KnownTeacher.class);
    }

    /** Whether the caller's scope covers this teacher (the same rule as writes of their data). */
    public static boolean inScope(TenantScope scope, KnownTeacher teacher) {
        return scope.mayWrite(teacher.tenantKey());
    }
}
