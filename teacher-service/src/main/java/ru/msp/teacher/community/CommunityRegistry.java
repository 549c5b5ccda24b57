package ru.msp.teacher.community;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
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
import ru.msp.contracts.teacher.MembershipChanged;
import ru.msp.support.observability.CorrelationId;
import ru.msp.support.outbox.Outbox;
import ru.msp.support.outbox.OutboxRelay;
import ru.msp.support.problem.FieldProblem;
import ru.msp.support.problem.RequestRejectedException;
import ru.msp.support.tenancy.Role;
import ru.msp.support.tenancy.ScopedMongo;
import ru.msp.support.tenancy.TenantKey;
import ru.msp.support.tenancy.TenantScope;
import ru.msp.teacher.municipality.Municipality;
import ru.msp.teacher.organization.Organization;
import ru.msp.teacher.region.Region;
import ru.msp.teacher.teacher.Teacher;

/**
 * Communities and methodical associations and their members. Joining and leaving are one document write each, with
 * {@code MembershipChanged} (scope: the teacher's organisation) in the community's outbox.
 */
@Service
public class CommunityRegistry {

    private static final Logger log = LoggerFactory.getLogger(CommunityRegistry.class);
    static final String SOURCE = "/msp/teacher-service";
    static final String JOINED = "JOINED";
    static final String LEFT = "LEFT";
    private static final TenantScope SYSTEM = TenantScope.system("teacher-service");
    private static final Role[] WRITERS = {
        Role.REGIONAL_OPERATOR, Role.MUNICIPAL_OPERATOR, Role.METHODIST, Role.SCHOOL_SYSTEM
    };

    private final ScopedMongo mongo;
    private final OutboxRelay relay;
    private final Validator validator;
    private final Clock clock = Clock.systemUTC();

    CommunityRegistry(ScopedMongo mongo, OutboxRelay relay, Validator validator) {
        this.mongo = mongo;
        this.relay = relay;
        this.validator = validator;
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    /** Where a new community belongs. */
    private record Territory(String regionId, String municipalityId, String organizationId) {}

    /**
     * Creates a community at its level's territory; the caller must be able to change that territory (403). An
     * unknown organisation, municipality, region or leader is a 400 problem on that field.
     */
    public Mono<Community> register(TenantScope scope, CommunityRegistration registration) {
        scope.require(WRITERS);
        List<FieldProblem> problems = new ArrayList<>();
        for (ConstraintViolation<CommunityRegistration> violation : validator.validate(registration)) {
            problems.add(new FieldProblem(
                    violation.getPropertyPath().toString(), violation.getMessage(), violation.getInvalidValue()));
        }
        if (!problems.isEmpty()) {
            return Mono.error(RequestRejectedException.invalid(problems));
        }
        String id = "com-" + UUID.randomUUID();
        return territory(registration)
                .flatMap(territory -> leaderProblem(registration.leaderTeacherId(), territory)
                        .flatMap(leader -> leader.map(problem ->
                                        Mono.<Community>error(RequestRejectedException.invalid(List.of(problem))))
                                .orElseGet(() -> {
                                    TenantKey owner = new TenantKey(
                                            territory.regionId(),
                                            territory.municipalityId(),
                                            territory.organizationId(),
                                            null);
                                    return Mono.just(new Community(
                                                    id,
                                                    territory.regionId(),
                                                    territory.municipalityId(),
                                                    territory.organizationId(),
                                                    registration.level(),
                                                    registration.kind() == null
                                                            ? "METHODICAL_ASSOCIATION"
                                                            : registration.kind(),
                                                    registration.name().strip(),
                                                    blankToNull(registration.subject()),
                                                    blankToNull(registration.leaderTeacherId()),
                                                    List.of(),
                                                    0,
                                                    clock.instant(),
                                                    List.of()))
                                            .doOnNext(community -> scope.checkWrite(owner));
                                })))
                .flatMap(community -> mongo.insert(scope, community))
                .doOnSuccess(saved -> log.info("Community {} ({}) created", saved.id(), saved.level()));
    }

    /** The leader must be an active teacher of the territory; empty when fine or not given. */
    private Mono<Optional<FieldProblem>> leaderProblem(String leaderId, Territory territory) {
        if (blankToNull(leaderId) == null) {
            return Mono.just(Optional.empty());
        }
        return mongo.findById(SYSTEM, leaderId, Teacher.class)
                .map(leader -> within(leader, territory)
                        ? Optional.<FieldProblem>empty()
                        : Optional.of(new FieldProblem(
                                "leaderTeacherId", "is not an active teacher of the community's territory", leaderId)))
                .defaultIfEmpty(Optional.of(new FieldProblem("leaderTeacherId", "no such teacher", leaderId)));
    }

    private Mono<Territory> territory(CommunityRegistration r) {
        String level = r.level();
        String organizationId = blankToNull(r.organizationId());
        String municipalityId = blankToNull(r.municipalityId());
        String regionId = blankToNull(r.regionId());
        if (level.equals("SCHOOL")) {
            if (organizationId == null) {
                return invalid("organizationId", "is required for a SCHOOL community", null);
            }
            return mongo.findById(SYSTEM, organizationId, Organization.class)
                    .map(o -> new Territory(o.regionId(), o.municipalityId(), o.id()))
                    .switchIfEmpty(invalid("organizationId", "no such organisation", organizationId));
        }
        if (level.equals("MUNICIPAL") || (level.equals("NETWORK") && municipalityId != null)) {
            if (municipalityId == null) {
                return invalid("municipalityId", "is required for a MUNICIPAL community", null);
            }
            return mongo.findById(SYSTEM, municipalityId, Municipality.class)
                    .map(m -> new Territory(m.regionId(), m.id(), null))
                    .switchIfEmpty(invalid("municipalityId", "no such municipality", municipalityId));
        }
        if (regionId == null) {
            return invalid("regionId", "is required for a " + level + " community", null);
        }
        return mongo.findById(SYSTEM, regionId, Region.class)
                .map(region -> new Territory(region.id(), null, null))
                .switchIfEmpty(invalid("regionId", "no such region", regionId));
    }

    private static boolean within(Teacher teacher, Territory territory) {
        return Teacher.ACTIVE.equals(teacher.status())
                && Objects.equals(teacher.regionId(), territory.regionId())
                && (territory.municipalityId() == null
                        || Objects.equals(teacher.municipalityId(), territory.municipalityId()))
                && (territory.organizationId() == null
                        || Objects.equals(teacher.organizationId(), territory.organizationId()));
    }

    /**
     * A teacher joins on {@code date} (default today, not in the future). The teacher must be an active teacher of the
     * community's territory (400) and not a member already (409).
     */
    public Mono<Community> join(TenantScope scope, String id, MembershipChange change) {
        return changeMembers(scope, id, change, JOINED);
    }

    /** A member leaves on {@code date} (default today; not before joining, not in the future); 409 if not a member. */
    public Mono<Community> leave(TenantScope scope, String id, String teacherId, LocalDate date) {
        return changeMembers(scope, id, new MembershipChange(teacherId, date), LEFT);
    }

    private Mono<Community> changeMembers(TenantScope scope, String id, MembershipChange change, String kind) {
        LocalDate today = today();
        LocalDate date = change.date() == null ? today : change.date();
        return byId(scope, id)
                .switchIfEmpty(Mono.error(() -> RequestRejectedException.notFound("Community " + id)))
                .flatMap(community -> {
                    scope.require(WRITERS);
                    scope.checkWrite(community.tenantKey());
                    List<FieldProblem> problems = new ArrayList<>();
                    if (blankToNull(change.teacherId()) == null) {
                        problems.add(FieldProblem.of("teacherId", "must not be blank"));
                    }
                    if (date.isAfter(today)) {
                        problems.add(new FieldProblem("date", "must not be in the future", date));
                    }
                    if (!problems.isEmpty()) {
                        return Mono.error(RequestRejectedException.invalid(problems));
                    }
                    String teacherId = change.teacherId().strip();
                    return mongo.findById(SYSTEM, teacherId, Teacher.class)
                            .map(Optional::of)
                            .defaultIfEmpty(Optional.empty())
                            .flatMap(teacher -> apply(scope, community, teacher, teacherId, date, kind));
                });
    }

    private Mono<Community> apply(
            TenantScope scope,
            Community community,
            Optional<Teacher> found,
            String teacherId,
            LocalDate date,
            String kind) {
        List<Community.Member> members = new ArrayList<>(community.members() == null ? List.of() : community.members());
        Community.Member current = community.activeMember(teacherId);
        if (kind.equals(JOINED)) {
            Territory territory =
                    new Territory(community.regionId(), community.municipalityId(), community.organizationId());
            if (found.isEmpty()) {
                return invalid("teacherId", "no such teacher", teacherId);
            }
            if (!within(found.get(), territory)) {
                return invalid("teacherId", "is not an active teacher of the community's territory", teacherId);
            }
            if (current != null) {
                return Mono.error(RequestRejectedException.conflict(
                        "Teacher " + teacherId + " is a member since " + current.joinedOn() + "."));
            }
            members.add(new Community.Member(teacherId, date, null));
        } else {
            if (current == null) {
                return Mono.error(RequestRejectedException.conflict(
                        "Teacher " + teacherId + " is not a member of community " + community.id() + "."));
            }
            if (date.isBefore(current.joinedOn())) {
                return invalid("date", "must not be before joining on " + current.joinedOn(), date);
            }
            members.set(members.indexOf(current), new Community.Member(teacherId, current.joinedOn(), date));
        }
        // the event is filed under the teacher's organisation, where indicators count them
        EventScope eventScope = found.map(t -> new EventScope(t.regionId(), t.municipalityId(), t.organizationId()))
                .orElse(new EventScope(community.regionId(), community.municipalityId(), community.organizationId()));
        return CorrelationId.current().flatMap(correlationId -> {
            DomainEvent<MembershipChanged> event = DomainEvent.create(
                    SOURCE,
                    EventCatalog.MEMBERSHIP_CHANGED,
                    eventScope,
                    correlationId,
                    correlationId,
                    new MembershipChanged(community.id(), teacherId, community.level(), kind, date));
            Update update = Outbox.append(new Update().set("members", members).inc("version", 1), event);
            return mongo.findAndModify(
                            scope,
                            community.tenantKey(),
                            Query.query(Criteria.where("_id")
                                    .is(community.id())
                                    .and("version")
                                    .is(community.version())),
                            update,
                            FindAndModifyOptions.options().returnNew(true),
                            Community.class)
                    .switchIfEmpty(Mono.error(() -> RequestRejectedException.conflict(
                            "Community " + community.id() + " changed meanwhile; try again.")))
                    .doOnNext(saved -> {
                        log.info("Teacher {} {} community {}", teacherId, kind.toLowerCase(), community.id());
                        relay.nudge(Community.COLLECTION, community.id());
                    });
        });
    }

    /** The communities in scope, filtered, sorted by name then id. */
    public Flux<Community> find(
            TenantScope scope, String level, String municipalityId, String organizationId, String teacherId) {
        List<Criteria> filters = new ArrayList<>();
        if (blankToNull(level) != null) {
            filters.add(Criteria.where("level").is(level));
        }
        if (blankToNull(municipalityId) != null) {
            filters.add(Criteria.where("municipalityId").is(municipalityId));
        }
        if (blankToNull(organizationId) != null) {
            filters.add(Criteria.where("organizationId").is(organizationId));
        }
        if (blankToNull(teacherId) != null) {
            filters.add(Criteria.where("members")
                    .elemMatch(Criteria.where("teacherId")
                            .is(teacherId)
                            .and("leftOn")
                            .is(null)));
        }
        Criteria criteria = filters.isEmpty() ? new Criteria() : new Criteria().andOperator(filters);
        return mongo.find(scope, Query.query(criteria).with(Sort.by("name").and(Sort.by("_id"))), Community.class);
    }

    public Mono<Community> byId(TenantScope scope, String id) {
        return mongo.findById(scope, id, Community.class);
    }

    private static <T> Mono<T> invalid(String field, String message, Object value) {
        return Mono.error(RequestRejectedException.invalid(List.of(new FieldProblem(field, message, value))));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
