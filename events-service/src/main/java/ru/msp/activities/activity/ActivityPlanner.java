package ru.msp.activities.activity;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import ru.msp.contracts.DomainEvent;
import ru.msp.contracts.EventCatalog;
import ru.msp.contracts.EventPayload;
import ru.msp.contracts.EventScope;
import ru.msp.contracts.EventType;
import ru.msp.contracts.activities.ActivityCancelled;
import ru.msp.contracts.activities.ActivityChanged;
import ru.msp.contracts.activities.ActivityPublished;
import ru.msp.support.observability.CorrelationId;
import ru.msp.support.outbox.Outbox;
import ru.msp.support.outbox.OutboxRelay;
import ru.msp.support.problem.FieldProblem;
import ru.msp.support.problem.RequestRejectedException;
import ru.msp.support.tenancy.Role;
import ru.msp.support.tenancy.ScopedMongo;
import ru.msp.support.tenancy.TenantScope;

/**
 * Plans activities and moves them through their lifecycle (draft → published → cancelled or finished). Each change
 * and the event it causes are one document write, conditional on the state it starts from.
 */
@Service
public class ActivityPlanner {

    public static final String SOURCE = "/msp/events-service";

    private static final Role[] PLANNERS = {
        Role.REGIONAL_OPERATOR, Role.MUNICIPAL_OPERATOR, Role.METHODIST, Role.SCHOOL_SYSTEM
    };

    private final ScopedMongo mongo;
    private final OutboxRelay relay;
    private final MeterRegistry meters;
    private final Clock clock = Clock.systemUTC();

    ActivityPlanner(ScopedMongo mongo, OutboxRelay relay, MeterRegistry meters) {
        this.mongo = mongo;
        this.relay = relay;
        this.meters = meters;
    }

    private void count(String status) {
        meters.counter("msp_activities_total", "status", status).increment();
    }

    /** Operators and methodists plan activities of their territory; a school system its own school-level ones. */
    public Mono<Activity> plan(TenantScope scope, ActivityDraft draft) {
        scope.require(PLANNERS);
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
                listOf(draft.competencyCodes()),
                draft.targetGroups() == null ? Set.of() : Set.copyOf(draft.targetGroups()),
                listOf(draft.positions()),
                draft.format(),
                draft.place(),
                draft.link(),
                draft.startsAt(),
                draft.endsAt(),
                draft.capacity(),
                draft.course(),
                listOf(draft.stages()),
                publish ? ActivityStatus.PUBLISHED : ActivityStatus.DRAFT,
                null,
                draft.capacity(),
                List.of(),
                List.of(),
                0,
                clock.instant(),
                List.of());
        if (!publish) {
            return mongo.insert(scope, activity).doOnNext(saved -> count("DRAFT"));
        }
        return event(activity, EventCatalog.ACTIVITY_PUBLISHED, new ActivityPublished(id, activity.facts()))
                .flatMap(event -> mongo.insert(scope, activity.withOutbox(Outbox.with(List.of(), event))))
                .doOnNext(saved -> {
                    relay.nudge(Activity.COLLECTION, saved.id());
                    count("PUBLISHED");
                });
    }

    /** A draft becomes visible to its audience ({@code ActivityPublished}, which also starts informing). */
    public Mono<Activity> publish(TenantScope scope, String id) {
        return transition(
                scope,
                id,
                ActivityStatus.DRAFT,
                ActivityStatus.PUBLISHED,
                null,
                activity ->
                        event(activity, EventCatalog.ACTIVITY_PUBLISHED, new ActivityPublished(id, activity.facts())));
    }

    /** A draft or published activity is called off; only a published one was announced, so only it emits. */
    public Mono<Activity> cancel(TenantScope scope, String id, String reason) {
        return load(scope, id).flatMap(activity -> {
            if (activity.status() == ActivityStatus.DRAFT) {
                return transition(scope, id, ActivityStatus.DRAFT, ActivityStatus.CANCELLED, reason, a -> Mono.empty());
            }
            return transition(
                    scope,
                    id,
                    ActivityStatus.PUBLISHED,
                    ActivityStatus.CANCELLED,
                    reason,
                    a -> event(a, EventCatalog.ACTIVITY_CANCELLED, new ActivityCancelled(id, reason)));
        });
    }

    /** A published activity took place; attendance, results and feedback may still come. */
    public Mono<Activity> finish(TenantScope scope, String id) {
        return transition(scope, id, ActivityStatus.PUBLISHED, ActivityStatus.FINISHED, null, a -> Mono.empty());
    }

    /**
     * Replaces what was planned. A published activity announces the change ({@code ActivityChanged}); a larger
     * capacity seats the first waitlisted teachers (their promotions come from the registration feature's events).
     */
    public Mono<Activity> change(TenantScope scope, String id, ActivityDraft draft, SeatEvents seatEvents) {
        scope.require(PLANNERS);
        List<FieldProblem> problems = new ArrayList<>(ActivityRules.check(draft));
        return load(scope, id).flatMap(current -> {
            if (!Objects.equals(current.regionId(), draft.regionId())
                    || !Objects.equals(current.municipalityId(), draft.municipalityId())) {
                problems.add(FieldProblem.of("municipalityId", "an activity cannot move to another territory"));
            }
            Seating.Release resized = null;
            try {
                resized = current.seating().resize(draft.capacity());
            } catch (IllegalArgumentException belowHeld) {
                problems.add(new FieldProblem("capacity", belowHeld.getMessage(), draft.capacity()));
            }
            if (!problems.isEmpty()) {
                return Mono.error(RequestRejectedException.invalid(problems));
            }
            if (current.status() != ActivityStatus.DRAFT && current.status() != ActivityStatus.PUBLISHED) {
                return Mono.error(conflict("A " + current.status() + " activity cannot change."));
            }
            Seating seating = resized.seating();
            Update update = new Update()
                    .set("organizerId", draft.organizerId())
                    .set("title", draft.title().strip())
                    .set("kind", draft.kind())
                    .set("level", draft.level())
                    .set("competencyCodes", listOf(draft.competencyCodes()))
                    .set("targetGroups", draft.targetGroups() == null ? Set.of() : Set.copyOf(draft.targetGroups()))
                    .set("positions", listOf(draft.positions()))
                    .set("format", draft.format())
                    .set("place", draft.place())
                    .set("link", draft.link())
                    .set("startsAt", draft.startsAt())
                    .set("endsAt", draft.endsAt())
                    .set("capacity", draft.capacity())
                    .set("course", draft.course())
                    .set("stages", listOf(draft.stages()))
                    .set("seatsLeft", seating.storedSeatsLeft())
                    .set("registered", seating.registered())
                    .set("waitlist", seating.waitlist())
                    .inc("version", 1);
            Activity preview = changed(current, draft);
            List<Mono<DomainEvent<?>>> events = new ArrayList<>();
            if (current.status() == ActivityStatus.PUBLISHED) {
                events.add(event(preview, EventCatalog.ACTIVITY_CHANGED, new ActivityChanged(id, preview.facts())));
            }
            events.addAll(seatEvents.promoted(preview, resized.promoted(), seating.seatsLeft()));
            return Flux.concat(events).collectList().flatMap(pending -> {
                if (!pending.isEmpty()) {
                    Outbox.append(update, pending.toArray(DomainEvent[]::new));
                }
                // compare-and-set on the version: a registration in between makes this write miss, and the client
                // retries
                Query unchanged = query(where("_id").is(id).and("version").is(current.version()));
                return write(scope, current, unchanged, update)
                        .doOnNext(saved -> count("CHANGED"))
                        .switchIfEmpty(Mono.error(() -> conflict("The activity changed meanwhile; retry.")));
            });
        });
    }

    /** Builds the promotion events of a resize; the registration feature supplies it. */
    public interface SeatEvents {
        List<Mono<DomainEvent<?>>> promoted(Activity activity, List<String> teacherIds, int seatsLeft);
    }

    private Mono<Activity> transition(
            TenantScope scope,
            String id,
            ActivityStatus from,
            ActivityStatus to,
            String reason,
            Function<Activity, Mono<DomainEvent<?>>> eventOf) {
        scope.require(PLANNERS);
        return load(scope, id).flatMap(current -> {
            if (current.status() != from) {
                return Mono.error(conflict("A " + current.status() + " activity cannot become " + to + "."));
            }
            Update update = new Update().set("status", to).inc("version", 1);
            if (reason != null) {
                update.set("cancelReason", reason);
            }
            return eventOf.apply(current)
                    .map(event -> Outbox.append(update, event))
                    .defaultIfEmpty(update)
                    .flatMap(u -> write(
                            scope,
                            current,
                            query(where("_id").is(id).and("status").is(from)),
                            u))
                    .switchIfEmpty(Mono.error(() -> conflict("The activity changed meanwhile; retry.")));
        });
    }

    private Mono<Activity> write(TenantScope scope, Activity current, Query query, Update update) {
        return mongo.findAndModify(
                        scope,
                        current.tenantKey(),
                        query,
                        update,
                        FindAndModifyOptions.options().returnNew(true),
                        Activity.class)
                .doOnNext(saved -> relay.nudge(Activity.COLLECTION, saved.id()));
    }

    /** The activity in the caller's scope: 404 when it does not exist, 403 when it is another territory's. */
    public Mono<Activity> load(TenantScope scope, String id) {
        return mongo.findById(scope, id, Activity.class)
                .switchIfEmpty(Mono.defer(() -> mongo.findById(TenantScope.system("events-service"), id, Activity.class)
                        .flatMap(other -> Mono.<Activity>error(new RequestRejectedException(
                                HttpStatus.FORBIDDEN, "This activity belongs to another territory.", List.of())))))
                .switchIfEmpty(Mono.error(() -> RequestRejectedException.notFound("Activity " + id)));
    }

    public static <P extends EventPayload> Mono<DomainEvent<?>> event(Activity activity, EventType<P> type, P data) {
        return event(
                new EventScope(activity.regionId(), activity.municipalityId(), activity.organizerId()), type, data);
    }

    public static <P extends EventPayload> Mono<DomainEvent<?>> event(EventScope scope, EventType<P> type, P data) {
        return CorrelationId.current()
                .defaultIfEmpty("")
                .map(correlationId -> DomainEvent.create(
                        SOURCE,
                        type,
                        scope,
                        correlationId.isEmpty() ? null : correlationId,
                        correlationId.isEmpty() ? null : correlationId,
                        data));
    }

    public static RequestRejectedException conflict(String detail) {
        return RequestRejectedException.conflict(detail);
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

    /** The activity in the caller's scope for reading: 404 when absent or out of scope alike. */
    public Mono<Activity> read(TenantScope scope, String id) {
        return byId(scope, id).switchIfEmpty(Mono.error(() -> RequestRejectedException.notFound("Activity " + id)));
    }

    private static Activity changed(Activity a, ActivityDraft d) {
        return new Activity(
                a.id(),
                a.regionId(),
                a.municipalityId(),
                d.organizerId(),
                d.title().strip(),
                d.kind(),
                d.level(),
                listOf(d.competencyCodes()),
                d.targetGroups() == null ? Set.of() : Set.copyOf(d.targetGroups()),
                listOf(d.positions()),
                d.format(),
                d.place(),
                d.link(),
                d.startsAt(),
                d.endsAt(),
                d.capacity(),
                d.course(),
                listOf(d.stages()),
                a.status(),
                a.cancelReason(),
                a.seatsLeft(),
                a.registered(),
                a.waitlist(),
                a.version(),
                a.createdAt(),
                a.outbox());
    }

    private static <T> List<T> listOf(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }
}
