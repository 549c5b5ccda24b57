package ru.msp.diagnostics.campaign;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import ru.msp.contracts.CompetencyLevel;
import ru.msp.contracts.TargetGroup;
import ru.msp.diagnostics.scoring.Instrument;
import ru.msp.diagnostics.scoring.LevelThresholds;
import ru.msp.diagnostics.teacher.KnownTeacher;
import ru.msp.support.outbox.PendingEvent;
import ru.msp.support.tenancy.Role;
import ru.msp.support.tenancy.TenantFields;
import ru.msp.support.tenancy.TenantKey;
import ru.msp.support.tenancy.TenantOwned;
import ru.msp.support.tenancy.TenantScope;

/**
 * A diagnostic campaign: who runs it and for whom, when, and with which instrument.
 *
 * <p>Reads are filtered by region only ({@link TenantFields}): a municipality must see its region's campaigns, which
 * have no municipality. {@link #visibleTo} then narrows to the campaigns that cover the caller's place.
 *
 * @param level FEDERAL, REGIONAL, MUNICIPAL or SCHOOL; decides which of region, municipality and organisation are set
 * @param operatorName who conducts it, e.g. the regional institute of education development
 * @param schoolYear e.g. {@code 2025/2026}, the period events and indicators name
 */
@Document(Campaign.COLLECTION)
@TenantFields(municipality = "", organization = "", teacher = "")
public record Campaign(
        @Id String id,
        String level,
        String operatorName,
        String regionId,
        String municipalityId,
        String organizationId,
        String schoolYear,
        LocalDate startsOn,
        LocalDate endsOn,
        String frameworkVersion,
        InstrumentSpec instrument,
        TargetPopulation target,
        String createdBy,
        Instant createdAt,
        List<PendingEvent> outbox)
        implements TenantOwned {

    public static final String COLLECTION = "campaigns";
    public static final List<String> LEVELS = List.of("FEDERAL", "REGIONAL", "MUNICIPAL", "SCHOOL");

    /** @param requiredLevel the level the campaign expects; below it is a deficit by Р-201 (default ADVANCED) */
    public record InstrumentSpec(
            String code, List<MeasuredCompetency> competencies, Thresholds thresholds, CompetencyLevel requiredLevel) {}

    public record MeasuredCompetency(String code, BigDecimal maxScore) {}

    /** In percent of the maximum; see {@link LevelThresholds}. */
    public record Thresholds(BigDecimal basicFrom, BigDecimal advancedAbove, BigDecimal highAbove) {

        static Thresholds of(LevelThresholds t) {
            return new Thresholds(t.basicFrom(), t.advancedAbove(), t.highAbove());
        }

        LevelThresholds toLevelThresholds() {
            return new LevelThresholds(basicFrom, advancedAbove, highAbove);
        }
    }

    /** Empty lists mean "any": every position the instrument applies to, every organisation in the campaign's area. */
    public record TargetPopulation(
            List<String> positions, List<String> organizationIds, Set<TargetGroup> targetGroups) {}

    @Override
    public TenantKey tenantKey() {
        return new TenantKey(regionId, municipalityId, organizationId, null);
    }

    public Campaign withOutbox(List<PendingEvent> events) {
        return new Campaign(
                id,
                level,
                operatorName,
                regionId,
                municipalityId,
                organizationId,
                schoolYear,
                startsOn,
                endsOn,
                frameworkVersion,
                instrument,
                target,
                createdBy,
                createdAt,
                events);
    }

    /** The instrument as the scorer uses it. */
    public Instrument scoringInstrument() {
        Map<String, BigDecimal> maxScores = new LinkedHashMap<>();
        instrument.competencies().forEach(c -> maxScores.put(c.code(), c.maxScore()));
        return new Instrument(
                instrument.code(), maxScores, instrument.thresholds().toLevelThresholds(), Map.of());
    }

    public List<String> competencyCodes() {
        return instrument.competencies().stream().map(MeasuredCompetency::code).toList();
    }

    /**
     * Whether the caller may see this campaign: federal ones everyone; others whoever's place they cover (a school
     * sees its region's and municipality's campaigns and its own), operators everything in their territory.
     */
    public boolean visibleTo(TenantScope scope) {
        if (scope.system() || scope.has(Role.ADMIN) || "FEDERAL".equals(level)) {
            return true;
        }
        if (regionId == null || !regionId.equals(scope.regionId())) {
            return false;
        }
        if (scope.has(Role.REGIONAL_OPERATOR)) {
            return true;
        }
        if (municipalityId != null && !municipalityId.equals(scope.municipalityId())) {
            return false;
        }
        if (scope.hasAny(Role.MUNICIPAL_OPERATOR, Role.METHODIST)) {
            return true;
        }
        if (organizationId != null
                && scope.organizationId() != null
                && !organizationId.equals(scope.organizationId())) {
            return false;
        }
        return scope.hasAny(Role.SCHOOL_SYSTEM, Role.TEACHER);
    }

    /** Why the teacher is outside the campaign's target population, or {@code null} when inside it. */
    public String excludes(KnownTeacher teacher) {
        if (regionId != null && !regionId.equals(teacher.regionId())
                || municipalityId != null && !municipalityId.equals(teacher.municipalityId())
                || organizationId != null && !organizationId.equals(teacher.organizationId())) {
            return "works outside the campaign's area";
        }
        if (!target.organizationIds().isEmpty() && !target.organizationIds().contains(teacher.organizationId())) {
            return "works in an organisation the campaign does not target";
        }
        if (!target.positions().isEmpty() && !target.positions().contains(teacher.position())) {
            return "position " + teacher.position() + " is not targeted by the campaign " + target.positions();
        }
        if (!target.targetGroups().isEmpty()
                && teacher.targetGroups().stream().noneMatch(target.targetGroups()::contains)) {
            return "belongs to none of the campaign's target groups " + target.targetGroups();
        }
        return null;
    }

    /** The campaign's target population includes this teacher now (known, not departed, targeted). */
    public boolean targets(KnownTeacher teacher) {
        return teacher.known() && !teacher.departed() && excludes(teacher) == null;
    }
}
