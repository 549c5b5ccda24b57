package ru.msp.indicators.value;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import ru.msp.indicators.catalogue.SchoolYear;
import ru.msp.indicators.fact.FactStore;
import ru.msp.indicators.fact.OrganizationFact;
import ru.msp.indicators.fact.TeacherFact;
import ru.msp.support.tenancy.Role;
import ru.msp.support.tenancy.TenantKey;
import ru.msp.support.tenancy.TenantScope;

/**
 * Rebuilds the counters of a region (all its scopes) or a municipality (its own, its organisations' and target
 * groups') from the fact documents: first applies whatever deltas are still pending, then sums every document's
 * tallies ({@link IndicatorRules}) and overwrites each counter, recording the facts' versions so that no older delta
 * can be applied on top. Counters no fact contributes to any more are set to zero. Events applied while a recompute
 * runs may be overwritten by it: run it again, or when the topics are quiet (e.g. the yearly roll-over does).
 */
@Service
public class Recompute {

    private static final Logger log = LoggerFactory.getLogger(Recompute.class);

    private final FactStore facts;
    private final CounterStore counters;
    private final ru.msp.indicators.programme.ProgrammeRegistry programmes;
    private volatile SchoolYear lastHorizon;

    Recompute(FactStore facts, CounterStore counters, ru.msp.indicators.programme.ProgrammeRegistry programmes) {
        this.facts = facts;
        this.counters = counters;
        this.programmes = programmes;
        this.lastHorizon = facts.horizon();
    }

    /**
     * On 1 September the current school year changes: every teacher and organisation now also counts in the new
     * year, which no event has told the counters. Checked hourly; when the year moved on, every region that has a
     * municipal programme is recomputed.
     */
    @org.springframework.scheduling.annotation.Scheduled(cron = "${msp.indicators.rollover-cron:0 7 * * * *}")
    void rollOver() {
        SchoolYear now = facts.horizon();
        if (now.equals(lastHorizon)) {
            return;
        }
        log.info("School year {} began: recomputing every region", now);
        programmes
                .inRegion(TenantScope.system("indicators-service"), null)
                .map(ru.msp.indicators.programme.Programme::regionId)
                .distinct()
                .concatMap(region -> rebuild(region, null))
                .then()
                .block(java.time.Duration.ofHours(1));
        lastHorizon = now;
    }

    public record Result(String scope, String period, long teacherFacts, long organizationFacts, long counters) {}

    /** ADMIN or the region's regional operator. */
    public Mono<Result> run(TenantScope scope, ScopeRef ref, String regionOfMunicipality) {
        scope.require(Role.REGIONAL_OPERATOR);
        String regionId = ref.kind() == ScopeKind.REGION ? ref.id() : regionOfMunicipality;
        scope.checkWrite(TenantKey.region(regionId));
        String municipalityId = ref.kind() == ScopeKind.MUNICIPALITY ? ref.id() : null;
        return rebuild(regionId, municipalityId)
                .map(r -> new Result(
                        ref.toString(), facts.horizon().toString(), r.teacherFacts, r.organizationFacts, r.counters));
    }

    public record Totals(long teacherFacts, long organizationFacts, long counters) {}

    public Mono<Totals> rebuild(String regionId, String municipalityId) {
        SchoolYear horizon = facts.horizon();
        return facts.drainLeftovers()
                .then(Mono.zip(
                        facts.teachersWithin(regionId, municipalityId).collectList(),
                        facts.organizationsWithin(regionId, municipalityId).collectList()))
                .flatMap(loaded -> {
                    List<TeacherFact> teachers = loaded.getT1();
                    List<OrganizationFact> organizations = loaded.getT2();
                    Map<CounterKey, Tally> totals = new LinkedHashMap<>();
                    Map<String, Map<String, Long>> versions = new HashMap<>();
                    for (TeacherFact t : teachers) {
                        IndicatorRules.addAll(totals, IndicatorRules.of(t, horizon));
                        remember(
                                versions,
                                FactStore.teacherKey(t),
                                t.version(),
                                t.regionId(),
                                t.municipalityId(),
                                t.organizationId());
                    }
                    for (OrganizationFact o : organizations) {
                        IndicatorRules.addAll(totals, IndicatorRules.of(o, horizon));
                        remember(
                                versions,
                                FactStore.organizationKey(o),
                                o.version(),
                                o.regionId(),
                                o.municipalityId(),
                                o.id());
                    }
                    if (municipalityId != null) {
                        totals.keySet().removeIf(k -> k.scopeKind() == ScopeKind.REGION);
                    }
                    Set<String> computed = new HashSet<>();
                    totals.keySet().forEach(k -> computed.add(k.id()));
                    Flux<Void> written = Flux.fromIterable(totals.entrySet())
                            .concatMap(e ->
                                    counters.overwrite(e.getKey(), e.getValue(), versionsFor(versions, e.getKey())));
                    Flux<Void> zeroed = counters.within(regionId, municipalityId)
                            .filter(c -> !computed.contains(c.id()))
                            .filter(c -> municipalityId == null || c.scopeKind() != ScopeKind.REGION)
                            .concatMap(c -> counters.overwrite(
                                    new CounterKey(
                                            c.indicatorCode(),
                                            c.period(),
                                            c.scopeKind(),
                                            c.scopeId(),
                                            c.regionId(),
                                            c.municipalityId(),
                                            c.organizationId()),
                                    Tally.ZERO,
                                    versionsFor(
                                            versions,
                                            new CounterKey(
                                                    c.indicatorCode(),
                                                    c.period(),
                                                    c.scopeKind(),
                                                    c.scopeId(),
                                                    c.regionId(),
                                                    c.municipalityId(),
                                                    c.organizationId()))));
                    return written.thenMany(zeroed).then(Mono.fromSupplier(() -> {
                        log.info(
                                "Recomputed {} counters of region {} municipality {} from {} teachers, {} organisations",
                                totals.size(),
                                regionId,
                                municipalityId,
                                teachers.size(),
                                organizations.size());
                        return new Totals(teachers.size(), organizations.size(), totals.size());
                    }));
                });
    }

    /** Fact versions per scope id: a counter records those of the facts placed in its scope. */
    private static void remember(
            Map<String, Map<String, Long>> versions,
            String factKey,
            long version,
            String region,
            String municipality,
            String organization) {
        for (String scope : new String[] {"R" + region, "M" + municipality, "O" + organization}) {
            versions.computeIfAbsent(scope, s -> new HashMap<>()).put(factKey, version);
        }
    }

    private static Map<String, Long> versionsFor(Map<String, Map<String, Long>> versions, CounterKey key) {
        String scope = switch (key.scopeKind()) {
            case REGION -> "R" + key.regionId();
            case MUNICIPALITY, MUNICIPALITY_TARGET_GROUP -> "M" + key.municipalityId();
            case ORGANIZATION -> "O" + key.organizationId();
        };
        return versions.getOrDefault(scope, Map.of());
    }
}
