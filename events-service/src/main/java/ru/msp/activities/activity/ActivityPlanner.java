package ru.msp.activities.activity;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import ru.msp.contracts.DomainEvent;
import ru.msp.contracts.EventCatalog;
import ru.msp.contracts.EventScope;
import ru.msp.contracts.activities.ActivityPublished;
import ru.msp.support.observability.CorrelationId;
import ru.msp.support.outbox.Outbox;
import ru.msp.support.outbox.OutboxRelay;
import ru.msp.support.problem.RequestRejectedException;
import ru.msp.support.tenancy.Role;
import ru.msp.support.tenancy.ScopedMongo;
import ru.msp.support.tenancy.TenantScope;

/** Plans activities; publishing one and its {@code ActivityPublished} event are one document write. */
@Service
public class ActivityPlanner {

    static final String SOURCE = "/msp/events-service";

    private final ScopedMongo mongo;
    private final OutboxRelay relay;
    private final Clock clock = Clock.systemUTC();

    ActivityPlanner(ScopedMongo mongo, OutboxRelay relay) {
        this.mongo = mongo;
        this.relay = relay;
    }

    /** Operators and methodists plan activities of their territory; a school system its own school-level ones. */
    public Mono<Activity> plan(TenantScope scope, ActivityDraft draft) {
        scope.require(Role.REGIONAL_OPERATOR, Role.MUNICIPAL_OPERATOR, Role.METHODIST, Role.SCHOOL_SYSTEM);
        var problems = ActivityRules.check(draft);
        if (!problems.isEmpty()) {
            return Mono.error(RequestRejectedException.invalid(problems));
        }
        boolean publish = draft.publish() == null || draft.publish();
        String id = UUID.randomUUID().toString();
        Activity activity = new Activity(
                id,
                draft.regionId(),
                draft.municipalityId(),
                draft.organizerId(),
                draft.title().strip(),
                draft.kind(),
                draft.level(),
                draft.competencyCodes() == null ? List.of() : List.copyOf(draft.competencyCodes()),
                draft.targetGroups() == null ? Set.of() : Set.copyOf(draft.targetGroups()),
                draft.positions() == null ? List.of() : List.copyOf(draft.positions()),
                draft.format(),
                draft.place(),
                draft.link(),
                draft.startsAt(),
                draft.endsAt(),
                draft.capacity(),
                draft.course(),
                publish ? ActivityStatus.PUBLISHED : ActivityStatus.DRAFT,
                clock.instant(),
                List.of());
        if (!publish) {
            return mongo.insert(scope, activity);
        }
        return CorrelationId.current()
                .map(correlationId -> DomainEvent.create(
                        SOURCE,
                        EventCatalog.ACTIVITY_PUBLISHED,
                        new EventScope(activity.regionId(), activity.municipalityId(), activity.organizerId()),
                        correlationId,
                        correlationId,
                        new ActivityPublished(id, activity.facts())))
                .flatMap(event -> mongo.insert(scope, activity.withOutbox(Outbox.with(List.of(), event))))
                .doOnSuccess(saved -> relay.nudge(Activity.COLLECTION, saved.id()));
    }

    public Flux<Activity> find(TenantScope scope, String municipalityId, ActivityKind kind) {
        Criteria criteria = new Criteria();
        if (municipalityId != null) {
            criteria = criteria.and("municipalityId").is(municipalityId);
        }
        if (kind != null) {
            criteria = criteria.and("kind").is(kind);
        }
        return mongo.find(scope, Query.query(criteria).with(Sort.by("startsAt", "_id")), Activity.class);
    }

    public Mono<Activity> byId(TenantScope scope, String id) {
        return mongo.findById(scope, id, Activity.class);
    }
}
