package ru.msp.teacher.organization;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import ru.msp.contracts.DomainEvent;
import ru.msp.contracts.EventCatalog;
import ru.msp.contracts.EventScope;
import ru.msp.contracts.teacher.OrganizationRegistered;
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

    public Mono<Organization> byId(TenantScope scope, String id) {
        return mongo.findById(scope, id, Organization.class);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
