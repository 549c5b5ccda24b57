package ru.msp.indicators.alert;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import ru.msp.indicators.value.IndicatorValues;
import ru.msp.indicators.value.ScopeKind;
import ru.msp.indicators.value.ScopeRef;
import ru.msp.support.problem.FieldProblem;
import ru.msp.support.problem.RequestRejectedException;
import ru.msp.support.tenancy.TenantScope;

/** {@code GET /api/indicators/alerts?scope=region:ID|municipality:ID[&open=true]}. */
@RestController
@RequestMapping("/api/indicators/alerts")
class AlertHandler {

    private final AlertRegistry alerts;
    private final IndicatorValues values;

    AlertHandler(AlertRegistry alerts, IndicatorValues values) {
        this.alerts = alerts;
        this.values = values;
    }

    @GetMapping
    Mono<List<AlertView>> list(
            @RequestParam(required = false) String scope, @RequestParam(defaultValue = "false") boolean open) {
        ScopeRef ref = ScopeRef.parse("scope", scope);
        if (ref.kind() == ScopeKind.ORGANIZATION) {
            return Mono.error(RequestRejectedException.invalid(
                    List.of(new FieldProblem("scope", "alerts are listed by region:ID or municipality:ID", scope))));
        }
        return TenantScope.current()
                .flatMap(caller -> values.resolve(caller, ref)
                        .flatMap(resolved -> alerts.of(
                                        caller,
                                        resolved.regionId(),
                                        ref.kind() == ScopeKind.MUNICIPALITY ? ref.id() : null,
                                        open)
                                .map(AlertView::of)
                                .collectList()));
    }

    /** An alert as the API shows it. */
    record AlertView(
            String alertId,
            String kind,
            String subjectId,
            String period,
            String detail,
            boolean open,
            String municipalityId,
            String organizationId,
            java.time.Instant raisedAt,
            java.time.Instant resolvedAt) {

        static AlertView of(Alert a) {
            return new AlertView(
                    a.alertId(),
                    a.kind(),
                    a.subjectId(),
                    a.period(),
                    a.detail(),
                    a.open(),
                    a.municipalityId(),
                    a.organizationId(),
                    a.raisedAt(),
                    a.resolvedAt());
        }
    }
}
