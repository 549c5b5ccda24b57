package ru.msp.diagnostics.teacher;

import java.util.Collection;
import java.util.function.UnaryOperator;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import ru.msp.contracts.DomainEvent;
import ru.msp.contracts.teacher.TeacherChange;
import ru.msp.contracts.teacher.TeacherDeparted;
import ru.msp.contracts.teacher.TeacherRegistered;
import ru.msp.contracts.teacher.TeacherTransferred;
import ru.msp.contracts.teacher.TeacherUpdated;
import ru.msp.support.consumer.ReadModelPoll;
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

    /** The read model as {@link ReadModelPoll} keeps it: a teacher per id, merged by {@link KnownTeacher}'s rules. */
    static final ReadModelPoll.Model<KnownTeacher> MODEL = new ReadModelPoll.Model<>(
            KnownTeacher.class,
            KnownTeacher::id,
            event -> event.data() instanceof TeacherChange change ? change.teacherId() : null,
            KnownTeacher::unseen,
            TeacherDirectory::merge,
            UnaryOperator.identity());

    /**
     * A fresh poll of {@code teacher.v1}: one read and one bulk write a poll, the events merged in memory (before, a
     * read and a save per event: at 100,000 teachers this service learned them at ~90/s). One per listener call.
     */
    ReadModelPoll<KnownTeacher> poll() {
        return new ReadModelPoll<>(mongo, FEED, MODEL);
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
