package ru.msp.indicators.value;

import java.math.BigDecimal;
import ru.msp.indicators.catalogue.Direction;
import ru.msp.indicators.catalogue.IndicatorUnit;

/**
 * One indicator's value for a scope and school year, against the programme's target.
 *
 * @param value percent for a SHARE (null while the denominator is 0), the count for a COUNT, 1/0 for a YES_NO
 * @param status MET, AT_RISK, NOT_MET, NO_TARGET or NO_DATA ({@link TargetStatus})
 * @param inProgramme whether the municipality's programme uses the indicator
 */
public record IndicatorValue(
        String indicatorCode,
        String nameRu,
        String nameEn,
        IndicatorUnit unit,
        long numerator,
        long denominator,
        BigDecimal value,
        BigDecimal target,
        Direction direction,
        String status,
        boolean inProgramme) {}
