package ru.msp.indicators.alert;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
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
import ru.msp.contracts.indicators.AlertRaised;
import ru.msp.support.outbox.Outbox;
import ru.msp.support.outbox.OutboxCollection;
import ru.msp.support.outbox.OutboxRelay;
import ru.msp.support.tenancy.ScopedMongo;
import ru.msp.support.tenancy.TenantKey;
import ru.msp.support.tenancy.TenantScope;

/** Raises and resolves alerts; an alert is raised once while its condition holds, again after it cleared. */
@Service
public class AlertRegistry {

    static final String SOURCE = "/msp/indicators-service";
    private static final TenantScope SYSTEM = TenantScope.system("indicators-service");

    private final ScopedMongo mongo;
    private final OutboxRelay relay;
    private final Clock clock;

    AlertRegistry(ScopedMongo mongo, OutboxRelay relay, Clock clock) {
        this.mongo = mongo;
        this.relay = relay;
        this.clock = clock;
    }

    /** What an alert is about. */
    public record Subject(
            String kind,
            String regionId,
            String municipalityId,
            String organizationId,
            String subjectId,
            String period) {

        String id() {
            return kind + "|" + municipalityId + "|" + subjectId + "|" + period;
        }
    }

    /** Opens the alert and publishes {@code AlertRaised}, unless it is open already. */
    public Mono<Void> raise(Subject s, String detail) {
        String alertId = UUID.randomUUID().toString();
        DomainEvent<AlertRaised> event = DomainEvent.create(
                SOURCE,
                EventCatalog.ALERT_RAISED,
                new EventScope(s.regionId(), s.municipalityId(), s.organizationId()),
                null,
                null,
                new AlertRaised(alertId, s.municipalityId(), s.kind(), s.subjectId(), s.period(), detail));
        Update update = Outbox.append(
                new Update()
                        .set("alertId", alertId)
                        .set("regionId", s.regionId())
                        .set("municipalityId", s.municipalityId())
                        .set("organizationId", s.organizationId())
                        .set("kind", s.kind())
                        .set("subjectId", s.subjectId())
                        .set("period", s.period())
                        .set("detail", detail)
                        .set("open", true)
                        .set("raisedAt", clock.instant())
                        .set("resolvedAt", null),
                event);
        Query notOpen = query(where("_id").is(s.id()).and("open").ne(true));
        return mongo.upsert(SYSTEM, owner(s), notOpen, update, Alert.class)
                .doOnSuccess(done -> relay.nudge(Alert.COLLECTION, s.id()))
                .onErrorResume(DuplicateKeyException.class, alreadyOpen -> Mono.empty());
    }

    /** Closes the alert if it is open. */
    public Mono<Void> resolve(Subject s) {
        return mongo.findAndModify(
                        SYSTEM,
                        owner(s),
                        query(where("_id").is(s.id()).and("open").is(true)),
                        new Update().set("open", false).set("resolvedAt", clock.instant()),
                        FindAndModifyOptions.options(),
                        Alert.class)
                .then();
    }

    /** Alerts of a region or a municipality that the caller may see, newest first. */
    public Flux<Alert> of(TenantScope scope, String regionId, String municipalityId, boolean openOnly) {
        Criteria criteria = municipalityId != null
                ? where("municipalityId").is(municipalityId)
                : where("regionId").is(regionId);
        if (openOnly) {
            criteria = criteria.and("open").is(true);
        }
        Query q = query(criteria).with(Sort.by(Sort.Direction.DESC, "raisedAt"));
        q.fields().exclude("outbox");
        return mongo.find(scope, q, Alert.class);
    }

    private static TenantKey owner(Subject s) {
        return TenantKey.organization(s.regionId(), s.municipalityId(), s.organizationId());
    }

    @Configuration(proxyBeanMethods = false)
    static class AlertOutbox {
        @Bean
        OutboxCollection alertsOutbox() {
            return new OutboxCollection(Alert.COLLECTION);
        }
    }
}
