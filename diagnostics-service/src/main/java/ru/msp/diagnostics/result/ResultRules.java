package ru.msp.diagnostics.result;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.springframework.http.HttpStatus;
import ru.msp.diagnostics.campaign.Campaign;
import ru.msp.diagnostics.framework.CompetencyFramework;
import ru.msp.diagnostics.result.DiagnosticResult.ScoredCompetency;
import ru.msp.diagnostics.result.ResultRequest.ScoreRequest;
import ru.msp.diagnostics.scoring.Instrument;
import ru.msp.diagnostics.scoring.RawScore;
import ru.msp.diagnostics.scoring.ScoreRejection;
import ru.msp.diagnostics.scoring.Scorer;
import ru.msp.diagnostics.scoring.ScoringOutcome;
import ru.msp.diagnostics.teacher.KnownTeacher;
import ru.msp.support.problem.FieldProblem;
import ru.msp.support.tenancy.Role;
import ru.msp.support.tenancy.TenantScope;

/**
 * Decides one submitted result without touching the store, so the single POST and the bulk import apply exactly the
 * same rules: who may file it, for whom, in which campaign, and what its scores come to.
 */
public final class ResultRules {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final Function<String, Optional<CompetencyFramework>> frameworks;

    /** @param frameworks framework by version: a campaign scores against the version it was opened with */
    public ResultRules(Function<String, Optional<CompetencyFramework>> frameworks) {
        this.frameworks = frameworks;
    }

    /**
     * @param campaign the campaign if the caller may see it, else null
     * @param teacher the teacher as the read model knows them, else null
     * @param existing the result already stored under the same (campaign, teacher, source), else null
     */
    public ResultDecision decide(
            ResultRequest request,
            TenantScope caller,
            Campaign campaign,
            KnownTeacher teacher,
            DiagnosticResult existing,
            Instant now) {
        List<FieldProblem> problems = fieldProblems(request);
        if (!problems.isEmpty()) {
            return ResultDecision.invalid(problems);
        }
        if (caller.has(Role.TEACHER)
                && !caller.system()
                && !caller.hasAny(
                        Role.ADMIN,
                        Role.REGIONAL_OPERATOR,
                        Role.MUNICIPAL_OPERATOR,
                        Role.METHODIST,
                        Role.SCHOOL_SYSTEM)) {
            if (!"SELF_ASSESSMENT".equals(request.sourceKind())) {
                return ResultDecision.refused(
                        HttpStatus.FORBIDDEN, "A teacher may file only their own SELF_ASSESSMENT results.");
            }
        } else if (!caller.system()
                && !caller.hasAny(
                        Role.ADMIN,
                        Role.REGIONAL_OPERATOR,
                        Role.MUNICIPAL_OPERATOR,
                        Role.METHODIST,
                        Role.SCHOOL_SYSTEM)) {
            return ResultDecision.refused(HttpStatus.FORBIDDEN, "Your role may not file diagnostic results.");
        }
        if (teacher == null || !teacher.known()) {
            return ResultDecision.invalid(
                    "teacherId",
                    "unknown teacher: not registered in the teacher registry (or not yet received from it)",
                    request.teacherId());
        }
        if (!caller.mayWrite(teacher.tenantKey())) {
            return ResultDecision.refused(
                    HttpStatus.FORBIDDEN,
                    "Teacher " + request.teacherId() + " is outside your organisation or territory.");
        }
        if (campaign == null) {
            return ResultDecision.invalid("campaignId", "no such campaign", request.campaignId());
        }
        if (teacher.departed()
                && (teacher.departedOn() == null || !request.diagnosedOn().isBefore(teacher.departedOn()))) {
            return ResultDecision.invalid(
                    "teacherId",
                    "the teacher departed on " + teacher.departedOn() + " and cannot be diagnosed after it",
                    request.teacherId());
        }
        String excluded = campaign.excludes(teacher);
        if (excluded != null) {
            return ResultDecision.invalid(
                    "teacherId",
                    "not in the campaign's target population: the teacher " + excluded,
                    request.teacherId());
        }
        if (request.diagnosedOn().isBefore(campaign.startsOn())
                || request.diagnosedOn().isAfter(campaign.endsOn())) {
            return ResultDecision.invalid(
                    "diagnosedOn",
                    "must lie within the campaign's period " + campaign.startsOn() + ".." + campaign.endsOn(),
                    request.diagnosedOn());
        }
        CompetencyFramework framework = frameworks
                .apply(campaign.frameworkVersion())
                .orElseThrow(() -> new IllegalStateException("Campaign " + campaign.id() + " names framework "
                        + campaign.frameworkVersion() + ", which is not shipped"));
        Instrument instrument = campaign.scoringInstrument();
        List<RawScore> raw = new ArrayList<>();
        for (ScoreRequest score : request.scores()) {
            raw.add(toRaw(score, instrument));
        }
        ScoringOutcome outcome = new Scorer(framework).score(instrument, teacher.position(), raw);
        if (!outcome.rejected().isEmpty()) {
            List<FieldProblem> scoreProblems = new ArrayList<>();
            for (ScoreRejection rejection : outcome.rejected()) {
                ScoreRequest given = request.scores().get(rejection.index());
                boolean aboutValue = rejection.reason() == ScoreRejection.Reason.OUT_OF_RANGE
                        || rejection.reason() == ScoreRejection.Reason.MISSING_VALUE;
                scoreProblems.add(new FieldProblem(
                        "scores[" + rejection.index() + "]." + (aboutValue ? valueField(given) : "competencyCode"),
                        rejection.reason() + ": " + rejection.message(),
                        aboutValue ? value(given) : rejection.competencyCode()));
            }
            return ResultDecision.invalid(scoreProblems);
        }
        String id = DiagnosticResult.keyOf(campaign.id(), teacher.id(), request.sourceKind());
        DiagnosticResult result = new DiagnosticResult(
                id,
                campaign.id(),
                campaign.level(),
                teacher.regionId(),
                teacher.municipalityId(),
                teacher.organizationId(),
                teacher.id(),
                teacher.position(),
                new TreeSet<>(teacher.targetGroups()),
                request.sourceKind(),
                request.diagnosedOn(),
                campaign.schoolYear(),
                framework.version(),
                outcome.scored().stream()
                        .map(s -> new ScoredCompetency(
                                s.competencyCode(),
                                plain(s.score()),
                                plain(s.maxScore()),
                                s.percent(),
                                s.level(),
                                s.deficit().orElse(null)))
                        .toList(),
                outcome.deficits(),
                caller.subject(),
                now,
                List.of());
        if (existing != null) {
            return sameSubmission(existing, result)
                    ? ResultDecision.unchanged(existing)
                    : ResultDecision.refused(
                            HttpStatus.CONFLICT,
                            "A " + request.sourceKind() + " result of teacher " + teacher.id() + " in campaign "
                                    + campaign.id() + " is already recorded with other scores or date; results are"
                                    + " never overwritten. File a correction as another source kind or in a new"
                                    + " campaign.");
        }
        return ResultDecision.accepted(result);
    }

    /** The same date and the same score per competency (compared as numbers: 15 equals 15.0). */
    static boolean sameSubmission(DiagnosticResult stored, DiagnosticResult submitted) {
        return Objects.equals(stored.diagnosedOn(), submitted.diagnosedOn())
                && scores(stored).equals(scores(submitted));
    }

    private static Map<String, BigDecimal> scores(DiagnosticResult result) {
        Map<String, BigDecimal> scores = new TreeMap<>();
        result.competencies()
                .forEach(c -> scores.put(c.competencyCode(), c.score().stripTrailingZeros()));
        return scores;
    }

    private static List<FieldProblem> fieldProblems(ResultRequest request) {
        List<FieldProblem> problems = new ArrayList<>();
        if (blank(request.campaignId())) {
            problems.add(FieldProblem.of("campaignId", "is required"));
        }
        if (blank(request.teacherId())) {
            problems.add(FieldProblem.of("teacherId", "is required"));
        }
        if (request.sourceKind() == null || !DiagnosticResult.SOURCE_KINDS.contains(request.sourceKind())) {
            problems.add(new FieldProblem(
                    "sourceKind", "must be one of " + DiagnosticResult.SOURCE_KINDS, request.sourceKind()));
        }
        if (request.diagnosedOn() == null) {
            problems.add(FieldProblem.of("diagnosedOn", "is required"));
        }
        if (request.scores() == null || request.scores().isEmpty()) {
            problems.add(FieldProblem.of("scores", "give at least one competency's score"));
        } else {
            for (int i = 0; i < request.scores().size(); i++) {
                ScoreRequest s = request.scores().get(i);
                if (s != null && s.score() != null && s.percent() != null) {
                    problems.add(FieldProblem.of("scores[" + i + "]", "give score or percent, not both"));
                }
            }
        }
        return problems;
    }

    /** A percentage becomes a raw score on the instrument's scale; the scorer then checks its range. */
    private static RawScore toRaw(ScoreRequest score, Instrument instrument) {
        if (score == null) {
            return null;
        }
        if (score.percent() == null) {
            return new RawScore(score.competencyCode(), score.score());
        }
        BigDecimal max = score.competencyCode() == null
                ? HUNDRED
                : instrument.maxScore(score.competencyCode()).orElse(HUNDRED);
        return new RawScore(
                score.competencyCode(), score.percent().multiply(max).divide(HUNDRED, MathContext.DECIMAL64));
    }

    private static String valueField(ScoreRequest given) {
        return given != null && given.percent() != null ? "percent" : "score";
    }

    private static Object value(ScoreRequest given) {
        if (given == null) {
            return null;
        }
        return given.percent() != null ? given.percent() : given.score();
    }

    /** 70.0 and 70 are stored and shown as 70, never as 7E+1. */
    static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
