package ru.msp.diagnostics.scoring;

import java.math.BigDecimal;
import java.util.Objects;
import ru.msp.contracts.CompetencyLevel;

/**
 * Where the level bands of an instrument start, in percent of the maximum score. A percentage exactly on a boundary
 * belongs to the lower band's upper end: {@code [0, basicFrom)} BELOW_BASIC, {@code [basicFrom, advancedAbove]}
 * BASIC, {@code (advancedAbove, highAbove]} ADVANCED, {@code (highAbove, 100]} HIGH.
 */
public record LevelThresholds(BigDecimal basicFrom, BigDecimal advancedAbove, BigDecimal highAbove) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /**
     * The Ministry's guidance Р-201 (2021): under 60% is below basic (a pronounced deficit), 60-80% basic (a partial
     * deficit), over 80% up to 90% advanced, over 90% high.
     */
    public static final LevelThresholds R201 = of("60", "80", "90");

    public LevelThresholds {
        Objects.requireNonNull(basicFrom, "basicFrom");
        Objects.requireNonNull(advancedAbove, "advancedAbove");
        Objects.requireNonNull(highAbove, "highAbove");
        // Strictly increasing inside (0, 100): every band is reachable and none overlaps another.
        if (basicFrom.signum() <= 0
                || basicFrom.compareTo(advancedAbove) >= 0
                || advancedAbove.compareTo(highAbove) >= 0
                || highAbove.compareTo(HUNDRED) >= 0) {
            throw new IllegalArgumentException("Level thresholds must satisfy 0 < basicFrom < advancedAbove < highAbove"
                    + " < 100, got " + basicFrom + " / " + advancedAbove + " / " + highAbove);
        }
    }

    public static LevelThresholds of(String basicFrom, String advancedAbove, String highAbove) {
        return new LevelThresholds(new BigDecimal(basicFrom), new BigDecimal(advancedAbove), new BigDecimal(highAbove));
    }

    /** The level of {@code score} out of {@code maxScore}; the caller has checked {@code 0 <= score <= maxScore}. */
    public CompetencyLevel levelOf(BigDecimal score, BigDecimal maxScore) {
        if (maxScore.signum() <= 0 || score.signum() < 0 || score.compareTo(maxScore) > 0) {
            throw new IllegalArgumentException("score " + score + " is outside 0.." + maxScore);
        }
        if (compareToPercent(score, maxScore, basicFrom) < 0) {
            return CompetencyLevel.BELOW_BASIC;
        }
        if (compareToPercent(score, maxScore, advancedAbove) <= 0) {
            return CompetencyLevel.BASIC;
        }
        if (compareToPercent(score, maxScore, highAbove) <= 0) {
            return CompetencyLevel.ADVANCED;
        }
        return CompetencyLevel.HIGH;
    }

    /** The level of a score already on the 0-100 scale. */
    public CompetencyLevel levelOfPercent(BigDecimal percent) {
        return levelOf(percent, HUNDRED);
    }

    /**
     * Compares score/max*100 with a threshold by cross-multiplying (score*100 vs threshold*max), so no division or
     * rounding can move a score across a boundary: 161 of 200 (80.5%) and 80.0001% are above 80, exactly 80% is not.
     */
    private static int compareToPercent(BigDecimal score, BigDecimal maxScore, BigDecimal percent) {
        return score.multiply(HUNDRED).compareTo(percent.multiply(maxScore));
    }
}
