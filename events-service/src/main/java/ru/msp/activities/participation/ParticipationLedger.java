package ru.msp.activities.participation;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import ru.msp.contracts.DomainEvent;
import ru.msp.support.outbox.Outbox;
import ru.msp.support.outbox.OutboxRelay;
import ru.msp.support.tenancy.ScopedMongo;
import ru.msp.support.tenancy.TenantScope;

/**
 * Stores participation facts idempotently: a new fact is inserted with its event, a repeated one changes nothing, a
 * corrected one (other values for the same key) is updated with a new event. Each is one document write.
 */
@Service
public class ParticipationLedger {

    /** RECORDED (new), UPDATED (corrected), UNCHANGED (repeated). */
    public enum Outcome {
        RECORDED,
        UPDATED,
        UNCHANGED
    }

    private final ScopedMongo mongo;
    private final OutboxRelay relay;

    ParticipationLedger(ScopedMongo mongo, OutboxRelay relay) {
        this.mongo = mongo;
        this.relay = relay;
    }

    public Mono<Outcome> record(TenantScope scope, Participation fact, DomainEvent<?> event) {
        Participation withEvent = new Participation(
                fact.id(),
                fact.kind(),
                fact.activityId(),
                fact.teacherId(),
                fact.regionId(),
                fact.municipalityId(),
                fact.organizationId(),
                fact.date(),
                fact.attended(),
                fact.hours(),
                fact.remote(),
                fact.outcome(),
                fact.stageLevel(),
                fact.fingerprint(),
                fact.recordedAt(),
                Outbox.with(List.of(), event));
        return mongo.insert(scope, withEvent)
                .map(saved -> Outcome.RECORDED)
                .onErrorResume(DuplicateKeyException.class, exists -> correct(scope, fact, event))
                .doOnNext(outcome -> {
                    if (outcome != Outcome.UNCHANGED) {
                        relay.nudge(Participation.COLLECTION, fact.id());
                    }
                });
    }

    private Mono<Outcome> correct(TenantScope scope, Participation fact, DomainEvent<?> event) {
        Update update = new Update()
                .set("attended", fact.attended())
                .set("hours", fact.hours())
                .set("remote", fact.remote())
                .set("outcome", fact.outcome())
                .set("date", fact.date())
                .set("fingerprint", fact.fingerprint())
                .set("recordedAt", fact.recordedAt());
        Outbox.append(update, event);
        // only a document holding other values is updated: the same fact posted again matches nothing
        return mongo.findAndModify(
                        scope,
                        fact.tenantKey(),
                        query(where("_id").is(fact.id()).and("fingerprint").ne(fact.fingerprint())),
                        update,
                        FindAndModifyOptions.options().returnNew(true),
                        Participation.class)
                .map(updated -> Outcome.UPDATED)
                .defaultIfEmpty(Outcome.UNCHANGED);
    }

    public Flux<Participation> of(TenantScope scope, String activityId, String kind) {
        return mongo.find(
                scope, query(where("activityId").is(activityId).and("kind").is(kind)), Participation.class);
    }

    /** Whether the teacher attended the activity on any day (a participant, for feedback). */
    public Mono<Boolean> attended(String activityId, String teacherId) {
        return mongo.count(
                        TenantScope.system("events-service"),
                        query(where("activityId")
                                .is(activityId)
                                .and("teacherId")
                                .is(teacherId)
                                .and("kind")
                                .is("ATTENDANCE")
                                .and("attended")
                                .is(true)),
                        Participation.class)
                .map(n -> n > 0);
    }
}
