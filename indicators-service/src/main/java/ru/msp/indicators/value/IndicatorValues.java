package ru.msp.indicators.value;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import ru.msp.indicators.catalogue.IndicatorCatalogue;
import ru.msp.indicators.catalogue.IndicatorDefinition;
import ru.msp.indicators.catalogue.SchoolYear;
import ru.msp.indicators.fact.FactStore;
import ru.msp.indicators.programme.Programme;
import ru.msp.indicators.programme.ProgrammeRegistry;
import ru.msp.support.problem.FieldProblem;
import ru.msp.support.problem.RequestRejectedException;
import ru.msp.support.tenancy.Role;
import ru.msp.support.tenancy.TenantScope;

/** Reads values for the API: resolves a scope the caller may see (404 otherwise), joins counters with targets. */
@Service
public class IndicatorValues {

    private final IndicatorCatalogue catalogue;
    private final CounterStore counters;
    private final ProgrammeRegistry programmes;
    private final FactStore facts;

    IndicatorValues(
            IndicatorCatalogue catalogue, CounterStore counters, ProgrammeRegistry programmes, FactStore facts) {
        this.catalogue = catalogue;
        this.counters = counters;
        this.programmes = programmes;
        this.facts = facts;
    }

    /** A scope resolved for a caller: its region and municipality, and the programme its targets come from. */
    public record Resolved(ScopeRef ref, String regionId, String municipalityId, Programme programme) {}

    public Mono<Resolved> resolve(TenantScope scope, ScopeRef ref) {
        return switch (ref.kind()) {
            case REGION ->
                scope.system()
                                || scope.has(Role.ADMIN)
                                || (scope.has(Role.REGIONAL_OPERATOR)
                                        && ref.id().equals(scope.regionId()))
                        ? Mono.just(new Resolved(ref, ref.id(), null, null))
                        : Mono.error(RequestRejectedException.notFound("Scope " + ref));
            case MUNICIPALITY ->
                programmes
                        .byMunicipality(scope, ref.id())
                        .map(p -> new Resolved(ref, p.regionId(), p.municipalityId(), p))
                        .switchIfEmpty(Mono.error(() -> RequestRejectedException.notFound("Scope " + ref)));
            case ORGANIZATION ->
                facts.organization(scope, ref.id())
                        .flatMap(o -> programmes
                                .byMunicipality(TenantScope.system("indicators-service"), o.municipalityId())
                                .map(p -> new Resolved(ref, o.regionId(), o.municipalityId(), p))
                                .defaultIfEmpty(new Resolved(ref, o.regionId(), o.municipalityId(), null)))
                        .switchIfEmpty(Mono.error(() -> RequestRejectedException.notFound("Scope " + ref)));
            case MUNICIPALITY_TARGET_GROUP -> Mono.error(RequestRejectedException.notFound("Scope " + ref));
        };
    }

    public SchoolYear period(String text) {
        if (text == null || text.isBlank()) {
            return facts.horizon();
        }
        try {
            return SchoolYear.parse(text);
        } catch (IllegalArgumentException e) {
            throw RequestRejectedException.invalid(List.of(new FieldProblem("period", e.getMessage(), text)));
        }
    }

    public Mono<ScopeValues> values(TenantScope scope, ScopeRef ref, SchoolYear period) {
        return resolve(scope, ref)
                .flatMap(resolved -> counters.of(scope, ref.kind(), List.of(ref.id()), period.toString())
                        .collectMap(IndicatorCounter::indicatorCode, IndicatorCounter::tally)
                        .map(tallies -> new ScopeValues(
                                ref.toString(),
                                period.toString(),
                                resolved.regionId(),
                                resolved.municipalityId(),
                                resolved.programme() == null
                                        ? null
                                        : resolved.programme().presetId(),
                                valuesOf(tallies, resolved.programme(), period, false))));
    }

    /** Values of the catalogue's indicators (only the programme's if asked), in catalogue order. */
    public List<IndicatorValue> valuesOf(
            Map<String, Tally> tallies, Programme programme, SchoolYear period, boolean programmeOnly) {
        List<IndicatorValue> values = new ArrayList<>();
        for (IndicatorDefinition d : catalogue.all()) {
            Optional<Programme.Target> target = programme == null ? Optional.empty() : programme.target(d.code());
            if (programmeOnly && target.isEmpty()) {
                continue;
            }
            values.add(value(d, tallies.get(d.code()), target, period));
        }
        return values;
    }

    public IndicatorValue value(
            IndicatorDefinition d, Tally tally, Optional<Programme.Target> target, SchoolYear period) {
        Tally t = tally == null ? Tally.ZERO : tally;
        BigDecimal value = tally == null && d.unit() != ru.msp.indicators.catalogue.IndicatorUnit.COUNT
                ? null
                : TargetStatus.value(d, t);
        BigDecimal goal = target.flatMap(x -> x.targetFor(period)).orElse(null);
        var direction = target.map(Programme.Target::direction).orElse(d.direction());
        return new IndicatorValue(
                d.code(),
                d.nameRu(),
                d.nameEn(),
                d.unit(),
                t.numerator(),
                t.denominator(),
                value,
                goal,
                direction,
                TargetStatus.of(value, goal, direction),
                target.isPresent());
    }

    public Optional<IndicatorDefinition> definition(String code) {
        return catalogue.byCode(code);
    }

    static <T> Map<String, T> byCode(List<T> items, Function<T, String> code) {
        return items.stream().collect(Collectors.toMap(code, Function.identity()));
    }
}
