package ru.msp.teacher.teacher;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
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
import reactor.core.publisher.Mono;
import ru.msp.contracts.DomainEvent;
import ru.msp.contracts.EventCatalog;
import ru.msp.contracts.EventScope;
import ru.msp.contracts.TargetGroup;
import ru.msp.contracts.teacher.TeacherDeparted;
import ru.msp.contracts.teacher.TeacherRegistered;
import ru.msp.contracts.teacher.TeacherTransferred;
import ru.msp.contracts.teacher.TeacherUpdated;
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
 * Registers, updates, transfers teachers and records their departure; each change and its event
 * ({@code TeacherRegistered}, {@code TeacherUpdated}, {@code TeacherTransferred}, {@code TeacherDeparted}) are one
 * document write.
 */
@Service
public class TeacherRegistry {

    private static final Logger log = LoggerFactory.getLogger(TeacherRegistry.class);
    static final String SOURCE = "/msp/teacher-service";
    static final int MAX_PAGE_SIZE = 200;
    private static final TenantScope SYSTEM = TenantScope.system("teacher-service");
    private static final Role[] WRITERS = {
        Role.REGIONAL_OPERATOR, Role.MUNICIPAL_OPERATOR, Role.METHODIST, Role.SCHOOL_SYSTEM
    };

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
        scope.require(WRITERS);
        // the field constraints, the date rules and the organisation's existence in one problem
        List<FieldProblem> problems = problems(registration, today());
        String organizationId = registration.organizationId();
        return organization(organizationId)
                .flatMap(found -> {
                    if (found.isEmpty() && !flagged(problems, "organizationId")) {
                        problems.add(0, new FieldProblem("organizationId", "no such organisation", organizationId));
                    }
                    if (!problems.isEmpty()) {
                        return Mono.error(RequestRejectedException.invalid(problems));
                    }
                    Organization organization = found.get();
                    scope.checkWrite(TenantKey.organization(
                            organization.regionId(), organization.municipalityId(), organizationId));
                    return externalIdFree(organizationId, blankToNull(registration.externalId()))
                            .then(CorrelationId.current())
                            .flatMap(correlationId ->
                                    mongo.insert(scope, newTeacher(organization, registration, correlationId)));
                })
                .onErrorMap(
                        DuplicateKeyException.class,
                        e -> RequestRejectedException.conflict("A teacher with externalId " + registration.externalId()
                                + " is already registered in organisation " + organizationId + "."))
                .doOnSuccess(saved -> {
                    log.info("Teacher {} registered in {}", saved.id(), saved.organizationId());
                    relay.nudge(Teacher.COLLECTION, saved.id());
                });
    }

    /**
     * Every broken field constraint and career rule of a registration on {@code today}; empty when it is valid. A rule
     * on a field that already breaks a constraint is not repeated.
     */
    List<FieldProblem> problems(TeacherRegistration registration, LocalDate today) {
        List<FieldProblem> problems = new ArrayList<>();
        for (ConstraintViolation<TeacherRegistration> violation : validator.validate(registration)) {
            problems.add(new FieldProblem(
                    violation.getPropertyPath().toString(), violation.getMessage(), violation.getInvalidValue()));
        }
        Set<String> flagged = new TreeSet<>();
        problems.forEach(problem -> flagged.add(problem.field()));
        career(registration).problems(today).stream()
                .filter(problem -> !flagged.contains(problem.field()))
                .filter(problem -> !(problem.field().equals("categoryDate") && flagged.contains("category")))
                .forEach(problems::add);
        return problems;
    }

    /** The organisation, whoever may see it; empty for a blank or unknown id. */
    Mono<Optional<Organization>> organization(String organizationId) {
        return organizationId == null || organizationId.isBlank()
                ? Mono.just(Optional.empty())
                : mongo.findById(SYSTEM, organizationId, Organization.class)
                        .map(Optional::of)
                        .defaultIfEmpty(Optional.empty());
    }

    /** A new teacher of the organisation carrying its {@code TeacherRegistered}; the registration is valid. */
    Teacher newTeacher(Organization organization, TeacherRegistration registration, String correlationId) {
        String id = "tch-" + UUID.randomUUID();
        Instant now = clock.instant();
        Teacher blank = new Teacher(
                id,
                organization.regionId(),
                organization.municipalityId(),
                organization.id(),
                id,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                List.of(),
                null,
                null,
                TeacherCareer.NO_CATEGORY,
                null,
                Set.of(),
                false,
                Set.of(),
                false,
                Teacher.ACTIVE,
                null,
                now,
                List.of(new Placement(
                        organization.regionId(),
                        organization.municipalityId(),
                        organization.id(),
                        LocalDate.ofInstant(now, ZoneOffset.UTC),
                        null)),
                List.of());
        Teacher teacher = withDetails(blank, registration);
        DomainEvent<TeacherRegistered> event = DomainEvent.create(
                SOURCE,
                EventCatalog.TEACHER_REGISTERED,
                scopeOf(teacher),
                correlationId,
                correlationId,
                new TeacherRegistered(id, teacher.facts()));
        return teacher.withOutbox(Outbox.with(List.of(), event));
    }

    /** The teacher with the names, externalId and facts of a valid registration; place and history unchanged. */
    static Teacher withDetails(Teacher t, TeacherRegistration r) {
        String externalId = blankToNull(r.externalId());
        String middleName = blankToNull(r.middleName());
        return new Teacher(
                t.id(),
                t.regionId(),
                t.municipalityId(),
                t.organizationId(),
                t.teacherId(),
                externalId,
                Teacher.externalKey(t.organizationId(), externalId),
                r.lastName().strip(),
                r.firstName().strip(),
                middleName,
                Teacher.normalise(r.lastName() + " " + r.firstName() + (middleName == null ? "" : " " + middleName)),
                r.position(),
                r.subjects() == null
                        ? List.of()
                        : r.subjects().stream().map(String::strip).distinct().toList(),
                r.birthDate(),
                r.pedagogicalStartDate(),
                r.category() == null ? TeacherCareer.NO_CATEGORY : r.category(),
                r.categoryDate(),
                r.targetGroups() == null ? Set.of() : new TreeSet<>(r.targetGroups()),
                Boolean.TRUE.equals(r.methodicalAsset()),
                r.expertKinds() == null ? Set.of() : new TreeSet<>(r.expertKinds()),
                Boolean.TRUE.equals(r.registryExpert()),
                t.status(),
                t.departedOn(),
                t.registeredAt(),
                t.placements(),
                t.outbox());
    }

    /**
     * {@code PUT}: replaces the names, externalId and facts with the same validation as a registration; the
     * organisation stays (a move is a transfer). {@code TeacherUpdated} is published when the facts changed; a
     * change of names only is stored without an event (events carry no names), and an identical body changes nothing.
     */
    public Mono<Teacher> update(TenantScope scope, String id, TeacherRegistration registration) {
        return byId(scope, id)
                .switchIfEmpty(Mono.error(() -> RequestRejectedException.notFound("Teacher " + id)))
                .flatMap(existing -> {
                    scope.require(WRITERS);
                    List<FieldProblem> problems = problems(registration, today());
                    if (!flagged(problems, "organizationId")
                            && !existing.organizationId().equals(registration.organizationId())) {
                        problems.add(new FieldProblem(
                                "organizationId",
                                "is " + existing.organizationId()
                                        + "; a move to another organisation is POST /api/teachers/{id}/transfer",
                                registration.organizationId()));
                    }
                    if (!problems.isEmpty()) {
                        return Mono.error(RequestRejectedException.invalid(problems));
                    }
                    scope.checkWrite(existing.tenantKey());
                    Teacher changed = withDetails(existing, registration);
                    if (changed.sameDetails(existing)) {
                        return Mono.just(existing);
                    }
                    Mono<Void> free = Objects.equals(changed.externalId(), existing.externalId())
                            ? Mono.empty()
                            : externalIdFree(existing.organizationId(), changed.externalId());
                    return free.then(CorrelationId.current())
                            .flatMap(correlationId -> applyDetails(scope, existing, changed, correlationId))
                            .switchIfEmpty(Mono.error(() -> RequestRejectedException.conflict(
                                    "Teacher " + id + " was moved meanwhile; read it again.")));
                })
                .onErrorMap(
                        DuplicateKeyException.class,
                        e -> RequestRejectedException.conflict("A teacher with externalId " + registration.externalId()
                                + " is already registered in organisation " + registration.organizationId() + "."));
    }

    /**
     * Writes the changed details of a teacher in one document write, with {@code TeacherUpdated} when the facts
     * changed. Empty when the teacher is no longer in {@code existing}'s organisation (moved meanwhile).
     */
    Mono<Teacher> applyDetails(TenantScope scope, Teacher existing, Teacher changed, String correlationId) {
        return applyDetails(scope, existing, changed, correlationId, true);
    }

    /** As above; {@code nudge} false leaves publishing to the caller (an import nudges in batches). */
    Mono<Teacher> applyDetails(
            TenantScope scope, Teacher existing, Teacher changed, String correlationId, boolean nudge) {
        Update update = new Update()
                .set("lastName", changed.lastName())
                .set("firstName", changed.firstName())
                .set("searchName", changed.searchName())
                .set("position", changed.position())
                .set("subjects", changed.subjects())
                .set("birthDate", changed.birthDate())
                .set("pedagogicalStartDate", changed.pedagogicalStartDate())
                .set("category", changed.category())
                .set("targetGroups", changed.targetGroups())
                .set("methodicalAsset", changed.methodicalAsset())
                .set("expertKinds", changed.expertKinds())
                .set("registryExpert", changed.registryExpert());
        setOrUnset(update, "middleName", changed.middleName());
        setOrUnset(update, "categoryDate", changed.categoryDate());
        setOrUnset(update, "externalId", changed.externalId());
        setOrUnset(update, "externalKey", changed.externalKey());
        boolean factsChanged = !changed.facts().equals(existing.facts());
        if (factsChanged) {
            Outbox.append(
                    update,
                    DomainEvent.create(
                            SOURCE,
                            EventCatalog.TEACHER_UPDATED,
                            scopeOf(existing),
                            correlationId,
                            correlationId,
                            new TeacherUpdated(existing.id(), changed.facts())));
        }
        return mongo.findAndModify(
                        scope,
                        existing.tenantKey(),
                        Query.query(Criteria.where("_id")
                                .is(existing.id())
                                .and("organizationId")
                                .is(existing.organizationId())),
                        update,
                        FindAndModifyOptions.options().returnNew(true),
                        Teacher.class)
                .doOnNext(saved -> {
                    if (factsChanged && nudge) {
                        relay.nudge(Teacher.COLLECTION, saved.id());
                    }
                });
    }

    /**
     * Moves an active teacher to another organisation from {@code date} (default today): the current placement ends
     * the day before, a new one starts, {@code TeacherTransferred} is published in the new organisation's scope. The
     * caller must see the teacher (404) and may change both the old and the new organisation (403); a move across
     * municipalities therefore needs a regional operator or an administrator.
     */
    public Mono<Teacher> transfer(TenantScope scope, String id, TeacherTransfer transfer) {
        List<FieldProblem> problems = new ArrayList<>();
        for (ConstraintViolation<TeacherTransfer> violation : validator.validate(transfer)) {
            problems.add(new FieldProblem(
                    violation.getPropertyPath().toString(), violation.getMessage(), violation.getInvalidValue()));
        }
        LocalDate today = today();
        LocalDate date = transfer.date() == null ? today : transfer.date();
        if (date.isAfter(today)) {
            problems.add(new FieldProblem("date", "must not be in the future", date));
        }
        String externalId = blankToNull(transfer.externalId());
        return byId(scope, id)
                .switchIfEmpty(Mono.error(() -> RequestRejectedException.notFound("Teacher " + id)))
                .flatMap(teacher -> {
                    scope.require(WRITERS);
                    return organization(transfer.organizationId()).flatMap(found -> {
                        if (!flagged(problems, "organizationId")) {
                            if (found.isEmpty()) {
                                problems.add(new FieldProblem(
                                        "organizationId", "no such organisation", transfer.organizationId()));
                            } else if (found.get().id().equals(teacher.organizationId())) {
                                problems.add(new FieldProblem(
                                        "organizationId",
                                        "the teacher already works there",
                                        transfer.organizationId()));
                            }
                        }
                        List<Placement> history = placements(teacher);
                        LocalDate currentFrom = history.get(history.size() - 1).from();
                        if (!flagged(problems, "date") && date.isBefore(currentFrom)) {
                            problems.add(new FieldProblem(
                                    "date",
                                    "must not be before " + currentFrom + ", the start in the current organisation",
                                    date));
                        }
                        if (!problems.isEmpty()) {
                            return Mono.error(RequestRejectedException.invalid(problems));
                        }
                        if (Teacher.DEPARTED.equals(teacher.status())) {
                            return Mono.error(RequestRejectedException.conflict(
                                    "Teacher " + id + " has departed and cannot be transferred."));
                        }
                        Organization target = found.get();
                        scope.checkWrite(teacher.tenantKey());
                        scope.checkWrite(
                                TenantKey.organization(target.regionId(), target.municipalityId(), target.id()));
                        List<Placement> next = new ArrayList<>(history.subList(0, history.size() - 1));
                        next.add(history.get(history.size() - 1).endedBefore(date));
                        next.add(new Placement(target.regionId(), target.municipalityId(), target.id(), date, null));
                        return externalIdFree(target.id(), externalId)
                                .then(CorrelationId.current())
                                .flatMap(correlationId -> {
                                    DomainEvent<TeacherTransferred> event = DomainEvent.create(
                                            SOURCE,
                                            EventCatalog.TEACHER_TRANSFERRED,
                                            new EventScope(target.regionId(), target.municipalityId(), target.id()),
                                            correlationId,
                                            correlationId,
                                            new TeacherTransferred(
                                                    id,
                                                    teacher.organizationId(),
                                                    target.id(),
                                                    target.municipalityId(),
                                                    date));
                                    Update update = new Update()
                                            .set("regionId", target.regionId())
                                            .set("municipalityId", target.municipalityId())
                                            .set("organizationId", target.id())
                                            .set("placements", next);
                                    setOrUnset(update, "externalId", externalId);
                                    setOrUnset(update, "externalKey", Teacher.externalKey(target.id(), externalId));
                                    return mongo.findAndModify(
                                            scope,
                                            teacher.tenantKey(),
                                            Query.query(Criteria.where("_id")
                                                    .is(id)
                                                    .and("organizationId")
                                                    .is(teacher.organizationId())
                                                    .and("status")
                                                    .is(Teacher.ACTIVE)),
                                            Outbox.append(update, event),
                                            FindAndModifyOptions.options().returnNew(true),
                                            Teacher.class);
                                })
                                .switchIfEmpty(Mono.error(() -> RequestRejectedException.conflict(
                                        "Teacher " + id + " was moved or departed meanwhile; read it again.")));
                    });
                })
                .onErrorMap(
                        DuplicateKeyException.class,
                        e -> RequestRejectedException.conflict("A teacher with externalId " + externalId
                                + " is already registered in organisation " + transfer.organizationId() + "."))
                .doOnSuccess(saved -> {
                    log.info("Teacher {} transferred to {}", id, saved.organizationId());
                    relay.nudge(Teacher.COLLECTION, id);
                });
    }

    /** The placements of a teacher; documents from before transfers get their one placement from registration. */
    static List<Placement> placements(Teacher teacher) {
        if (teacher.placements() != null && !teacher.placements().isEmpty()) {
            return teacher.placements();
        }
        return List.of(new Placement(
                teacher.regionId(),
                teacher.municipalityId(),
                teacher.organizationId(),
                LocalDate.ofInstant(teacher.registeredAt(), ZoneOffset.UTC),
                null));
    }

    /**
     * Soft departure: status DEPARTED from today, {@code TeacherDeparted} published. 404 when the caller cannot see
     * the teacher, 403 when they can but may not change them; a teacher already departed is returned unchanged.
     */
    public Mono<Teacher> depart(TenantScope scope, String id) {
        return byId(scope, id)
                .switchIfEmpty(Mono.error(() -> RequestRejectedException.notFound("Teacher " + id)))
                .flatMap(teacher -> {
                    scope.require(WRITERS);
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
     * One page of the teachers in scope matching every filter given, and how many match in all. {@code q} is a prefix
     * of the normalised full name (case-insensitive, ё = е); sorted by the normalised name ("last first middle", so by
     * last name, then first name), then id.
     */
    public Mono<TeacherPage> find(TenantScope scope, TeacherSearch search) {
        List<FieldProblem> problems = new ArrayList<>();
        if (search.page() < 0) {
            problems.add(new FieldProblem("page", "must be 0 or more", search.page()));
        }
        if (search.size() < 1 || search.size() > MAX_PAGE_SIZE) {
            problems.add(new FieldProblem("size", "must be 1 to " + MAX_PAGE_SIZE, search.size()));
        }
        String status = blankToNull(search.status());
        if (status != null && !Teacher.ACTIVE.equals(status) && !Teacher.DEPARTED.equals(status)) {
            problems.add(new FieldProblem("status", "must be ACTIVE or DEPARTED", status));
        }
        String position = blankToNull(search.position());
        if (position != null && !position.matches(TeacherRegistration.POSITIONS)) {
            problems.add(new FieldProblem("position", "must be one of " + TeacherRegistration.POSITIONS, position));
        }
        String targetGroup = blankToNull(search.targetGroup());
        if (targetGroup != null
                && Arrays.stream(TargetGroup.values()).noneMatch(g -> g.name().equals(targetGroup))) {
            problems.add(new FieldProblem(
                    "targetGroup", "must be one of " + Arrays.toString(TargetGroup.values()), targetGroup));
        }
        if (!problems.isEmpty()) {
            return Mono.error(RequestRejectedException.invalid(problems));
        }
        List<Criteria> filters = new ArrayList<>();
        if (status != null) {
            filters.add(Criteria.where("status").is(status));
        } else if (!search.includeDeparted()) {
            filters.add(Criteria.where("status").is(Teacher.ACTIVE));
        }
        if (blankToNull(search.organizationId()) != null) {
            filters.add(Criteria.where("organizationId").is(search.organizationId()));
        }
        if (blankToNull(search.municipalityId()) != null) {
            filters.add(Criteria.where("municipalityId").is(search.municipalityId()));
        }
        if (blankToNull(search.q()) != null) {
            filters.add(Criteria.where("searchName").regex("^" + escapeRegex(Teacher.normalise(search.q()))));
        }
        if (position != null) {
            filters.add(Criteria.where("position").is(position));
        }
        if (targetGroup != null) {
            filters.add(Criteria.where("targetGroups").is(targetGroup));
        }
        if (search.youngSpecialist() != null) {
            LocalDate asOf = search.asOf() == null ? today() : search.asOf();
            // the same bounds as TeacherCareer.youngSpecialist: under 35, started, fewer than 3 full years
            Criteria young = new Criteria()
                    .andOperator(
                            Criteria.where("birthDate").gt(asOf.minusYears(TeacherCareer.YOUNG_AGE_LIMIT)),
                            Criteria.where("pedagogicalStartDate").lte(asOf),
                            Criteria.where("pedagogicalStartDate")
                                    .gt(asOf.minusYears(TeacherCareer.YOUNG_EXPERIENCE_LIMIT)));
            filters.add(search.youngSpecialist() ? young : new Criteria().norOperator(young));
        }
        Criteria criteria = filters.isEmpty() ? new Criteria() : new Criteria().andOperator(filters);
        Query page = Query.query(criteria)
                .with(Sort.by("searchName").and(Sort.by("_id")))
                .skip((long) search.page() * search.size())
                .limit(search.size());
        return mongo.find(scope, page, Teacher.class)
                .collectList()
                .zipWith(mongo.count(scope, Query.query(criteria), Teacher.class))
                .map(found -> new TeacherPage(found.getT1(), found.getT2()));
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

    private static TeacherCareer career(TeacherRegistration r) {
        return new TeacherCareer(
                r.birthDate(),
                r.pedagogicalStartDate(),
                r.category() == null ? TeacherCareer.NO_CATEGORY : r.category(),
                r.categoryDate());
    }

    private static boolean flagged(List<FieldProblem> problems, String field) {
        return problems.stream().anyMatch(problem -> problem.field().equals(field));
    }

    private static void setOrUnset(Update update, String field, Object value) {
        if (value == null) {
            update.unset(field);
        } else {
            update.set(field, value);
        }
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
