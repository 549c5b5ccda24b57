package ru.msp.indicators.value;

import java.math.BigDecimal;
import java.math.RoundingMode;
import ru.msp.indicators.catalogue.Direction;
import ru.msp.indicators.catalogue.IndicatorDefinition;
import ru.msp.indicators.catalogue.IndicatorUnit;

/**
 * A value against its target. MET: the target is reached in the indicator's direction. AT_RISK: missed by at most
 * {@value #RISK_MARGIN_PERCENT}% of the target (e.g. target 60%: 54-59.9%; lower-is-better target 10: up to 11).
 * NOT_MET: missed by more. NO_TARGET: the programme sets none (or the indicator is not in it). NO_DATA: nothing to
 * divide by yet (no one in the denominator) while a target is set.
 */
public final class TargetStatus {

    static final int RISK_MARGIN_PERCENT = 10;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private TargetStatus() {}

    public static String of(BigDecimal value, BigDecimal target, Direction direction) {
        if (target == null) {
            return "NO_TARGET";
        }
        if (value == null) {
            return "NO_DATA";
        }
        BigDecimal margin =
                target.multiply(BigDecimal.valueOf(RISK_MARGIN_PERCENT)).divide(HUNDRED);
        if (direction == Direction.LOWER_IS_BETTER) {
            if (value.compareTo(target) <= 0) {
                return "MET";
            }
            return value.compareTo(target.add(margin)) <= 0 ? "AT_RISK" : "NOT_MET";
        }
        if (value.compareTo(target) >= 0) {
            return "MET";
        }
        return value.compareTo(target.subtract(margin)) >= 0 ? "AT_RISK" : "NOT_MET";
    }

    /**
     * The value of a tally: a SHARE in percent with one decimal (null when the denominator is 0), a COUNT the
     * numerator, a YES_NO 1 when the numerator is positive.
     */
    public static BigDecimal value(IndicatorDefinition definition, Tally tally) {
        if (tally == null) {
            return null;
        }
        if (definition.unit() == IndicatorUnit.SHARE) {
            return tally.denominator() == 0
                    ? null
                    : BigDecimal.valueOf(tally.numerator())
                            .multiply(HUNDRED)
                            .divide(BigDecimal.valueOf(tally.denominator()), 1, RoundingMode.HALF_UP);
        }
        if (definition.unit() == IndicatorUnit.COUNT) {
            return BigDecimal.valueOf(tally.numerator());
        }
        return tally.numerator() > 0 ? BigDecimal.ONE : BigDecimal.ZERO;
    }
}
