package ru.msp.diagnostics.scoring;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import ru.msp.diagnostics.framework.Competency;
import ru.msp.diagnostics.framework.CompetencyFramework;
import ru.msp.diagnostics.framework.Position;
import ru.msp.diagnostics.scoring.ScoreRejection.Reason;

/**
 * Bands one result's scores against a framework version and a campaign's instrument. Scores that cannot be banded
 * are refused one by one with their reason while the rest are scored, so a bulk import can report each and apply the
 * others.
 */
public final class Scorer {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final CompetencyFramework framework;

    public Scorer(CompetencyFramework framework) {
        this.framework = framework;
    }

    /**
     * @param position the position the result is filed under; must be one of the framework's (the caller checks it
     *     as the request's own field)
     * @throws IllegalArgumentException for a position the framework does not know
     */
    public ScoringOutcome score(Instrument instrument, String position, List<RawScore> scores) {
        if (framework.position(position).isEmpty()) {
            throw new IllegalArgumentException("Position " + position + " is not in competency framework "
                    + framework.version() + "; known: "
                    + framework.positions().stream().map(Position::code).toList());
        }
        Map<String, Integer> timesScored = new HashMap<>();
        scores.forEach(s -> {
            if (s != null && s.competencyCode() != null) {
                timesScored.merge(s.competencyCode(), 1, Integer::sum);
            }
        });
        List<ScoredCompetency> scored = new ArrayList<>();
        List<ScoreRejection> rejected = new ArrayList<>();
        for (int i = 0; i < scores.size(); i++) {
            RawScore raw = scores.get(i);
            String code = raw == null ? null : raw.competencyCode();
            if (raw == null || code == null || code.isBlank() || raw.score() == null) {
                rejected.add(new ScoreRejection(
                        i, code, Reason.MISSING_VALUE, "a competency code and a score are both required"));
                continue;
            }
            Competency competency = framework.competency(code).orElse(null);
            if (competency == null) {
                rejected.add(new ScoreRejection(
                        i,
                        code,
                        Reason.UNKNOWN_COMPETENCY,
                        code + " is not a competency of framework " + framework.version()));
            } else if (!competency.appliesTo(position)) {
                rejected.add(new ScoreRejection(
                        i,
                        code,
                        Reason.NOT_APPLICABLE_TO_POSITION,
                        code + " does not apply to position " + position + " in framework " + framework.version()
                                + ": not scored, so it is no deficit"));
            } else if (!instrument.measures(code)) {
                rejected.add(new ScoreRejection(
                        i,
                        code,
                        Reason.NOT_MEASURED_BY_INSTRUMENT,
                        "instrument " + instrument.code() + " does not measure " + code));
            } else if (timesScored.get(code) > 1) {
                rejected.add(new ScoreRejection(
                        i,
                        code,
                        Reason.DUPLICATE,
                        code + " is scored " + timesScored.get(code) + " times in one result; send one score"));
            } else {
                BigDecimal max = instrument.maxScore(code).orElseThrow();
                if (raw.score().signum() < 0 || raw.score().compareTo(max) > 0) {
                    rejected.add(new ScoreRejection(
                            i,
                            code,
                            Reason.OUT_OF_RANGE,
                            "score " + raw.score().toPlainString() + " is outside 0.." + max.toPlainString()
                                    + " of instrument " + instrument.code()));
                } else {
                    scored.add(new ScoredCompetency(
                            code,
                            raw.score(),
                            max,
                            raw.score().multiply(HUNDRED).divide(max, 2, RoundingMode.HALF_UP),
                            instrument.thresholdsFor(code).levelOf(raw.score(), max)));
                }
            }
        }
        return new ScoringOutcome(framework.version(), position, scored, rejected);
    }
}
