package ru.msp.diagnostics.campaign;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import ru.msp.contracts.CompetencyLevel;
import ru.msp.contracts.TargetGroup;
import ru.msp.diagnostics.campaign.Campaign.InstrumentSpec;
import ru.msp.diagnostics.campaign.Campaign.MeasuredCompetency;
import ru.msp.diagnostics.campaign.Campaign.TargetPopulation;
import ru.msp.diagnostics.campaign.Campaign.Thresholds;
import ru.msp.diagnostics.campaign.CampaignRequest.CompetencyRequest;
import ru.msp.diagnostics.framework.Competency;
import ru.msp.diagnostics.framework.CompetencyFramework;
import ru.msp.diagnostics.scoring.LevelThresholds;
import ru.msp.support.problem.FieldProblem;
import ru.msp.support.problem.RequestRejectedException;
import ru.msp.support.tenancy.TenantScope;

/**
 * Turns a campaign request into a campaign, or refuses it listing every field at fault. Who may open which level is
 * left to the tenant check of the write: the campaign's region, municipality or organisation must be the caller's.
 */
final class CampaignRules {

    private static final Pattern SCHOOL_YEAR = Pattern.compile("(\\d{4})/(\\d{4})");

    private CampaignRules() {}

    static Campaign build(
            CampaignRequest request, TenantScope caller, CompetencyFramework framework, String id, Instant now) {
        List<FieldProblem> problems = new ArrayList<>();
        String level = request.level();
        if (level == null || !Campaign.LEVELS.contains(level)) {
            problems.add(new FieldProblem("level", "must be one of " + Campaign.LEVELS, level));
            level = null;
        }
        if (blank(request.operatorName())) {
            problems.add(FieldProblem.of("operatorName", "is required: who conducts the diagnostics"));
        }
        String region = orDefault(request.regionId(), caller.regionId());
        String municipality = orDefault(request.municipalityId(), caller.municipalityId());
        String organization = orDefault(request.organizationId(), caller.organizationId());
        if (level != null) {
            switch (level) {
                case "FEDERAL" -> {
                    region = null;
                    municipality = null;
                    organization = null;
                }
                case "REGIONAL" -> {
                    municipality = null;
                    organization = null;
                }
                case "MUNICIPAL" -> organization = null;
                default -> {}
            }
            int depth = Campaign.LEVELS.indexOf(level);
            if (depth >= 1 && region == null) {
                problems.add(FieldProblem.of("regionId", "is required for a " + level + " campaign"));
            }
            if (depth >= 2 && municipality == null) {
                problems.add(FieldProblem.of("municipalityId", "is required for a " + level + " campaign"));
            }
            if (depth >= 3 && organization == null) {
                problems.add(FieldProblem.of("organizationId", "is required for a " + level + " campaign"));
            }
        }
        checkPeriod(request, problems);
        InstrumentSpec instrument = instrument(request, framework, id, problems);
        TargetPopulation target = target(request, framework, instrument, organization, problems);
        if (!problems.isEmpty()) {
            throw RequestRejectedException.invalid(problems);
        }
        return new Campaign(
                id,
                level,
                request.operatorName().strip(),
                region,
                municipality,
                organization,
                request.schoolYear(),
                request.startsOn(),
                request.endsOn(),
                framework.version(),
                instrument,
                target,
                caller.subject(),
                now,
                List.of());
    }

    private static void checkPeriod(CampaignRequest request, List<FieldProblem> problems) {
        String year = request.schoolYear();
        Matcher matcher = year == null ? null : SCHOOL_YEAR.matcher(year);
        LocalDate yearStart = null;
        LocalDate yearEnd = null;
        if (matcher == null || !matcher.matches()) {
            problems.add(new FieldProblem("schoolYear", "must be a school year like 2025/2026", year));
        } else if (Integer.parseInt(matcher.group(2)) != Integer.parseInt(matcher.group(1)) + 1) {
            problems.add(new FieldProblem("schoolYear", "the second year must follow the first, e.g. 2025/2026", year));
        } else {
            yearStart = LocalDate.of(Integer.parseInt(matcher.group(1)), 9, 1);
            yearEnd = LocalDate.of(Integer.parseInt(matcher.group(2)), 8, 31);
        }
        if (request.startsOn() == null) {
            problems.add(FieldProblem.of("startsOn", "is required"));
        }
        if (request.endsOn() == null) {
            problems.add(FieldProblem.of("endsOn", "is required"));
        }
        if (request.startsOn() != null && request.endsOn() != null) {
            if (request.endsOn().isBefore(request.startsOn())) {
                problems.add(new FieldProblem("endsOn", "must not be before startsOn", request.endsOn()));
            } else if (yearStart != null
                    && (request.startsOn().isBefore(yearStart)
                            || request.endsOn().isAfter(yearEnd))) {
                problems.add(new FieldProblem(
                        "startsOn",
                        "the period must lie within the school year " + yearStart + ".." + yearEnd,
                        request.startsOn()));
            }
        }
    }

    private static InstrumentSpec instrument(
            CampaignRequest request, CompetencyFramework framework, String id, List<FieldProblem> problems) {
        CampaignRequest.InstrumentRequest given = request.instrument();
        if (given == null
                || given.competencies() == null
                || given.competencies().isEmpty()) {
            problems.add(FieldProblem.of("instrument.competencies", "name at least one competency and its maxScore"));
            return null;
        }
        List<MeasuredCompetency> measured = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < given.competencies().size(); i++) {
            CompetencyRequest c = given.competencies().get(i);
            String field = "instrument.competencies[" + i + "]";
            if (c == null || blank(c.code())) {
                problems.add(FieldProblem.of(field + ".code", "is required"));
                continue;
            }
            if (framework.competency(c.code()).isEmpty()) {
                problems.add(new FieldProblem(
                        field + ".code", "is not a competency of framework " + framework.version(), c.code()));
            } else if (!seen.add(c.code())) {
                problems.add(new FieldProblem(field + ".code", "is measured twice", c.code()));
            }
            BigDecimal max = c.maxScore() == null ? BigDecimal.valueOf(100) : c.maxScore();
            if (max.signum() <= 0) {
                problems.add(new FieldProblem(field + ".maxScore", "must be positive", c.maxScore()));
            }
            measured.add(new MeasuredCompetency(c.code(), max));
        }
        LevelThresholds thresholds = LevelThresholds.R201;
        if (given.thresholds() != null) {
            try {
                thresholds = new LevelThresholds(
                        given.thresholds().basicFrom(),
                        given.thresholds().advancedAbove(),
                        given.thresholds().highAbove());
            } catch (IllegalArgumentException | NullPointerException e) {
                problems.add(new FieldProblem(
                        "instrument.thresholds",
                        "must satisfy 0 < basicFrom < advancedAbove < highAbove < 100 (omit for Р-201: 60/80/90)",
                        given.thresholds()));
            }
        }
        CompetencyLevel required = given.requiredLevel() == null ? CompetencyLevel.ADVANCED : given.requiredLevel();
        String code = blank(given.code()) ? id : given.code().strip();
        return new InstrumentSpec(code, measured, Thresholds.of(thresholds), required);
    }

    private static TargetPopulation target(
            CampaignRequest request,
            CompetencyFramework framework,
            InstrumentSpec instrument,
            String organization,
            List<FieldProblem> problems) {
        CampaignRequest.TargetRequest given = request.target();
        List<String> positions = given == null || given.positions() == null ? List.of() : given.positions();
        List<String> organizations =
                given == null || given.organizationIds() == null ? List.of() : given.organizationIds();
        List<String> groups = given == null || given.targetGroups() == null ? List.of() : given.targetGroups();
        for (int i = 0; i < positions.size(); i++) {
            String position = positions.get(i);
            String field = "target.positions[" + i + "]";
            if (position == null || framework.position(position).isEmpty()) {
                problems.add(
                        new FieldProblem(field, "is not a position of framework " + framework.version(), position));
            } else if (instrument != null
                    && instrument.competencies().stream()
                            .map(c -> framework.competency(c.code()))
                            .flatMap(java.util.Optional::stream)
                            .noneMatch(c -> c.appliesTo(position))) {
                problems.add(new FieldProblem(
                        field, "none of the instrument's competencies applies to this position", position));
            }
        }
        for (int i = 0; i < organizations.size(); i++) {
            String org = organizations.get(i);
            if (blank(org)) {
                problems.add(FieldProblem.of("target.organizationIds[" + i + "]", "must not be blank"));
            } else if (organization != null && !organization.equals(org)) {
                problems.add(new FieldProblem(
                        "target.organizationIds[" + i + "]", "a school campaign targets its own school only", org));
            }
        }
        Set<TargetGroup> targetGroups = new TreeSet<>();
        for (int i = 0; i < groups.size(); i++) {
            try {
                targetGroups.add(TargetGroup.valueOf(groups.get(i)));
            } catch (IllegalArgumentException | NullPointerException e) {
                problems.add(new FieldProblem(
                        "target.targetGroups[" + i + "]",
                        "must be one of " + List.of(TargetGroup.values()),
                        groups.get(i)));
            }
        }
        List<String> defaultPositions = positions;
        if (positions.isEmpty() && instrument != null) {
            // "any position" means the positions the instrument can diagnose at all
            defaultPositions = framework.positions().stream()
                    .map(ru.msp.diagnostics.framework.Position::code)
                    .filter(p -> instrument.competencies().stream()
                            .map(c -> framework.competency(c.code()))
                            .flatMap(java.util.Optional::stream)
                            .anyMatch((Competency c) -> c.appliesTo(p)))
                    .toList();
        }
        return new TargetPopulation(
                List.copyOf(new java.util.LinkedHashSet<>(defaultPositions)),
                organizations.stream().distinct().toList(),
                targetGroups);
    }

    private static String orDefault(String given, String fromToken) {
        return blank(given) ? fromToken : given.strip();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
