package ru.msp.teacher.mentorship;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import ru.msp.contracts.DomainEvent;
import ru.msp.contracts.EventCatalog;
import ru.msp.contracts.EventScope;
import ru.msp.contracts.teacher.MentorshipEnded;
import ru.msp.contracts.teacher.MentorshipStarted;
import ru.msp.support.observability.CorrelationId;
import ru.msp.support.outbox.Outbox;
import ru.msp.support.outbox.OutboxRelay;
import ru.msp.support.problem.FieldProblem;
import ru.msp.support.problem.RequestRejectedException;
import ru.msp.support.tenancy.Role;
import ru.msp.support.tenancy.ScopedMongo;
import ru.msp.support.tenancy.TenantKey;
import ru.msp.support.tenancy.TenantScope;
import ru.msp.teacher.organization.Organization;
import ru.msp.teacher.teacher.Teacher;

/**
 * Mentoring pairs: starting ({@code MentorshipStarted}), ending ({@code MentorshipEnded}) and the log of their
 * sessions. Each change and its event are one document write.
 */
@Service
public class MentorshipRegistry {

    private static final Logger log = LoggerFactory.getLogger(MentorshipRegistry.class);
    static final String SOURCE = "/msp/teacher-service";
    /** Who may mentor in the MANAGER_TEACHER form. */
    static final Set<String> MANAGER_POSITIONS = Set.of("DIRECTOR", "DEPUTY_DIRECTOR");

    private static final TenantScope SYSTEM = TenantScope.system("teacher-service");
    private static final Role[] WRITERS = {
        Role.REGIONAL_OPERATOR, Role.MUNICIPAL_OPERATOR, Role.METHODIST, Role.SCHOOL_SYSTEM
    };

    private final ScopedMongo mongo;
    private final OutboxRelay relay;
    private final Validator validator;
    private final Clock clock = Clock.systemUTC();

    MentorshipRegistry(ScopedMongo mongo, OutboxRelay relay, Validator validator) {
        this.mongo = mongo;
        this.relay = relay;
        this.validator = validator;
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    /** Where the two sides of a pair belong: the teachers' organisations, or the organisations themselves. */
    private record Sides(TenantKey mentor, TenantKey mentee) {}

    /**
     * Starts a pair. Rejected with 400: a mentor mentoring themself (or a school itself), unknown teachers or
     * organisations, departed teachers, a MANAGER_TEACHER mentor who is no director or deputy, a start in the future, a
     * planned end before the start; with 403 when the caller may not change both sides; with 409 when the same pair is
     * already active in this form.
     */
    public Mono<Mentorship> start(TenantScope scope, MentorshipStart start) {
        scope.require(WRITERS);
        List<FieldProblem> problems = violations(start);
        LocalDate today = today();
        if (start.startDate() != null && start.startDate().isAfter(today)) {
            problems.add(new FieldProblem("startDate", "must not be in the future", start.startDate()));
        }
        if (start.startDate() != null
                && start.plannedEndDate() != null
                && start.plannedEndDate().isBefore(start.startDate())) {
            problems.add(new FieldProblem("plannedEndDate", "must not be before the start", start.plannedEndDate()));
        }
        boolean schools = Mentorship.SCHOOL_SCHOOL.equals(start.form());
        String mentorField = schools ? "mentorOrganizationId" : "mentorId";
        String menteeField = schools ? "menteeOrganizationId" : "menteeId";
        String mentorId = blankToNull(schools ? start.mentorOrganizationId() : start.mentorId());
        String menteeId = blankToNull(schools ? start.menteeOrganizationId() : start.menteeId());
        if (mentorId == null) {
            problems.add(FieldProblem.of(mentorField, "is required for the form " + start.form()));
        }
        if (menteeId == null) {
            problems.add(FieldProblem.of(menteeField, "is required for the form " + start.form()));
        }
        if (mentorId != null && mentorId.equals(menteeId)) {
            problems.add(new FieldProblem(
                    menteeField,
                    schools ? "a school cannot mentor itself" : "a mentor cannot mentor themself",
                    menteeId));
        }
        if (!problems.isEmpty()) {
            return Mono.error(RequestRejectedException.invalid(problems));
        }
        Mono<Sides> sides = schools ? organizations(mentorId, menteeId) : teachers(start.form(), mentorId, menteeId);
        return sides.flatMap(pair -> {
                    TenantKey mentee = pair.mentee();
                    scope.checkWrite(pair.mentor());
                    scope.checkWrite(mentee);
                    return mongo.count(
                                    SYSTEM,
                                    Query.query(Criteria.where("mentorId")
                                            .is(mentorId)
                                            .and("menteeId")
                                            .is(menteeId)
                                            .and("form")
                                            .is(start.form())
                                            .and("status")
                                            .is(Mentorship.ACTIVE)),
                                    Mentorship.class)
                            .flatMap(active -> active > 0
                                    ? Mono.error(RequestRejectedException.conflict(
                                            "This pair is already mentoring in the form " + start.form() + "."))
                                    : CorrelationId.current())
                            .flatMap(correlationId -> {
                                String id = "mnt-" + UUID.randomUUID();
                                DomainEvent<MentorshipStarted> event = DomainEvent.create(
                                        SOURCE,
                                        EventCatalog.MENTORSHIP_STARTED,
                                        new EventScope(
                                                mentee.regionId(), mentee.municipalityId(), mentee.organizationId()),
                                        correlationId,
                                        correlationId,
                                        new MentorshipStarted(
                                                id,
                                                mentorId,
                                                menteeId,
                                                start.form(),
                                                start.startDate(),
                                                start.plannedEndDate()));
                                Mentorship mentorship = new Mentorship(
                                        id,
                                        mentee.regionId(),
                                        mentee.municipalityId(),
                                        mentee.organizationId(),
                                        start.form(),
                                        mentorId,
                                        menteeId,
                                        pair.mentor().organizationId(),
                                        mentee.organizationId(),
                                        start.startDate(),
                                        start.plannedEndDate(),
                                        null,
                                        null,
                                        Mentorship.ACTIVE,
                                        List.of(),
                                        clock.instant(),
                                        Outbox.with(List.of(), event));
                                return mongo.insert(scope, mentorship);
                            });
                })
                .doOnSuccess(saved -> {
                    log.info("Mentorship {} ({}) started", saved.id(), saved.form());
                    relay.nudge(Mentorship.COLLECTION, saved.id());
                });
    }

    private Mono<Sides> teachers(String form, String mentorId, String menteeId) {
        return Mono.zip(teacher(mentorId), teacher(menteeId)).flatMap(found -> {
            List<FieldProblem> problems = new ArrayList<>();
            Optional<Teacher> mentor = found.getT1();
            Optional<Teacher> mentee = found.getT2();
            if (mentor.isEmpty()) {
                problems.add(new FieldProblem("mentorId", "no such teacher", mentorId));
            } else if (!Teacher.ACTIVE.equals(mentor.get().status())) {
                problems.add(new FieldProblem("mentorId", "has departed", mentorId));
            } else if (form.equals("MANAGER_TEACHER")
                    && !MANAGER_POSITIONS.contains(mentor.get().position())) {
                problems.add(new FieldProblem(
                        "mentorId", "must be a director or deputy director for MANAGER_TEACHER", mentorId));
            }
            if (mentee.isEmpty()) {
                problems.add(new FieldProblem("menteeId", "no such teacher", menteeId));
            } else if (!Teacher.ACTIVE.equals(mentee.get().status())) {
                problems.add(new FieldProblem("menteeId", "has departed", menteeId));
            }
            if (!problems.isEmpty()) {
                return Mono.error(RequestRejectedException.invalid(problems));
            }
            return Mono.just(new Sides(placeOf(mentor.get()), placeOf(mentee.get())));
        });
    }

    private Mono<Sides> organizations(String mentorId, String menteeId) {
        return Mono.zip(organization(mentorId), organization(menteeId)).flatMap(found -> {
            List<FieldProblem> problems = new ArrayList<>();
            if (found.getT1().isEmpty()) {
                problems.add(new FieldProblem("mentorOrganizationId", "no such organisation", mentorId));
            }
            if (found.getT2().isEmpty()) {
                problems.add(new FieldProblem("menteeOrganizationId", "no such organisation", menteeId));
            }
            if (!problems.isEmpty()) {
                return Mono.error(RequestRejectedException.invalid(problems));
            }
            return Mono.just(
                    new Sides(keyOf(found.getT1().get()), keyOf(found.getT2().get())));
        });
    }

    /** The organisation a teacher works in, as the key writes are checked against. */
    private static TenantKey placeOf(Teacher t) {
        return TenantKey.organization(t.regionId(), t.municipalityId(), t.organizationId());
    }

    private Mono<Optional<Teacher>> teacher(String id) {
        return mongo.findById(SYSTEM, id, Teacher.class).map(Optional::of).defaultIfEmpty(Optional.empty());
    }

    private Mono<Optional<Organization>> organization(String id) {
        return mongo.findById(SYSTEM, id, Organization.class).map(Optional::of).defaultIfEmpty(Optional.empty());
    }

    /** Ends an active pair ({@code MentorshipEnded}); 409 when it has ended already. */
    public Mono<Mentorship> end(TenantScope scope, String id, MentorshipEnd end) {
        return writable(scope, id).flatMap(mentorship -> {
            List<FieldProblem> problems = violations(end);
            LocalDate endDate = end.endDate() == null ? today() : end.endDate();
            if (endDate.isAfter(today())) {
                problems.add(new FieldProblem("endDate", "must not be in the future", endDate));
            } else if (endDate.isBefore(mentorship.startDate())) {
                problems.add(new FieldProblem("endDate", "must not be before the start", endDate));
            }
            if (!problems.isEmpty()) {
                return Mono.error(RequestRejectedException.invalid(problems));
            }
            if (!Mentorship.ACTIVE.equals(mentorship.status())) {
                return Mono.error(RequestRejectedException.conflict(
                        "Mentorship " + id + " ended on " + mentorship.endDate() + "."));
            }
            return CorrelationId.current().flatMap(correlationId -> {
                DomainEvent<MentorshipEnded> event = DomainEvent.create(
                        SOURCE,
                        EventCatalog.MENTORSHIP_ENDED,
                        new EventScope(mentorship.regionId(), mentorship.municipalityId(), mentorship.organizationId()),
                        correlationId,
                        correlationId,
                        new MentorshipEnded(id, endDate, end.outcome()));
                Update update = Outbox.append(
                        new Update()
                                .set("status", Mentorship.ENDED)
                                .set("endDate", endDate)
                                .set("outcome", end.outcome()),
                        event);
                return mongo.findAndModify(
                                scope,
                                mentorship.tenantKey(),
                                Query.query(Criteria.where("_id")
                                        .is(id)
                                        .and("status")
                                        .is(Mentorship.ACTIVE)),
                                update,
                                FindAndModifyOptions.options().returnNew(true),
                                Mentorship.class)
                        .switchIfEmpty(Mono.error(
                                () -> RequestRejectedException.conflict("Mentorship " + id + " ended meanwhile.")))
                        .doOnNext(saved -> relay.nudge(Mentorship.COLLECTION, id));
            });
        });
    }

    /** Adds a session to the log: dated from the start to the end (or today); no event. */
    public Mono<Mentorship> addSession(TenantScope scope, String id, SessionRecord session) {
        return writable(scope, id).flatMap(mentorship -> {
            List<FieldProblem> problems = violations(session);
            LocalDate last = mentorship.endDate() == null ? today() : mentorship.endDate();
            if (session.date() != null
                    && (session.date().isBefore(mentorship.startDate())
                            || session.date().isAfter(last))) {
                problems.add(new FieldProblem(
                        "date", "must be from " + mentorship.startDate() + " to " + last, session.date()));
            }
            if (!problems.isEmpty()) {
                return Mono.error(RequestRejectedException.invalid(problems));
            }
            Mentorship.Session entry = new Mentorship.Session(
                    session.date(),
                    session.topic().strip(),
                    session.durationMinutes(),
                    session.format(),
                    blankToNull(session.notes()));
            return mongo.findAndModify(
                    scope,
                    mentorship.tenantKey(),
                    Query.query(Criteria.where("_id").is(id)),
                    new Update().push("sessions", entry),
                    FindAndModifyOptions.options().returnNew(true),
                    Mentorship.class);
        });
    }

    /** 404 when the caller cannot see it, 403 when they may not change it. */
    private Mono<Mentorship> writable(TenantScope scope, String id) {
        return byId(scope, id)
                .switchIfEmpty(Mono.error(() -> RequestRejectedException.notFound("Mentorship " + id)))
                .doOnNext(mentorship -> {
                    scope.require(WRITERS);
                    scope.checkWrite(mentorship.tenantKey());
                });
    }

    /** The pairs in scope, filtered; newest start first, then id. */
    public Flux<Mentorship> find(
            TenantScope scope, String mentorId, String menteeId, String organizationId, String form, String status) {
        List<Criteria> filters = new ArrayList<>();
        if (blankToNull(mentorId) != null) {
            filters.add(Criteria.where("mentorId").is(mentorId));
        }
        if (blankToNull(menteeId) != null) {
            filters.add(Criteria.where("menteeId").is(menteeId));
        }
        if (blankToNull(organizationId) != null) {
            filters.add(new Criteria()
                    .orOperator(
                            Criteria.where("menteeOrganizationId").is(organizationId),
                            Criteria.where("mentorOrganizationId").is(organizationId)));
        }
        if (blankToNull(form) != null) {
            filters.add(Criteria.where("form").is(form));
        }
        if (blankToNull(status) != null) {
            filters.add(Criteria.where("status").is(status));
        }
        Criteria criteria = filters.isEmpty() ? new Criteria() : new Criteria().andOperator(filters);
        return mongo.find(
                scope,
                Query.query(criteria)
                        .with(Sort.by(Sort.Direction.DESC, "startDate").and(Sort.by("_id"))),
                Mentorship.class);
    }

    public Mono<Mentorship> byId(TenantScope scope, String id) {
        return mongo.findById(scope, id, Mentorship.class);
    }

    private <T> List<FieldProblem> violations(T body) {
        List<FieldProblem> problems = new ArrayList<>();
        for (ConstraintViolation<T> violation : validator.validate(body)) {
            problems.add(new FieldProblem(
                    violation.getPropertyPath().toString(), violation.getMessage(), violation.getInvalidValue()));
        }
        return problems;
    }

    private static TenantKey keyOf(Organization o) {
        return TenantKey.organization(o.regionId(), o.municipalityId(), o.id());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
