package ru.msp.contracts.diagnostics;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import ru.msp.contracts.EventPayload;
import ru.msp.contracts.TargetGroup;

/**
 * A diagnostic result was accepted: levels per competency and the deficits found. Keyed by teacher so that one
 * teacher's diagnoses stay in order.
 *
 * @param campaignLevel FEDERAL, REGIONAL, MUNICIPAL or SCHOOL
 * @param sourceKind who measured: INSTRUMENT (test), EXPERT, SELF_ASSESSMENT, ...
 * @param period school year, e.g. {@code 2025/2026}
 */
public record DiagnosticCompleted(
        String resultId,
        String teacherId,
        String campaignId,
        String campaignLevel,
        String sourceKind,
        String frameworkVersion,
        LocalDate diagnosedOn,
        String period,
        String position,
        Set<TargetGroup> targetGroups,
        List<CompetencyResult> competencies,
        List<Deficit> deficits)
        implements EventPayload {
    @Override
    public String aggregateId() {
        return teacherId;
    }
}
