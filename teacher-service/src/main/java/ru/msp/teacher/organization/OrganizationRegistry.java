package ru.msp.teacher.organization;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
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
import ru.msp.contracts.teacher.OrganizationRegistered;
import ru.msp.contracts.teacher.OrganizationUpdated;
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

/**
 * Registers organisations; each registration and its {@code OrganizationRegistered} event are one document write.
 */
@Service
public class OrganizationRegistry {

    private static final Logger log = LoggerFactory.getLogger(OrganizationRegistry.class);
    static final String SOURCE = "/msp/teacher-service";
    private static final TenantScope SYSTEM = TenantScope.system("teacher-service");

    private final ScopedMongo mongo;
    private final OutboxRelay relay;
    private final Clock clock;

    OrganizationRegistry(ScopedMongo mongo, OutboxRelay relay) {
        this.mongo = mongo;
        this.relay = relay;
        this.clock = Clock.systemUTC();
    }

    /**
     * An administrator, the regional operator of the region or the municipal operator of the municipality. The region
     * is the municipality's, never the body's.
     */
    public Mono<Organization> register(TenantScope scope, OrganizationRegistration registration) {
        scope.require(Role.REGIONAL_OPERATOR, Role.MUNICIPAL_OPERATOR);
        String municipalityId = registration.municipalityId();
        String name = registration.name().strip();
        String externalId = blankToNull(registration.externalId());
        Set<String> flags = registration.flags() == null ? Set.of() : new TreeSet<>(registration.flags());
        String id = "org-" + UUID.randomUUID();
        return mongo.findById(SYSTEM, municipalityId, Municipality.class)
                .switchIfEmpty(Mono.error(() -> RequestRejectedException.invalid(
                        List.of(new FieldProblem("municipalityId", "no such municipality", municipalityId)))))
                .flatMap(municipality -> {
                    TenantKey owner = TenantKey.organization(municipality.regionId(), municipalityId, id);
                    scope.checkWrite(owner);
                    return externalIdFree(municipalityId, externalId).thenReturn(municipality);
                })
                .flatMap(municipality -> CorrelationId.current().flatMap(correlationId -> {
                    String regionId = municipality.regionId();
                    DomainEvent<OrganizationRegistered> event = DomainEvent.create(
                            SOURCE,
                            EventCatalog.ORGANIZATION_REGISTERED,
                            new EventScope(regionId, municipalityId, id),
                            correlationId,
                            correlationId,
                            new OrganizationRegistered(id, name, registration.type(), flags));
                    Organization organization = new Organization(
                            id,
                            regionId,
                            municipalityId,
                            id,
                            name,
                            blankToNull(registration.shortName()),
                            registration.type(),
                            flags,
                            externalId,
                            clock.instant(),
                            Outbox.with(List.of(), event));
                    return mongo.insert(scope, organization);
                }))
                .onErrorMap(
                        DuplicateKeyException.class,
                        e -> RequestRejectedException.conflict("Organisation " + name + " is already registered."))
                .doOnSuccess(saved -> {
                    log.info("Organisation {} registered in {}", saved.id(), saved.municipalityId());
                    relay.nudge(Organization.COLLECTION, saved.id());
                });
    }

    private Mono<Void> externalIdFree(String municipalityId, String externalId) {
        if (externalId == null) {
            return Mono.empty();
        }
        return mongo.count(
                        SYSTEM,
                        Query.query(Criteria.where("municipalityId")
                                .is(municipalityId)
                                .and("externalId")
                                .is(externalId)),
                        Organization.class)
                .flatMap(count -> count > 0
                        ? Mono.error(RequestRejectedException.conflict("An organisation with externalId " + externalId
                                + " is already registered in municipality " + municipalityId + "."))
                        : Mono.empty());
    }

    /** The organisations in scope, optionally of one municipality, of one type, with one flag; sorted by name. */
    public Flux<Organization> find(TenantScope scope, String municipalityId, String type, String flag) {
        Criteria criteria = new Criteria();
        if (municipalityId != null && !municipalityId.isBlank()) {
            criteria = criteria.and("municipalityId").is(municipalityId);
        }
        if (type != null && !type.isBlank()) {
            criteria = criteria.and("type").is(type);
        }
        if (flag != null && !flag.isBlank()) {
            criteria = criteria.and("flags").is(flag);
        }
        return mongo.find(scope, Query.query(criteria).with(Sort.by("name")), Organization.class);
    }

    /**
     * Changes name, short name, type, flags and externalId (the municipality never changes). The caller must see the
     * organisation (404) and be its administrator, regional or municipal operator (403). {@code OrganizationUpdated}
     * (full new state) is published when name, type or flags changed; an identical body changes nothing.
     */
    public Mono<Organization> update(TenantScope scope, String id, OrganizationUpdate change) {
        String name = change.name().strip();
        String shortName = blankToNull(change.shortName());
        String externalId = blankToNull(change.externalId());
        Set<String> flags = change.flags() == null ? Set.of() : new TreeSet<>(change.flags());
        return byId(scope, id)
                .switchIfEmpty(Mono.error(() -> RequestRejectedException.notFound("Organisation " + id)))
                .flatMap(existing -> {
                    scope.require(Role.REGIONAL_OPERATOR, Role.MUNICIPAL_OPERATOR);
                    scope.checkWrite(existing.tenantKey());
                    boolean published = !name.equals(existing.name())
                            || !change.type().equals(existing.type())
                            || !flags.equals(existing.flags() == null ? Set.of() : existing.flags());
                    boolean changed = published
                            || !Objects.equals(shortName, existing.shortName())
                            || !Objects.equals(externalId, existing.externalId());
                    if (!changed) {
                        return Mono.just(existing);
                    }
                    Mono<Void> free = Objects.equals(externalId, existing.externalId())
                            ? Mono.empty()
                            : externalIdFree(existing.municipalityId(), externalId);
                    return free.then(CorrelationId.current()).flatMap(correlationId -> {
                        Update update = new Update()
                                .set("name", name)
                                .set("type", change.type())
                                .set("flags", flags);
                        setOrUnset(update, "shortName", shortName);
                        setOrUnset(update, "externalId", externalId);
                        if (published) {
                            Outbox.append(
                                    update,
                                    DomainEvent.create(
                                            SOURCE,
                                            EventCatalog.ORGANIZATION_UPDATED,
                                            new EventScope(existing.regionId(), existing.municipalityId(), id),
                                            correlationId,
                                            correlationId,
                                            new OrganizationUpdated(id, name, change.type(), flags)));
                        }
                        return mongo.findAndModify(
                                        scope,
                                        existing.tenantKey(),
                                        Query.query(Criteria.where("_id").is(id)),
                                        update,
                                        FindAndModifyOptions.options().returnNew(true),
                                        Organization.class)
                                .doOnNext(saved -> {
                                    log.info("Organisation {} updated", id);
                                    if (published) {
                                        relay.nudge(Organization.COLLECTION, id);
                                    }
                                });
                    });
                });
    }

    /**
     * The management team: the active director(s), then the deputy directors, each sorted by name. Read as the
     * service, since whoever may see the organisation may see who runs it.
     */
    public Flux<ManagementMember> management(Organization organization) {
        Query query = Query.query(Criteria.where("organizationId")
                        .is(organization.id())
                        .and("status")
                        .is("ACTIVE")
                        .and("position")
                        .in(ManagementMember.DIRECTOR, ManagementMember.DEPUTY_DIRECTOR))
                .with(Sort.by("searchName").and(Sort.by("_id")));
        return mongo.find(SYSTEM, query, ManagementMember.class)
                .collectSortedList(Comparator.comparing(
                        (ManagementMember m) -> ManagementMember.DIRECTOR.equals(m.position()) ? 0 : 1))
                .flatMapIterable(list -> list);
    }

    private static void setOrUnset(Update update, String field, Object value) {
        if (value == null) {
            update.unset(field);
        } else {
            update.set(field, value);
        }
    }

    public Mono<Organization> byId(TenantScope scope, String id) {
        return mongo.findById(scope, id, Organization.class);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
