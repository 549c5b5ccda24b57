package ru.msp.activities.practice;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import ru.msp.activities.activity.ActivityPlanner;
import ru.msp.activities.teacher.AudienceMember;
import ru.msp.activities.teacher.TeacherDirectory;
import ru.msp.contracts.EventCatalog;
import ru.msp.contracts.EventScope;
import ru.msp.contracts.activities.PracticeApproved;
import ru.msp.support.outbox.Outbox;
import ru.msp.support.outbox.OutboxRelay;
import ru.msp.support.problem.FieldProblem;
import ru.msp.support.problem.RequestRejectedException;
import ru.msp.support.tenancy.Role;
import ru.msp.support.tenancy.ScopedMongo;
import ru.msp.support.tenancy.TenantScope;

/** The bank of practices: schools and methodists submit, the municipal methodical service approves. */
@Service
public class PracticeBank {

    private static final TenantScope SELF = TenantScope.system("events-service");

    private final ScopedMongo mongo;
    private final OutboxRelay relay;
    private final ActivityPlanner planner;
    private final TeacherDirectory directory;
    private final MeterRegistry meters;
    private final Clock clock = Clock.systemUTC();

    PracticeBank(
            ScopedMongo mongo,
            OutboxRelay relay,
            ActivityPlanner planner,
            TeacherDirectory directory,
            MeterRegistry meters) {
        this.meters = meters;
        this.mongo = mongo;
        this.relay = relay;
        this.planner = planner;
        this.directory = directory;
    }

    public Mono<Practice> submit(TenantScope scope, PracticeDraft draft) {
        scope.require(Role.SCHOOL_SYSTEM, Role.METHODIST, Role.MUNICIPAL_OPERATOR, Role.REGIONAL_OPERATOR);
        Practice practice = new Practice(
                UUID.randomUUID().toString(),
                draft.regionId(),
                draft.municipalityId(),
                draft.organizationId(),
                draft.title().strip(),
                List.copyOf(draft.authorTeacherIds()),
                List.copyOf(draft.competencyCodes()),
                draft.presentedLevel(),
                draft.materialsUrl(),
                draft.activityId(),
                "SUBMITTED",
                clock.instant(),
                null,
                List.of());
        scope.checkWrite(practice.tenantKey());
        Mono<Void> activityKnown = draft.activityId() == null
                ? Mono.empty()
                : planner.byId(scope, draft.activityId())
                        .switchIfEmpty(Mono.error(() -> RequestRejectedException.invalid(List.of(new FieldProblem(
                                "activityId", "no such activity in your territory", draft.activityId())))))
                        .then();
        return activityKnown.then(authorsKnown(draft.authorTeacherIds())).then(mongo.insert(scope, practice));
    }

    /** Approval enters the practice into the bank ({@code PracticeApproved}); approving again changes nothing. */
    public Mono<Practice> approve(TenantScope scope, String id) {
        scope.require(Role.METHODIST, Role.MUNICIPAL_OPERATOR, Role.REGIONAL_OPERATOR);
        return load(scope, id).flatMap(current -> {
            if ("APPROVED".equals(current.status())) {
                return Mono.just(current);
            }
            scope.checkWrite(current.tenantKey());
            return ActivityPlanner.event(
                            new EventScope(current.regionId(), current.municipalityId(), current.organizationId()),
                            EventCatalog.PRACTICE_APPROVED,
                            new PracticeApproved(
                                    id,
                                    current.organizationId(),
                                    current.authorTeacherIds(),
                                    current.competencyCodes(),
                                    current.presentedLevel(),
                                    current.activityId()))
                    .flatMap(event -> mongo.findAndModify(
                            scope,
                            current.tenantKey(),
                            query(where("_id").is(id).and("status").is("SUBMITTED")),
                            Outbox.append(
                                    new Update().set("status", "APPROVED").set("approvedAt", clock.instant()), event),
                            FindAndModifyOptions.options().returnNew(true),
                            Practice.class))
                    .doOnNext(saved -> {
                        relay.nudge(Practice.COLLECTION, id);
                        meters.counter("msp_practices_total", "status", "APPROVED")
                                .increment();
                    })
                    .switchIfEmpty(Mono.defer(() -> load(scope, id))); // approved meanwhile by someone else
        });
    }

    /** The bank within the caller's territory; teachers see approved practices only. */
    public Flux<Practice> search(TenantScope scope, String competency, String status, String organizationId) {
        Criteria criteria = new Criteria();
        if (competency != null) {
            criteria = criteria.and("competencyCodes").is(competency);
        }
        String wanted = approvedOnly(scope) ? "APPROVED" : status;
        if (wanted != null) {
            criteria = criteria.and("status").is(wanted);
        }
        if (organizationId != null) {
            criteria = criteria.and("organizationId").is(organizationId);
        }
        return mongo.find(scope, query(criteria).with(Sort.by("submittedAt", "_id")), Practice.class);
    }

    public Mono<Practice> one(TenantScope scope, String id) {
        return mongo.findById(scope, id, Practice.class)
                .filter(p -> !approvedOnly(scope) || "APPROVED".equals(p.status()))
                .switchIfEmpty(Mono.error(() -> RequestRejectedException.notFound("Practice " + id)));
    }

    private static boolean approvedOnly(TenantScope scope) {
        return scope.has(Role.TEACHER)
                && !scope.hasAny(
                        Role.ADMIN,
                        Role.SCHOOL_SYSTEM,
                        Role.METHODIST,
                        Role.MUNICIPAL_OPERATOR,
                        Role.REGIONAL_OPERATOR);
    }

    /** For writes: 404 when absent, 403 when another territory's. */
    private Mono<Practice> load(TenantScope scope, String id) {
        return mongo.findById(scope, id, Practice.class)
                .switchIfEmpty(Mono.defer(() -> mongo.findById(SELF, id, Practice.class)
                        .flatMap(other -> Mono.<Practice>error(new RequestRejectedException(
                                org.springframework.http.HttpStatus.FORBIDDEN,
                                "This practice belongs to another territory.",
                                List.of())))))
                .switchIfEmpty(Mono.error(() -> RequestRejectedException.notFound("Practice " + id)));
    }

    private Mono<Void> authorsKnown(List<String> authors) {
        return directory.byIds(authors).map(AudienceMember::id).collectList().flatMap(known -> {
            List<String> unknown =
                    authors.stream().filter(a -> !known.contains(a)).toList();
            if (unknown.isEmpty()) {
                return Mono.empty();
            }
            return Mono.error(RequestRejectedException.invalid(
                    List.of(new FieldProblem("authorTeacherIds", "unknown teachers", unknown))));
        });
    }
}
