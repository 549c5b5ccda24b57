package ru.msp.contracts.indicators;

import java.math.BigDecimal;
import ru.msp.contracts.EventPayload;

/**
 * An indicator's value changed for a scope and period.
 *
 * @param municipalityId the municipality the scope lies in; absent for a region scope
 * @param scopeKind REGION, MUNICIPALITY or ORGANIZATION
 * @param status MET, AT_RISK, NOT_MET, or NO_TARGET
 */
public record IndicatorValueChanged(
        String municipalityId,
        String indicatorCode,
        String period,
        String scopeKind,
        String scopeId,
        long numerator,
        long denominator,
        BigDecimal value,
        BigDecimal target,
        String status)
        implements EventPayload {
    @Override
    public String aggregateId() {
        return scopeId;
    }
}
