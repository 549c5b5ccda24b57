package ru.msp.teacher.municipality;

import java.time.Clock;
import java.util.List;
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
import ru.msp.contracts.teacher.MunicipalityRegistered;
import ru.msp.support.observability.CorrelationId;
import ru.msp.support.outbox.Outbox;
import ru.msp.support.outbox.OutboxRelay;
import ru.msp.support.problem.FieldProblem;
import ru.msp.support.problem.RequestRejectedException;
import ru.msp.support.tenancy.Role;
import ru.msp.support.tenancy.ScopedMongo;
import ru.msp.support.tenancy.TenantKey;
import ru.msp.support.tenancy.TenantScope;
import ru.msp.teacher.region.Region;

/**
 * Registers municipalities; each registration and its {@code MunicipalityRegistered} event are one document write.
 */
@Service
public class MunicipalityRegistry {

    private static final Logger log = LoggerFactory.getLogger(MunicipalityRegistry.class);
    static final String SOURCE = "/msp/teacher-service";
    private static final TenantScope SYSTEM = TenantScope.system("teacher-service");

    private final ScopedMongo mongo;
    private final OutboxRelay relay;
    private final Clock clock;

    MunicipalityRegistry(ScopedMongo mongo, OutboxRelay relay) {
        this.mongo = mongo;
        this.relay = relay;
        this.clock = Clock.systemUTC();
    }

    /** An administrator, or the regional operator of the municipality's region. */
    public Mono<Municipality> register(TenantScope scope, MunicipalityRegistration registration) {
        scope.require(Role.REGIONAL_OPERATOR);
        String regionId = registration.regionId();
        String name = registration.name().strip();
        String id = "mun-" + UUID.randomUUID();
        return Mono.fromRunnable(() -> scope.checkWrite(TenantKey.region(regionId)))
                .then(mongo.findById(SYSTEM, regionId, Region.class))
                .switchIfEmpty(Mono.error(() -> RequestRejectedException.invalid(
                        List.of(new FieldProblem("regionId", "no such region", regionId)))))
                .flatMap(region -> mongo.count(
                        SYSTEM,
                        Query.query(Criteria.where("regionId")
                                .is(regionId)
                                .and("name")
                                .is(name)),
                        Municipality.class))
                .flatMap(duplicates -> duplicates > 0
                        ? Mono.error(RequestRejectedException.conflict(
                                "Municipality " + name + " is already registered in region " + regionId + "."))
                        : CorrelationId.current())
                .flatMap(correlationId -> {
                    DomainEvent<MunicipalityRegistered> event = DomainEvent.create(
                            SOURCE,
                            EventCatalog.MUNICIPALITY_REGISTERED,
                            EventScope.municipality(regionId, id),
                            correlationId,
                            correlationId,
                            new MunicipalityRegistered(id, regionId, name, registration.programPreset()));
                    Municipality municipality = new Municipality(
                            id,
                            regionId,
                            id,
                            name,
                            registration.programPreset(),
                            clock.instant(),
                            Outbox.with(List.of(), event));
                    return mongo.insert(scope, municipality);
                })
                .onErrorMap(
                        DuplicateKeyException.class,
                        e -> RequestRejectedException.conflict("Municipality " + name + " is already registered."))
                .doOnSuccess(saved -> {
                    log.info("Municipality {} registered in {}", saved.id(), saved.regionId());
                    relay.nudge(Municipality.COLLECTION, saved.id());
                });
    }

    /** The municipalities in scope, optionally of one region, sorted by name. */
    public Flux<Municipality> find(TenantScope scope, String regionId) {
        Query query = regionId == null || regionId.isBlank()
                ? new Query()
                : Query.query(Criteria.where("regionId").is(regionId));
        return mongo.find(scope, query.with(Sort.by("name")), Municipality.class);
    }

    public Mono<Municipality> byId(TenantScope scope, String id) {
        return mongo.findById(scope, id, Municipality.class);
    }
}
