package ru.msp.diagnostics.result;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * {@code POST /api/diagnostics/results}, and one NDJSON line of an import.
 *
 * @param sourceKind INSTRUMENT (a test), EXPERT (an expert's assessment) or SELF_ASSESSMENT (a questionnaire)
 */
public record ResultRequest(
        String campaignId, String teacherId, String sourceKind, LocalDate diagnosedOn, List<ScoreRequest> scores) {

    /**
     * One competency's score: either {@code score} on the instrument's scale (0..its maxScore) or {@code percent}
     * (0..100), not both.
     */
    public record ScoreRequest(String competencyCode, BigDecimal score, BigDecimal percent) {}
}
