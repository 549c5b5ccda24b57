package ru.msp.diagnostics.campaign;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import ru.msp.contracts.CompetencyLevel;

/**
 * {@code POST /api/diagnostics/campaigns}. Region, municipality and organisation default to the caller's token.
 *
 * @param schoolYear {@code 2025/2026}: September to August; {@code startsOn}..{@code endsOn} must lie inside it
 */
public record CampaignRequest(
        String level,
        String operatorName,
        String regionId,
        String municipalityId,
        String organizationId,
        String schoolYear,
        LocalDate startsOn,
        LocalDate endsOn,
        InstrumentRequest instrument,
        TargetRequest target) {

    /** @param thresholds omitted: Р-201 (60 / 80 / 90) */
    public record InstrumentRequest(
            String code,
            List<CompetencyRequest> competencies,
            ThresholdsRequest thresholds,
            CompetencyLevel requiredLevel) {}

    public record CompetencyRequest(String code, BigDecimal maxScore) {}

    public record ThresholdsRequest(BigDecimal basicFrom, BigDecimal advancedAbove, BigDecimal highAbove) {}

    public record TargetRequest(List<String> positions, List<String> organizationIds, List<String> targetGroups) {}
}
