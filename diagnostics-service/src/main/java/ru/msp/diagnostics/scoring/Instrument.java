package ru.msp.diagnostics.scoring;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A campaign's diagnostic instrument: which competencies it measures, the maximum score of each, and its level
 * thresholds (Р-201 unless the instrument says otherwise, for all its competencies or for one).
 *
 * @param maxScores maximum raw score per competency code; 100 for instruments that report percentages
 * @param competencyThresholds thresholds of single competencies that differ from {@code thresholds}
 */
public record Instrument(
        String code,
        Map<String, BigDecimal> maxScores,
        LevelThresholds thresholds,
        Map<String, LevelThresholds> competencyThresholds) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public Instrument {
        if (code == null || code.isBlank()) {
            throw new IllegalArgumentException("An instrument needs a code");
        }
        Objects.requireNonNull(thresholds, "thresholds");
        Objects.requireNonNull(competencyThresholds, "competencyThresholds");
        if (maxScores == null || maxScores.isEmpty()) {
            throw new IllegalArgumentException("Instrument " + code + " measures no competency");
        }
        for (Map.Entry<String, BigDecimal> max : maxScores.entrySet()) {
            if (max.getValue() == null || max.getValue().signum() <= 0) {
                throw new IllegalArgumentException("Instrument " + code + ": maximum score of " + max.getKey()
                        + " must be positive, got " + max.getValue());
            }
        }
        for (String competency : competencyThresholds.keySet()) {
            if (!maxScores.containsKey(competency)) {
                throw new IllegalArgumentException(
                        "Instrument " + code + " has thresholds for " + competency + " but does not measure it");
            }
        }
        maxScores = Map.copyOf(maxScores);
        competencyThresholds = Map.copyOf(competencyThresholds);
    }

    /** An instrument with raw maximum scores and the Р-201 thresholds. */
    public static Instrument of(String code, Map<String, BigDecimal> maxScores) {
        return new Instrument(code, maxScores, LevelThresholds.R201, Map.of());
    }

    /** An instrument that reports every competency on the 0-100 scale. */
    public static Instrument percentScale(String code, Collection<String> competencyCodes) {
        Map<String, BigDecimal> maxScores = new HashMap<>();
        competencyCodes.forEach(c -> maxScores.put(c, HUNDRED));
        return of(code, maxScores);
    }

    /** The same instrument with its own thresholds for every competency. */
    public Instrument withThresholds(LevelThresholds overriding) {
        return new Instrument(code, maxScores, overriding, competencyThresholds);
    }

    /** The same instrument with its own thresholds for one competency. */
    public Instrument withThresholds(String competencyCode, LevelThresholds overriding) {
        Map<String, LevelThresholds> changed = new HashMap<>(competencyThresholds);
        changed.put(competencyCode, overriding);
        return new Instrument(code, maxScores, thresholds, changed);
    }

    public boolean measures(String competencyCode) {
        return maxScores.containsKey(competencyCode);
    }

    public Optional<BigDecimal> maxScore(String competencyCode) {
        return Optional.ofNullable(maxScores.get(competencyCode));
    }

    public LevelThresholds thresholdsFor(String competencyCode) {
        return competencyThresholds.getOrDefault(competencyCode, thresholds);
    }
}
