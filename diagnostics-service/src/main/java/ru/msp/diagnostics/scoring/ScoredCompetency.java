package ru.msp.diagnostics.scoring;

import java.math.BigDecimal;
import java.util.Optional;
import ru.msp.contracts.CompetencyLevel;
import ru.msp.contracts.DeficitSeverity;
import ru.msp.contracts.diagnostics.CompetencyResult;
import ru.msp.contracts.diagnostics.Deficit;

/**
 * One competency banded.
 *
 * @param percent score/max*100 rounded to two places, for display only: the level was decided on the exact ratio
 */
public record ScoredCompetency(
        String competencyCode, BigDecimal score, BigDecimal maxScore, BigDecimal percent, CompetencyLevel level) {

    /**
     * Р-201: below basic is a pronounced deficit (an individual route), basic a partial one (targeted courses or
     * events), above basic none. Derived from the level, so a result can never be ADVANCED and deficient at once,
     * whatever thresholds the instrument chose.
     */
    public Optional<DeficitSeverity> deficit() {
        return switch (level) {
            case BELOW_BASIC -> Optional.of(DeficitSeverity.PRONOUNCED);
            case BASIC -> Optional.of(DeficitSeverity.PARTIAL);
            case ADVANCED, HIGH -> Optional.empty();
        };
    }

    public CompetencyResult toResult() {
        return new CompetencyResult(competencyCode, score, maxScore, level);
    }

    public Optional<Deficit> toDeficit() {
        return deficit().map(severity -> new Deficit(competencyCode, severity));
    }
}
