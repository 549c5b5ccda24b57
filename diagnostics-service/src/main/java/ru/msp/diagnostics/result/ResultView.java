package ru.msp.diagnostics.result;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import ru.msp.contracts.TargetGroup;
import ru.msp.contracts.diagnostics.Deficit;
import ru.msp.diagnostics.result.DiagnosticResult.ScoredCompetency;

/** A result as the API shows it. */
public record ResultView(
        String resultId,
        String campaignId,
        String campaignLevel,
        String teacherId,
        String regionId,
        String municipalityId,
        String organizationId,
        String position,
        Set<TargetGroup> targetGroups,
        String sourceKind,
        LocalDate diagnosedOn,
        String schoolYear,
        String frameworkVersion,
        List<ScoredCompetency> competencies,
        List<Deficit> deficits,
        Instant recordedAt) {

    static ResultView of(DiagnosticResult r) {
        return new ResultView(
                r.id(),
                r.campaignId(),
                r.campaignLevel(),
                r.teacherId(),
                r.regionId(),
                r.municipalityId(),
                r.organizationId(),
                r.position(),
                r.targetGroups(),
                r.sourceKind(),
                r.diagnosedOn(),
                r.schoolYear(),
                r.frameworkVersion(),
                r.competencies(),
                r.deficits(),
                r.recordedAt());
    }
}
