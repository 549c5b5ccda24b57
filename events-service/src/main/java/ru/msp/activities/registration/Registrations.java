package ru.msp.activities.registration;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import ru.msp.activities.activity.Activity;
import ru.msp.activities.activity.ActivityPlanner;
import ru.msp.activities.activity.ActivityStatus;
import ru.msp.activities.activity.Seating;
import ru.msp.activities.teacher.AudienceMember;
import ru.msp.activities.teacher.TeacherDirectory;
import ru.msp.contracts.DomainEvent;
import ru.msp.contracts.EventCatalog;
import ru.msp.contracts.EventScope;
import ru.msp.contracts.activities.RegistrationRecorded;
import ru.msp.support.outbox.Outbox;
import ru.msp.support.outbox.OutboxRelay;
import ru.msp.support.problem.FieldProblem;
import ru.msp.support.problem.RequestRejectedException;
import ru.msp.support.tenancy.Role;
import ru.msp.support.tenancy.ScopedMongo;
import ru.msp.support.tenancy.TenantScope;

/**
 * Registrations live in the activity document (who holds a seat, who waits), so taking a seat and its
 * {@code RegistrationRecorded} event are one write: a compare-and-set on the activity's version. Of two concurrent
 * requests for the last seat one write wins; the other misses, re-reads and lands on the waitlist.
 */
@Service
public class Registrations implements ActivityPlanner.SeatEvents {

    private static final int ATTEMPTS = 50;
    private static final Role[] MAY_REGISTER = {
        Role.TEACHER, Role.SCHOOL_SYSTEM, Role.METHODIST, Role.MUNICIPAL_OPERATOR, Role.REGIONAL_OPERATOR
    };

    private final ScopedMongo mongo;
    private final OutboxRelay relay;
    private final ActivityPlanner planner;
    private final TeacherDirectory directory;
    private final MeterRegistry meters;

    Registrations(
            ScopedMongo mongo,
            OutboxRelay relay,
            ActivityPlanner planner,
            TeacherDirectory directory,
            MeterRegistry meters) {
        this.mongo = mongo;
        this.relay = relay;
        this.planner = planner;
        this.directory = directory;
        this.meters = meters;
    }

    /** One teacher's place at an activity; {@code changed} is false when the request repeated an earlier one. */
    public record Outcome(RegistrationView registration, boolean changed) {}

    public Mono<Outcome> register(TenantScope scope, String activityId, String teacherId) {
        scope.require(MAY_REGISTER);
        return participant(scope, teacherId)
                .flatMap(teacher -> attempt(
                        scope,
                        activityId,
                        teacher,
                        seating -> {
                            Seating.Registration r = seating.register(teacherId);
                            return new Step(r.seating(), r.changed(), r.status(), List.of());
                        },
                        1));
    }

    public Mono<Outcome> withdraw(TenantScope scope, String activityId, String teacherId) {
        scope.require(MAY_REGISTER);
        return participant(scope, teacherId)
                .flatMap(teacher -> attempt(
                        scope,
                        activityId,
                        teacher,
                        seating -> {
                            if (seating.statusOf(teacherId) == null) {
                                throw RequestRejectedException.notFound("Registration of " + teacherId);
                            }
                            Seating.Release r = seating.withdraw(teacherId);
                            return new Step(r.seating(), r.changed(), "WITHDRAWN", r.promoted());
                        },
                        1));
    }

    public Flux<RegistrationView> list(TenantScope scope, String activityId) {
        return planner.read(scope, activityId).flatMapMany(activity -> {
            Seating seating = activity.seating();
            List<RegistrationView> all = new ArrayList<>();
            seating.registered().forEach(t -> all.add(new RegistrationView(activityId, t, "REGISTERED", null)));
            for (int i = 0; i < seating.waitlist().size(); i++) {
                all.add(new RegistrationView(activityId, seating.waitlist().get(i), "WAITLISTED", i + 1));
            }
            // a teacher sees their own place only; other teachers' participation is not theirs to read
            boolean self = scope.has(Role.TEACHER) && !scope.hasAny(MAY_REGISTER_OTHERS) && !scope.system();
            return Flux.fromIterable(all).filter(r -> !self || r.teacherId().equals(scope.teacherId()));
        });
    }

    private static final Role[] MAY_REGISTER_OTHERS = {
        Role.ADMIN, Role.SCHOOL_SYSTEM, Role.METHODIST, Role.MUNICIPAL_OPERATOR, Role.REGIONAL_OPERATOR
    };

    private record Step(Seating seating, boolean changed, String status, List<String> promoted) {}

    private Mono<Outcome> attempt(
            TenantScope scope, String activityId, AudienceMember teacher, Function<Seating, Step> decide, int n) {
        return planner.load(scope, activityId).flatMap(activity -> {
            if (activity.status() != ActivityStatus.PUBLISHED) {
                return Mono.error(ActivityPlanner.conflict(
                        "Registration is open for published activities; this one is " + activity.status() + "."));
            }
            Step step = decide.apply(activity.seating());
            String teacherId = teacher.id();
            if (!step.changed()) {
                return Mono.just(new Outcome(view(activityId, teacherId, step.seating()), false));
            }
            int seatsLeft = step.seating().seatsLeft();
            List<Mono<DomainEvent<?>>> events = new ArrayList<>();
            events.add(event(teacher, new RegistrationRecorded(activityId, teacherId, step.status(), seatsLeft)));
            events.addAll(promoted(activity, step.promoted(), seatsLeft));
            return Flux.concat(events).collectList().flatMap(pending -> {
                Update update = new Update()
                        .set("registered", step.seating().registered())
                        .set("waitlist", step.seating().waitlist())
                        .set("seatsLeft", step.seating().storedSeatsLeft())
                        .inc("version", 1);
                Outbox.append(update, pending.toArray(DomainEvent[]::new));
                return mongo.findAndModify(
                                scope,
                                teacher.tenantKey(),
                                query(where("_id")
                                        .is(activityId)
                                        .and("version")
                                        .is(activity.version())
                                        .and("status")
                                        .is(ActivityStatus.PUBLISHED)),
                                update,
                                FindAndModifyOptions.options().returnNew(true),
                                Activity.class)
                        .map(saved -> {
                            relay.nudge(Activity.COLLECTION, activityId);
                            count(step.status());
                            step.promoted().forEach(p -> count("PROMOTED"));
                            String shown = "WITHDRAWN".equals(step.status()) ? "WITHDRAWN" : null;
                            RegistrationView v = shown == null
                                    ? view(activityId, teacherId, saved.seating())
                                    : new RegistrationView(activityId, teacherId, shown, null);
                            return new Outcome(v, true);
                        })
                        .switchIfEmpty(Mono.defer(() -> {
                            if (n >= ATTEMPTS) {
                                return Mono.error(ActivityPlanner.conflict("The activity is busy; retry."));
                            }
                            return attempt(scope, activityId, teacher, decide, n + 1); // someone else wrote first
                        }));
            });
        });
    }

    /** {@code PROMOTED} events for waitlisted teachers who got a seat (on a withdrawal or a larger capacity). */
    @Override
    public List<Mono<DomainEvent<?>>> promoted(Activity activity, List<String> teacherIds, int seatsLeft) {
        if (teacherIds.isEmpty()) {
            return List.of();
        }
        Mono<Map<String, AudienceMember>> known =
                directory.byIds(teacherIds).collectMap(AudienceMember::id).cache();
        return teacherIds.stream()
                .map(t -> known.flatMap(members -> {
                    AudienceMember m = members.get(t);
                    EventScope scope = m == null
                            ? new EventScope(activity.regionId(), activity.municipalityId(), null)
                            : new EventScope(m.regionId(), m.municipalityId(), m.organizationId());
                    return ActivityPlanner.event(
                            scope,
                            EventCatalog.REGISTRATION_RECORDED,
                            new RegistrationRecorded(activity.id(), t, "PROMOTED", seatsLeft));
                }))
                .collect(Collectors.toList());
    }

    /**
     * The teacher as the read model knows them, if the caller may act for them: a teacher for themself, a school
     * system for its staff, an operator within their territory. Unknown or departed teachers are a field problem.
     */
    private Mono<AudienceMember> participant(TenantScope scope, String teacherId) {
        if (teacherId == null || teacherId.isBlank()) {
            return Mono.error(RequestRejectedException.invalid(List.of(FieldProblem.of("teacherId", "required"))));
        }
        return directory
                .byId(teacherId)
                .filter(AudienceMember::active)
                .switchIfEmpty(Mono.error(() -> RequestRejectedException.invalid(
                        List.of(new FieldProblem("teacherId", "no active teacher with this id is known", teacherId)))))
                .doOnNext(t -> {
                    if (!scope.mayWrite(t.tenantKey())) {
                        throw new RequestRejectedException(
                                HttpStatus.FORBIDDEN, "You may not act for this teacher.", List.of());
                    }
                });
    }

    private static Mono<DomainEvent<?>> event(AudienceMember teacher, RegistrationRecorded data) {
        return ActivityPlanner.event(
                new EventScope(teacher.regionId(), teacher.municipalityId(), teacher.organizationId()),
                EventCatalog.REGISTRATION_RECORDED,
                data);
    }

    private static RegistrationView view(String activityId, String teacherId, Seating seating) {
        String status = seating.statusOf(teacherId);
        Integer position = "WAITLISTED".equals(status) ? seating.waitlist().indexOf(teacherId) + 1 : null;
        return new RegistrationView(activityId, teacherId, status, position);
    }

    private void count(String status) {
        meters.counter("msp_registrations_total", "status", status).increment();
    }
}
