package ru.msp.teacher.region;

import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
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

/** Registers regions; each registration and its {@code RegionRegistered} event are one document write. */
@Service
public class RegionRegistry {

    private static final Logger log = LoggerFactory.getLogger(RegionRegistry.class);
    static final String SOURCE = "/msp/teacher-service";

    private final ReactiveMongoTemplate mongo;
    private final OutboxRelay relay;
    private final Clock clock;

    RegionRegistry(ReactiveMongoTemplate mongo, OutboxRelay relay) {
        this.mongo = mongo;
        this.relay = relay;
        this.clock = Clock.systemUTC();
    }

    public Mono<Region> register(RegionRegistration registration) {
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
                    registration.code(),
                    registration.name().strip(),
                    clock.instant(),
                    Outbox.with(List.of(), event));
            return mongo.insert(region)
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

    public Flux<Region> all() {
        return mongo.find(new Query().with(Sort.by("code")), Region.class);
    }

    public Mono<Region> byId(String id) {
        return mongo.findById(id, Region.class);
    }
}
