package ru.msp.diagnostics.result;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;
import ru.msp.contracts.CompetencyLevel;
import ru.msp.contracts.DeficitSeverity;
import ru.msp.contracts.TargetGroup;
import ru.msp.contracts.diagnostics.Deficit;
import ru.msp.support.outbox.PendingEvent;
import ru.msp.support.tenancy.TenantFields;
import ru.msp.support.tenancy.TenantKey;
import ru.msp.support.tenancy.TenantOwned;

/**
 * One accepted diagnosis of one teacher in one campaign by one source. The id is the idempotency key
 * {@code <campaignId>:<teacherId>:<sourceKind>}, so the store's unique {@code _id} refuses a second result for the
 * same key even from two concurrent requests; several sources for one teacher are separate documents.
 *
 * @param organizationId where the teacher worked when diagnosed (the result stays there after a transfer)
 * @param schoolYear the campaign's period, e.g. {@code 2025/2026}
 */
@Document(DiagnosticResult.COLLECTION)
// campaign progress (results of a campaign) and the teacher profile (results of a teacher)
@CompoundIndex(name = "campaignId", def = "{'campaignId': 1}")
@CompoundIndex(name = "teacherId", def = "{'teacherId': 1}")
@TenantFields
public record DiagnosticResult(
        @Id String id,
        String campaignId,
        String campaignLevel,
        String regionId,
        String municipalityId,
        String organizationId,
        String teacherId,
        String position,
        Set<TargetGroup> targetGroups,
        String sourceKind,
        LocalDate diagnosedOn,
        String schoolYear,
        String frameworkVersion,
        List<ScoredCompetency> competencies,
        List<Deficit> deficits,
        String recordedBy,
        Instant recordedAt,
        List<PendingEvent> outbox)
        implements TenantOwned {

    public static final String COLLECTION = "diagnostic_results";
    public static final List<String> SOURCE_KINDS = List.of("INSTRUMENT", "EXPERT", "SELF_ASSESSMENT");

    /**
     * @param score raw, on the instrument's scale
     * @param percent score / maxScore in percent, two decimals (display only; the level is computed exactly)
     * @param deficit null when the level is above basic
     */
    public record ScoredCompetency(
            String competencyCode,
            BigDecimal score,
            BigDecimal maxScore,
            BigDecimal percent,
            CompetencyLevel level,
            DeficitSeverity deficit) {}

    public static String keyOf(String campaignId, String teacherId, String sourceKind) {
        return campaignId + ":" + teacherId + ":" + sourceKind;
    }

    @Override
    public TenantKey tenantKey() {
        return new TenantKey(regionId, municipalityId, organizationId, teacherId);
    }

    DiagnosticResult withOutbox(List<PendingEvent> events) {
        return new DiagnosticResult(
                id,
                campaignId,
                campaignLevel,
                regionId,
                municipalityId,
                organizationId,
                teacherId,
                position,
                targetGroups,
                sourceKind,
                diagnosedOn,
                schoolYear,
                frameworkVersion,
                competencies,
                deficits,
                recordedBy,
                recordedAt,
                events);
    }
}
