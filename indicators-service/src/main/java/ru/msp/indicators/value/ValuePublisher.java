package ru.msp.indicators.value;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import ru.msp.contracts.DomainEvent;
import ru.msp.contracts.EventCatalog;
import ru.msp.contracts.EventScope;
import ru.msp.contracts.indicators.IndicatorValueChanged;
import ru.msp.indicators.alert.AlertRegistry;
import ru.msp.indicators.catalogue.IndicatorDefinition;
import ru.msp.indicators.catalogue.SchoolYear;
import ru.msp.indicators.fact.FactStore;
import ru.msp.indicators.fact.TeacherFact;
import ru.msp.indicators.programme.Programme;
import ru.msp.indicators.programme.ProgrammeRegistry;
import ru.msp.support.outbox.Outbox;
import ru.msp.support.outbox.OutboxRelay;
import ru.msp.support.tenancy.ScopedMongo;
import ru.msp.support.tenancy.TenantKey;
import ru.msp.support.tenancy.TenantScope;

/**
 * Coalesced publication and time series. Counters changed by events are noted ({@link ValueChanges}); every
 * {@code msp.indicators.publish-interval} (2 s) the noted ones are read once more and, per municipality, one write
 * appends an {@code IndicatorValueChanged} per changed indicator and school year to that municipality's outbox. A
 * burst of events on one municipality thus gives at most one event per indicator per interval, carrying the latest
 * value. The same pass updates the gauges and raises or resolves the value-driven alerts (below target, target
 * group not diagnosed, school without mentoring pairs). The notes live in memory: after a crash the values are right
 * but the pending notifications of the last interval are not sent.
 */
@Component
public class ValuePublisher {

    private static final Logger log = LoggerFactory.getLogger(ValuePublisher.class);
    private static final TenantScope SYSTEM = TenantScope.system("indicators-service");
    static final String SOURCE = "/msp/indicators-service";

    private final ValueChanges changes;
    private final CounterStore counters;
    private final ProgrammeRegistry programmes;
    private final IndicatorValues values;
    private final AlertRegistry alerts;
    private final IndicatorGauges gauges;
    private final ScopedMongo mongo;
    private final OutboxRelay relay;
    private final FactStore facts;
    private final java.time.Clock clock;

    ValuePublisher(
            ValueChanges changes,
            CounterStore counters,
            ProgrammeRegistry programmes,
            IndicatorValues values,
            AlertRegistry alerts,
            IndicatorGauges gauges,
            ScopedMongo mongo,
            OutboxRelay relay,
            FactStore facts,
            java.time.Clock clock) {
        this.changes = changes;
        this.counters = counters;
        this.programmes = programmes;
        this.values = values;
        this.alerts = alerts;
        this.gauges = gauges;
        this.mongo = mongo;
        this.relay = relay;
        this.facts = facts;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${msp.indicators.publish-interval:2s}", initialDelayString = "2s")
    void scheduled() {
        try {
            publish().block(Duration.ofMinutes(1));
        } catch (RuntimeException e) {
            log.warn("Publishing indicator changes failed; the values stay right, the notifications are skipped", e);
        }
    }

    /** Publishes what changed since the last call. */
    public Mono<Void> publish() {
        List<String> ids = changes.drain();
        if (ids.isEmpty()) {
            return Mono.empty();
        }
        String current = facts.horizon().toString();
        return counters.byIds(ids)
                .collectList()
                .flatMapMany(changed -> counters.points(changed.stream()
                                .filter(c ->
                                        c.scopeKind() == ScopeKind.MUNICIPALITY || c.scopeKind() == ScopeKind.REGION)
                                .toList())
                        .thenMany(Flux.fromIterable(changed)))
                .filter(c -> c.scopeKind() != ScopeKind.REGION)
                .collectMultimap(IndicatorCounter::municipalityId)
                // the programmes of all the pass's municipalities in one read
                .flatMapMany(byMunicipality -> programmes
                        .byMunicipalities(SYSTEM, byMunicipality.keySet())
                        .flatMapMany(programmeOf -> Flux.fromIterable(byMunicipality.entrySet())
                                .concatMap(e -> municipality(
                                        e.getKey(),
                                        Optional.ofNullable(programmeOf.get(e.getKey())),
                                        new ArrayList<>(e.getValue()),
                                        current))))
                .then();
    }

    private Mono<Void> municipality(
            String municipalityId, Optional<Programme> programme, List<IndicatorCounter> changed, String current) {
        return Mono.defer(() -> {
            List<DomainEvent<?>> events = new ArrayList<>();
            List<Mono<Void>> effects = new ArrayList<>();
            for (IndicatorCounter c : changed) {
                switch (c.scopeKind()) {
                    case MUNICIPALITY -> valueChanged(c, programme.orElse(null), current, events, effects);
                    case MUNICIPALITY_TARGET_GROUP -> effects.add(targetGroup(c, current));
                    case ORGANIZATION -> effects.add(mentoringPairs(c, current));
                    default -> {}
                }
            }
            Mono<Void> published = events.isEmpty() ? Mono.empty() : append(municipalityId, changed.get(0), events);
            return published.then(Flux.concat(effects).then());
        });
    }

    private void valueChanged(
            IndicatorCounter c,
            Programme programme,
            String current,
            List<DomainEvent<?>> events,
            List<Mono<Void>> effects) {
        Optional<IndicatorDefinition> definition = values.definition(c.indicatorCode());
        if (definition.isEmpty()) {
            return;
        }
        SchoolYear year = SchoolYear.parse(c.period());
        Optional<Programme.Target> target = programme == null ? Optional.empty() : programme.target(c.indicatorCode());
        IndicatorValue v = values.value(definition.get(), c.tally(), target, year);
        if (v.value() != null) {
            events.add(DomainEvent.create(
                    SOURCE,
                    EventCatalog.INDICATOR_VALUE_CHANGED,
                    EventScope.municipality(c.regionId(), c.municipalityId()),
                    null,
                    null,
                    new IndicatorValueChanged(
                            c.municipalityId(),
                            c.indicatorCode(),
                            c.period(),
                            ScopeKind.MUNICIPALITY.name(),
                            c.scopeId(),
                            c.numerator(),
                            c.denominator(),
                            v.value(),
                            v.target(),
                            v.status())));
        }
        if (!c.period().equals(current) || target.isEmpty()) {
            return;
        }
        gauges.set(c.municipalityId(), c.indicatorCode(), v.value());
        AlertRegistry.Subject subject = new AlertRegistry.Subject(
                "BELOW_TARGET", c.regionId(), c.municipalityId(), null, c.indicatorCode(), c.period());
        effects.add(
                "NOT_MET".equals(v.status())
                        ? alerts.raise(subject, c.indicatorCode() + " is " + v.value() + ", target " + v.target())
                        : alerts.resolve(subject));
    }

    private Mono<Void> targetGroup(IndicatorCounter c, String current) {
        if (!c.period().equals(current)) {
            return Mono.empty();
        }
        String group = c.scopeId().substring(c.scopeId().indexOf('~') + 1);
        AlertRegistry.Subject subject = new AlertRegistry.Subject(
                "TARGET_GROUP_NOT_DIAGNOSED", c.regionId(), c.municipalityId(), null, group, c.period());
        return c.denominator() > 0 && c.numerator() == 0
                ? alerts.raise(subject, c.denominator() + " teachers of " + group + ", none diagnosed in " + c.period())
                : alerts.resolve(subject);
    }

    private Mono<Void> mentoringPairs(IndicatorCounter c, String current) {
        if (!c.period().equals(current)) {
            return Mono.empty();
        }
        AlertRegistry.Subject subject = new AlertRegistry.Subject(
                "NO_MENTORING_PAIRS",
                c.regionId(),
                c.municipalityId(),
                c.organizationId(),
                c.organizationId(),
                c.period());
        return c.denominator() > 0 && c.numerator() == 0
                ? alerts.raise(subject, "school " + c.organizationId() + " has no active mentoring pair")
                : alerts.resolve(subject);
    }

    private Mono<Void> append(String municipalityId, IndicatorCounter any, List<DomainEvent<?>> events) {
        Update update = Outbox.append(
                new Update().set("regionId", any.regionId()).set("municipalityId", municipalityId),
                events.toArray(DomainEvent<?>[]::new));
        return mongo.upsert(
                        SYSTEM,
                        TenantKey.municipality(any.regionId(), municipalityId),
                        query(where("_id").is(municipalityId)),
                        update,
                        IndicatorPublication.class)
                .doOnSuccess(done -> relay.nudge(IndicatorPublication.COLLECTION, municipalityId));
    }

    /**
     * Routes past their due date and neither completed nor cancelled raise ROUTES_STALLED (the due date of
     * {@code RouteApproved}); completed or cancelled ones resolve it. A scan of the teachers' facts, hourly.
     */
    @Scheduled(fixedDelayString = "${msp.indicators.stalled-routes-interval:1h}", initialDelayString = "30s")
    void scheduledStalledRoutes() {
        stalledRoutes().block(Duration.ofMinutes(10));
    }

    public Mono<Void> stalledRoutes() {
        LocalDate today = LocalDate.now(clock);
        return stalledRoutes(today);
    }

    public Mono<Void> stalledRoutes(LocalDate today) {
        return facts.teachersWithOpenRoutes()
                .concatMap(t -> Flux.fromIterable(t.routes().values()).concatMap(r -> stalled(t, r, today)))
                .then();
    }

    private Mono<Void> stalled(TeacherFact t, TeacherFact.RouteFact r, LocalDate today) {
        if (r.approvedAt() == null || t.municipalityId() == null || r.dueDate() == null) {
            return Mono.empty();
        }
        String period = SchoolYear.containing(r.dueDate()).toString();
        AlertRegistry.Subject subject = new AlertRegistry.Subject(
                "ROUTES_STALLED", t.regionId(), t.municipalityId(), t.organizationId(), r.routeId(), period);
        boolean open = r.completedOn() == null && r.cancelledAt() == null;
        return open && r.dueDate().isBefore(today)
                ? alerts.raise(subject, "route " + r.routeId() + " of teacher " + t.id() + " was due " + r.dueDate())
                : alerts.resolve(subject);
    }
}
