package ru.msp.teacher.teacher;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
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
import ru.msp.contracts.teacher.TeacherDeparted;
import ru.msp.contracts.teacher.TeacherRegistered;
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

/**
 * Registers teachers and records their departure; each change and its event ({@code TeacherRegistered},
 * {@code TeacherDeparted}) are one document write.
 */
@Service
public class TeacherRegistry {

    private static final Logger log = LoggerFactory.getLogger(TeacherRegistry.class);
    static final String SOURCE = "/msp/teacher-service";
    static final int MAX_PAGE_SIZE = 200;
    private static final TenantScope SYSTEM = TenantScope.system("teacher-service");

    private final ScopedMongo mongo;
    private final OutboxRelay relay;
    private final Validator validator;
    private final Clock clock;

    TeacherRegistry(ScopedMongo mongo, OutboxRelay relay, Validator validator) {
        this.mongo = mongo;
        this.relay = relay;
        this.validator = validator;
        this.clock = Clock.systemUTC();
    }

    /** Today, the date derived values and departures are computed for. */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /**
     * An administrator, the regional operator, municipal operator or methodist of the organisation's territory, or the
     * school system of the organisation. The region and municipality are the organisation's.
     */
    public Mono<Teacher> register(TenantScope scope, TeacherRegistration registration) {
        scope.require(Role.REGIONAL_OPERATOR, Role.MUNICIPAL_OPERATOR, Role.METHODIST, Role.SCHOOL_SYSTEM);
        // the field constraints, the date rules and the organisation's existence in one problem
        List<FieldProblem> problems = new ArrayList<>();
        for (ConstraintViolation<TeacherRegistration> violation : validator.validate(registration)) {
            problems.add(new FieldProblem(
                    violation.getPropertyPath().toString(), violation.getMessage(), violation.getInvalidValue()));
        }
        String organizationId = registration.organizationId();
        String category = registration.category() == null ? TeacherCareer.NO_CATEGORY : registration.category();
        TeacherCareer career = new TeacherCareer(
                registration.birthDate(), registration.pedagogicalStartDate(), category, registration.categoryDate());
        LocalDate today = today();
        Set<String> flagged = new TreeSet<>();
        problems.forEach(problem -> flagged.add(problem.field()));
        career.problems(today).stream()
                .filter(problem -> !flagged.contains(problem.field()))
                .filter(problem -> !(problem.field().equals("categoryDate") && flagged.contains("category")))
                .forEach(problems::add);
        String externalId = blankToNull(registration.externalId());
        String id = "tch-" + UUID.randomUUID();
        Mono<Optional<Organization>> lookup = organizationId == null || organizationId.isBlank()
                ? Mono.just(Optional.empty())
                : mongo.findById(SYSTEM, organizationId, Organization.class)
                        .map(Optional::of)
                        .defaultIfEmpty(Optional.empty());
        return lookup.flatMap(found -> {
                    if (found.isEmpty() && !flagged.contains("organizationId")) {
                        problems.add(0, new FieldProblem("organizationId", "no such organisation", organizationId));
                    }
                    if (!problems.isEmpty()) {
                        return Mono.error(RequestRejectedException.invalid(problems));
                    }
                    Organization organization = found.get();
                    scope.checkWrite(TenantKey.organization(
                            organization.regionId(), organization.municipalityId(), organizationId));
                    return externalIdFree(organizationId, externalId).thenReturn(organization);
                })
                .flatMap(organization -> CorrelationId.current().flatMap(correlationId -> {
                    Teacher teacher = new Teacher(
                            id,
                            organization.regionId(),
                            organization.municipalityId(),
                            organizationId,
                            id,
                            externalId,
                            registration.lastName().strip(),
                            registration.firstName().strip(),
                            blankToNull(registration.middleName()),
                            searchName(registration),
                            registration.position(),
                            registration.subjects() == null
                                    ? List.of()
                                    : registration.subjects().stream()
                                            .map(String::strip)
                                            .distinct()
                                            .toList(),
                            registration.birthDate(),
                            registration.pedagogicalStartDate(),
                            category,
                            registration.categoryDate(),
                            registration.targetGroups() == null ? Set.of() : new TreeSet<>(registration.targetGroups()),
                            Boolean.TRUE.equals(registration.methodicalAsset()),
                            registration.expertKinds() == null ? Set.of() : new TreeSet<>(registration.expertKinds()),
                            Boolean.TRUE.equals(registration.registryExpert()),
                            Teacher.ACTIVE,
                            null,
                            clock.instant(),
                            List.of());
                    DomainEvent<TeacherRegistered> event = DomainEvent.create(
                            SOURCE,
                            EventCatalog.TEACHER_REGISTERED,
                            scopeOf(teacher),
                            correlationId,
                            correlationId,
                            new TeacherRegistered(id, teacher.facts()));
                    return mongo.insert(scope, teacher.withOutbox(Outbox.with(List.of(), event)));
                }))
                .onErrorMap(
                        DuplicateKeyException.class,
                        e -> RequestRejectedException.conflict("Teacher " + id + " is already registered."))
                .doOnSuccess(saved -> {
                    log.info("Teacher {} registered in {}", saved.id(), saved.organizationId());
                    relay.nudge(Teacher.COLLECTION, saved.id());
                });
    }

    /**
     * Soft departure: status DEPARTED from today, {@code TeacherDeparted} published. 404 when the caller cannot see
     * the teacher, 403 when they can but may not change them; a teacher already departed is returned unchanged.
     */
    public Mono<Teacher> depart(TenantScope scope, String id) {
        return byId(scope, id)
                .switchIfEmpty(Mono.error(() -> RequestRejectedException.notFound("Teacher " + id)))
                .flatMap(teacher -> {
                    scope.require(Role.REGIONAL_OPERATOR, Role.MUNICIPAL_OPERATOR, Role.METHODIST, Role.SCHOOL_SYSTEM);
                    if (Teacher.DEPARTED.equals(teacher.status())) {
                        return Mono.just(teacher);
                    }
                    LocalDate today = today();
                    return CorrelationId.current().flatMap(correlationId -> {
                        DomainEvent<TeacherDeparted> event = DomainEvent.create(
                                SOURCE,
                                EventCatalog.TEACHER_DEPARTED,
                                scopeOf(teacher),
                                correlationId,
                                correlationId,
                                new TeacherDeparted(id, teacher.organizationId(), today));
                        Update update = Outbox.append(
                                new Update().set("status", Teacher.DEPARTED).set("departedOn", today), event);
                        return mongo.findAndModify(
                                        scope,
                                        teacher.tenantKey(),
                                        Query.query(Criteria.where("_id")
                                                .is(id)
                                                .and("status")
                                                .is(Teacher.ACTIVE)),
                                        update,
                                        FindAndModifyOptions.options().returnNew(true),
                                        Teacher.class)
                                .doOnNext(saved -> {
                                    log.info("Teacher {} departed from {}", id, saved.organizationId());
                                    relay.nudge(Teacher.COLLECTION, id);
                                })
                                // departed meanwhile by another request: that one published the event
                                .switchIfEmpty(Mono.defer(() -> byId(scope, id)));
                    });
                });
    }

    /**
     * The teachers in scope, optionally of one organisation or municipality, whose name starts with {@code q}
     * (case-insensitive, ё = е); sorted by {@code searchName} then id, one page.
     */
    public Flux<Teacher> find(
            TenantScope scope,
            String organizationId,
            String municipalityId,
            String q,
            String status,
            int page,
            int size) {
        List<FieldProblem> problems = new ArrayList<>();
        if (page < 0) {
            problems.add(new FieldProblem("page", "must be 0 or more", page));
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            problems.add(new FieldProblem("size", "must be 1 to " + MAX_PAGE_SIZE, size));
        }
        if (status != null && !status.isBlank() && !Teacher.ACTIVE.equals(status) && !Teacher.DEPARTED.equals(status)) {
            problems.add(new FieldProblem("status", "must be ACTIVE or DEPARTED", status));
        }
        if (!problems.isEmpty()) {
            return Flux.error(RequestRejectedException.invalid(problems));
        }
        Criteria criteria = Criteria.where("status").is(status == null || status.isBlank() ? Teacher.ACTIVE : status);
        if (organizationId != null && !organizationId.isBlank()) {
            criteria = criteria.and("organizationId").is(organizationId);
        }
        if (municipalityId != null && !municipalityId.isBlank()) {
            criteria = criteria.and("municipalityId").is(municipalityId);
        }
        if (q != null && !q.isBlank()) {
            criteria = criteria.and("searchName").regex("^" + escapeRegex(Teacher.normalise(q)));
        }
        Query query = Query.query(criteria)
                .with(Sort.by("searchName").and(Sort.by("_id")))
                .skip((long) page * size)
                .limit(size);
        return mongo.find(scope, query, Teacher.class);
    }

    public Mono<Teacher> byId(TenantScope scope, String id) {
        return mongo.findById(scope, id, Teacher.class);
    }

    private Mono<Void> externalIdFree(String organizationId, String externalId) {
        if (externalId == null) {
            return Mono.empty();
        }
        return mongo.count(
                        SYSTEM,
                        Query.query(Criteria.where("organizationId")
                                .is(organizationId)
                                .and("externalId")
                                .is(externalId)),
                        Teacher.class)
                .flatMap(count -> count > 0
                        ? Mono.error(RequestRejectedException.conflict("A teacher with externalId " + externalId
                                + " is already registered in organisation " + organizationId + "."))
                        : Mono.empty());
    }

    private static EventScope scopeOf(Teacher teacher) {
        return new EventScope(teacher.regionId(), teacher.municipalityId(), teacher.organizationId());
    }

    private static String searchName(TeacherRegistration r) {
        String full = r.lastName() + " " + r.firstName() + (r.middleName() == null ? "" : " " + r.middleName());
        return Teacher.normalise(full);
    }

    private static String escapeRegex(String text) {
        StringBuilder escaped = new StringBuilder();
        for (char c : text.toCharArray()) {
            if ("\\^$.|?*+()[]{}-/".indexOf(c) >= 0) {
                escaped.append('\\');
            }
            escaped.append(c);
        }
        return escaped.toString();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
