package ru.msp.diagnostics.scoring;

import java.util.List;
import java.util.Optional;
import ru.msp.contracts.diagnostics.CompetencyResult;
import ru.msp.contracts.diagnostics.Deficit;

/** What a result's scores came to: the banded competencies and the scores refused, each with its reason. */
public record ScoringOutcome(
        String frameworkVersion, String position, List<ScoredCompetency> scored, List<ScoreRejection> rejected) {

    public ScoringOutcome {
        scored = List.copyOf(scored);
        rejected = List.copyOf(rejected);
    }

    /** Levels per competency, as {@code DiagnosticCompleted} carries them. */
    public List<CompetencyResult> results() {
        return scored.stream().map(ScoredCompetency::toResult).toList();
    }

    /** Deficits found, as {@code DiagnosticCompleted} carries them. */
    public List<Deficit> deficits() {
        return scored.stream()
                .map(ScoredCompetency::toDeficit)
                .flatMap(Optional::stream)
                .toList();
    }
}
