package ru.msp.indicators.snapshot;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import ru.msp.contracts.DomainEvent;
import ru.msp.contracts.EventCatalog;
import ru.msp.contracts.EventScope;
import ru.msp.contracts.indicators.SnapshotFrozen;
import ru.msp.indicators.value.IndicatorValue;
import ru.msp.indicators.value.IndicatorValues;
import ru.msp.indicators.value.ScopeKind;
import ru.msp.indicators.value.ScopeRef;
import ru.msp.support.outbox.Outbox;
import ru.msp.support.outbox.OutboxCollection;
import ru.msp.support.outbox.OutboxRelay;
import ru.msp.support.problem.FieldProblem;
import ru.msp.support.problem.RequestRejectedException;
import ru.msp.support.tenancy.Role;
import ru.msp.support.tenancy.ScopedMongo;
import ru.msp.support.tenancy.TenantKey;
import ru.msp.support.tenancy.TenantScope;

/** {@code /api/indicators/snapshots}: freeze a region's or municipality's values for a school year; list; compare. */
@RestController
@RequestMapping("/api/indicators/snapshots")
class SnapshotHandler {

    private final ScopedMongo mongo;
    private final IndicatorValues values;
    private final OutboxRelay relay;
    private final Clock clock;

    SnapshotHandler(ScopedMongo mongo, IndicatorValues values, OutboxRelay relay, Clock clock) {
        this.mongo = mongo;
        this.values = values;
        this.relay = relay;
        this.clock = clock;
    }

    record Freeze(String scope, String period) {}

    record SnapshotView(
            String id, String scope, String period, Instant frozenAt, String frozenBy, List<IndicatorValue> values) {
        static SnapshotView of(Snapshot s) {
            return new SnapshotView(s.id(), s.scope(), s.period(), s.frozenAt(), s.frozenBy(), s.values());
        }
    }

    /** A regional operator (its region) or a municipal operator (its municipality), or an administrator. */
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Mono<SnapshotView> freeze(@RequestBody Freeze body) {
        ScopeRef ref = ScopeRef.parse("scope", body == null ? null : body.scope());
        if (ref.kind() == ScopeKind.ORGANIZATION) {
            return Mono.error(RequestRejectedException.invalid(
                    List.of(new FieldProblem("scope", "snapshots are of region:ID or municipality:ID", body.scope()))));
        }
        var period = values.period(body.period());
        return TenantScope.current().flatMap(caller -> {
            caller.require(Role.REGIONAL_OPERATOR, Role.MUNICIPAL_OPERATOR);
            return values.values(caller, ref, period).flatMap(v -> {
                caller.checkWrite(TenantKey.municipality(v.regionId(), v.municipalityId()));
                String id = "snap-" + UUID.randomUUID();
                Instant now = clock.instant();
                DomainEvent<SnapshotFrozen> event = DomainEvent.create(
                        "/msp/indicators-service",
                        EventCatalog.SNAPSHOT_FROZEN,
                        new EventScope(v.regionId(), v.municipalityId(), null),
                        null,
                        null,
                        new SnapshotFrozen(id, ref.toString(), v.period(), now));
                Snapshot snapshot = new Snapshot(
                        id,
                        ref.toString(),
                        v.period(),
                        v.regionId(),
                        v.municipalityId(),
                        now,
                        caller.subject(),
                        v.values(),
                        Outbox.with(List.of(), event));
                return mongo.insert(caller, snapshot)
                        .doOnSuccess(saved -> relay.nudge(Snapshot.COLLECTION, saved.id()))
                        .map(SnapshotView::of);
            });
        });
    }

    @GetMapping
    Mono<List<SnapshotView>> list(@RequestParam(required = false) String scope) {
        Query q = scope == null || scope.isBlank()
                ? new Query()
                : query(where("scope").is(ScopeRef.parse("scope", scope).toString()));
        q.with(Sort.by(Sort.Direction.DESC, "frozenAt"));
        return TenantScope.current()
                .flatMap(caller -> mongo.find(caller, q, Snapshot.class)
                        .map(SnapshotView::of)
                        .collectList());
    }

    @GetMapping("/{id}")
    Mono<SnapshotView> one(@PathVariable String id) {
        return TenantScope.current()
                .flatMap(caller -> mongo.findById(caller, id, Snapshot.class))
                .map(SnapshotView::of)
                .switchIfEmpty(Mono.error(() -> RequestRejectedException.notFound("Snapshot " + id)));
    }

    record Comparison(SnapshotView a, SnapshotView b, List<Row> rows) {
        record Row(
                String indicatorCode, BigDecimal a, BigDecimal b, BigDecimal change, String statusA, String statusB) {}
    }

    /** Indicator by indicator: the value in {@code a}, in {@code b}, and b − a. */
    @GetMapping("/compare")
    Mono<Comparison> compare(@RequestParam(required = false) String a, @RequestParam(required = false) String b) {
        if (a == null || b == null) {
            return Mono.error(
                    RequestRejectedException.invalid(List.of(FieldProblem.of(a == null ? "a" : "b", "required"))));
        }
        return Mono.zip(one(a), one(b)).map(pair -> {
            Map<String, IndicatorValue> second = pair.getT2().values().stream()
                    .collect(Collectors.toMap(IndicatorValue::indicatorCode, Function.identity()));
            List<Comparison.Row> rows = new ArrayList<>();
            for (IndicatorValue first : pair.getT1().values()) {
                IndicatorValue other = second.get(first.indicatorCode());
                BigDecimal bValue = other == null ? null : other.value();
                rows.add(new Comparison.Row(
                        first.indicatorCode(),
                        first.value(),
                        bValue,
                        first.value() != null && bValue != null ? bValue.subtract(first.value()) : null,
                        first.status(),
                        other == null ? null : other.status()));
            }
            return new Comparison(pair.getT1(), pair.getT2(), rows);
        });
    }

    @Configuration(proxyBeanMethods = false)
    static class SnapshotOutbox {
        @Bean
        OutboxCollection snapshotsOutbox() {
            return new OutboxCollection(Snapshot.COLLECTION);
        }
    }
}
