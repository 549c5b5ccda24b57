package ru.msp.indicators.value;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import ru.msp.indicators.catalogue.IndicatorDefinition;
import ru.msp.indicators.catalogue.SchoolYear;
import ru.msp.indicators.programme.Programme;
import ru.msp.indicators.programme.ProgrammeRegistry;
import ru.msp.support.problem.FieldProblem;
import ru.msp.support.problem.RequestRejectedException;
import ru.msp.support.tenancy.TenantScope;

/** {@code /api/indicators}: values of a scope, the region dashboard, drill-down, time series, recompute. */
@RestController
@RequestMapping("/api/indicators")
class ValueHandler {

    private final IndicatorValues values;
    private final CounterStore counters;
    private final ProgrammeRegistry programmes;
    private final Recompute recompute;

    ValueHandler(IndicatorValues values, CounterStore counters, ProgrammeRegistry programmes, Recompute recompute) {
        this.values = values;
        this.counters = counters;
        this.programmes = programmes;
        this.recompute = recompute;
    }

    @GetMapping
    Mono<ScopeValues> of(@RequestParam(required = false) String scope, @RequestParam(required = false) String period) {
        return TenantScope.current()
                .flatMap(caller -> values.values(caller, ScopeRef.parse("scope", scope), values.period(period)));
    }

    /** The region's matrix: one row per municipality, one cell per indicator of that municipality's programme. */
    @GetMapping("/dashboard")
    Mono<Dashboard> dashboard(
            @RequestParam(required = false) String regionId, @RequestParam(required = false) String period) {
        if (regionId == null || regionId.isBlank()) {
            return Mono.error(RequestRejectedException.invalid(List.of(FieldProblem.of("regionId", "required"))));
        }
        SchoolYear year = values.period(period);
        return TenantScope.current()
                .flatMap(caller -> programmes
                        .inRegion(caller, regionId)
                        .collectList()
                        .flatMap(rows -> counters.of(
                                        caller,
                                        ScopeKind.MUNICIPALITY,
                                        rows.stream()
                                                .map(Programme::municipalityId)
                                                .toList(),
                                        year.toString())
                                .collectMultimap(IndicatorCounter::scopeId)
                                .map(byMunicipality -> new Dashboard(
                                        regionId,
                                        year.toString(),
                                        rows.stream()
                                                .map(p -> new Dashboard.Row(
                                                        p.municipalityId(),
                                                        p.municipalityName(),
                                                        p.presetId(),
                                                        values.valuesOf(
                                                                byMunicipality
                                                                        .getOrDefault(p.municipalityId(), List.of())
                                                                        .stream()
                                                                        .collect(java.util.stream.Collectors.toMap(
                                                                                IndicatorCounter::indicatorCode,
                                                                                IndicatorCounter::tally)),
                                                                p,
                                                                year,
                                                                true)))
                                                .toList()))));
    }

    public record Dashboard(String regionId, String period, List<Row> municipalities) {
        public record Row(String municipalityId, String name, String presetId, List<IndicatorValue> values) {}
    }

    /** One indicator of a municipality per organisation and per target group. */
    @GetMapping("/drilldown")
    Mono<Drilldown> drilldown(
            @RequestParam(required = false) String scope,
            @RequestParam(required = false) String indicator,
            @RequestParam(required = false) String period) {
        ScopeRef ref = ScopeRef.parse("scope", scope);
        if (ref.kind() != ScopeKind.MUNICIPALITY) {
            return Mono.error(RequestRejectedException.invalid(
                    List.of(new FieldProblem("scope", "drill-down starts from municipality:ID", scope))));
        }
        IndicatorDefinition definition = definition(indicator);
        SchoolYear year = values.period(period);
        return TenantScope.current()
                .flatMap(caller -> values.resolve(caller, ref).flatMap(resolved -> {
                    Optional<Programme.Target> target = resolved.programme().target(definition.code());
                    Mono<IndicatorValue> whole = counters.of(
                                    caller, ScopeKind.MUNICIPALITY, List.of(ref.id()), year.toString())
                            .filter(c -> c.indicatorCode().equals(definition.code()))
                            .next()
                            .map(c -> values.value(definition, c.tally(), target, year))
                            .defaultIfEmpty(values.value(definition, null, target, year));
                    Mono<List<Drilldown.Part>> organizations = counters.inMunicipality(
                                    caller, ScopeKind.ORGANIZATION, ref.id(), definition.code(), year.toString())
                            .map(c ->
                                    new Drilldown.Part(c.scopeId(), values.value(definition, c.tally(), target, year)))
                            .collectList();
                    Mono<List<Drilldown.Part>> groups = counters.inMunicipality(
                                    caller,
                                    ScopeKind.MUNICIPALITY_TARGET_GROUP,
                                    ref.id(),
                                    definition.code(),
                                    year.toString())
                            .map(c -> new Drilldown.Part(
                                    c.scopeId().substring(c.scopeId().indexOf('~') + 1),
                                    values.value(definition, c.tally(), target, year)))
                            .collectList();
                    return Mono.zip(whole, organizations, groups)
                            .map(t -> new Drilldown(ref.toString(), year.toString(), t.getT1(), t.getT2(), t.getT3()));
                }));
    }

    public record Drilldown(
            String scope, String period, IndicatorValue value, List<Part> organizations, List<Part> targetGroups) {
        public record Part(String id, IndicatorValue value) {}
    }

    /** The daily points of one indicator of a municipality or region, oldest first. */
    @GetMapping("/series")
    Mono<Series> series(
            @RequestParam(required = false) String scope,
            @RequestParam(required = false) String indicator,
            @RequestParam(required = false) String period) {
        ScopeRef ref = ScopeRef.parse("scope", scope);
        if (ref.kind() == ScopeKind.ORGANIZATION) {
            return Mono.error(RequestRejectedException.invalid(
                    List.of(new FieldProblem("scope", "series are kept for municipalities and regions", scope))));
        }
        IndicatorDefinition definition = definition(indicator);
        String year = period == null || period.isBlank()
                ? null
                : values.period(period).toString();
        return TenantScope.current()
                .flatMap(caller -> values.resolve(caller, ref)
                        .flatMap(resolved -> counters.points(caller, ref.kind(), ref.id(), definition.code(), year)
                                .map(p -> new Series.Point(
                                        p.date(),
                                        p.period(),
                                        p.numerator(),
                                        p.denominator(),
                                        TargetStatus.value(definition, new Tally(p.numerator(), p.denominator()))))
                                .collectList()
                                .map(points -> new Series(ref.toString(), definition.code(), points))));
    }

    public record Series(String scope, String indicatorCode, List<Point> points) {
        public record Point(LocalDate date, String period, long numerator, long denominator, BigDecimal value) {}
    }

    @PostMapping("/recompute")
    Mono<Recompute.Result> recompute(@RequestParam(required = false) String scope) {
        ScopeRef ref = ScopeRef.parse("scope", scope);
        if (ref.kind() == ScopeKind.ORGANIZATION) {
            return Mono.error(RequestRejectedException.invalid(
                    List.of(new FieldProblem("scope", "recompute a region:ID or a municipality:ID", scope))));
        }
        return TenantScope.current().flatMap(caller -> {
            if (ref.kind() == ScopeKind.REGION) {
                return recompute.run(caller, ref, null);
            }
            return programmes
                    .byMunicipality(TenantScope.system("indicators-service"), ref.id())
                    .switchIfEmpty(Mono.error(() -> RequestRejectedException.notFound("Scope " + ref)))
                    .flatMap(p -> recompute.run(caller, ref, p.regionId()));
        });
    }

    private IndicatorDefinition definition(String code) {
        if (code == null || code.isBlank()) {
            throw RequestRejectedException.invalid(List.of(FieldProblem.of("indicator", "required")));
        }
        return values.definition(code)
                .orElseThrow(() -> RequestRejectedException.invalid(
                        List.of(new FieldProblem("indicator", "no such indicator", code))));
    }
}
