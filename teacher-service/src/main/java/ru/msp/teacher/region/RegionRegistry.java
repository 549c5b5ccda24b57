package ru.msp.teacher.region;

import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import ru.msp.contracts.DomainEvent;
import ru.msp.contracts.EventCatalog;
import ru.msp.contracts.EventScope;
import ru.msp.contracts.teacher.RegionRegistered;
import ru.msp.support.observability.CorrelationId;
import ru.msp.support.outbox.Outbox;
import ru.msp.support.outbox.OutboxRelay;
import ru.msp.support.problem.RequestRejectedException;
import ru.msp.support.tenancy.Role;
import ru.msp.support.tenancy.ScopedMongo;
import ru.msp.support.tenancy.TenantScope;

/** Registers regions; each registration and its {@code RegionRegistered} event are one document write. */
@Service
public class RegionRegistry {

    private static final Logger log = LoggerFactory.getLogger(RegionRegistry.class);
    static final String SOURCE = "/msp/teacher-service";

    private final ScopedMongo mongo;
    private final OutboxRelay relay;
    private final Clock clock;

    RegionRegistry(ScopedMongo mongo, OutboxRelay relay) {
        this.mongo = mongo;
        this.relay = relay;
        this.clock = Clock.systemUTC();
    }

    /** Only an administrator registers regions: they are the top of every tenant. */
    public Mono<Region> register(TenantScope scope, RegionRegistration registration) {
        scope.require(Role.ADMIN);
        String id = Region.idFor(registration.code());
        return CorrelationId.current().flatMap(correlationId -> {
            DomainEvent<RegionRegistered> event = DomainEvent.create(
                    SOURCE,
                    EventCatalog.REGION_REGISTERED,
                    EventScope.region(id),
                    correlationId,
                    correlationId,
                    new RegionRegistered(id, registration.code(), registration.name()));
            Region region = new Region(
                    id,
                    id,
                    registration.code(),
                    registration.name().strip(),
                    clock.instant(),
                    Outbox.with(List.of(), event));
            return mongo.insert(scope, region)
                    .onErrorMap(
                            DuplicateKeyException.class,
                            e -> RequestRejectedException.conflict(
                                    "Region with code " + registration.code() + " is already registered."))
                    .doOnSuccess(saved -> {
                        log.info("Region {} registered", saved.id());
                        relay.nudge(Region.COLLECTION, saved.id());
                    });
        });
    }

    public Flux<Region> all(TenantScope scope) {
        return mongo.find(scope, new Query().with(Sort.by("code")), Region.class);
    }

    public Mono<Region> byId(TenantScope scope, String id) {
        return mongo.findById(scope, id, Region.class);
    }
}
