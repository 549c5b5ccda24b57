package ru.msp.diagnostics.result;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ru.msp.contracts.CompetencyLevel;
import ru.msp.contracts.DeficitSeverity;
import ru.msp.diagnostics.result.DiagnosticResult.ScoredCompetency;

/**
 * A teacher's diagnoses read together: the latest level per competency (and which source gave it), the deficits that
 * follow, the history, and the change per competency from one diagnosis to the next.
 *
 * <p>Order: by diagnosis date; on the same day an instrument counts as later than an expert and an expert later than a
 * self-assessment (the more objective source is the current one); then by recording time.
 */
public record TeacherProfile(
        String teacherId,
        List<CompetencyState> latest,
        List<CurrentDeficit> deficits,
        List<ResultView> history,
        List<Change> changes) {

    /** One competency as one diagnosis found it. */
    public record CompetencyState(
            String competencyCode,
            CompetencyLevel level,
            BigDecimal percent,
            DeficitSeverity deficit,
            String sourceKind,
            String campaignId,
            String resultId,
            LocalDate diagnosedOn) {}

    public record CurrentDeficit(String competencyCode, DeficitSeverity severity, String sourceKind, LocalDate since) {}

    /**
     * @param levelSteps positive when the level rose (BELOW_BASIC → BASIC is +1), negative when it fell
     */
    public record Change(
            String competencyCode,
            CompetencyState from,
            CompetencyState to,
            BigDecimal percentChange,
            int levelSteps) {}

    private static final List<String> SAME_DAY_ORDER = List.of("SELF_ASSESSMENT", "EXPERT", "INSTRUMENT");

    static final Comparator<DiagnosticResult> CHRONOLOGICAL = Comparator.comparing(DiagnosticResult::diagnosedOn)
            .thenComparing(r -> SAME_DAY_ORDER.indexOf(r.sourceKind()))
            .thenComparing(DiagnosticResult::recordedAt, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(DiagnosticResult::id);

    public static TeacherProfile of(String teacherId, List<DiagnosticResult> results) {
        List<DiagnosticResult> sorted = results.stream().sorted(CHRONOLOGICAL).toList();
        Map<String, CompetencyState> latest = new LinkedHashMap<>();
        List<Change> changes = new ArrayList<>();
        for (DiagnosticResult result : sorted) {
            for (ScoredCompetency c : result.competencies()) {
                CompetencyState now = new CompetencyState(
                        c.competencyCode(),
                        c.level(),
                        c.percent(),
                        c.deficit(),
                        result.sourceKind(),
                        result.campaignId(),
                        result.id(),
                        result.diagnosedOn());
                CompetencyState before = latest.put(c.competencyCode(), now);
                if (before != null) {
                    changes.add(new Change(
                            c.competencyCode(),
                            before,
                            now,
                            now.percent().subtract(before.percent()),
                            rank(now.level()) - rank(before.level())));
                }
            }
        }
        List<CurrentDeficit> deficits = latest.values().stream()
                .filter(s -> s.deficit() != null)
                .map(s -> new CurrentDeficit(s.competencyCode(), s.deficit(), s.sourceKind(), s.diagnosedOn()))
                .toList();
        return new TeacherProfile(
                teacherId,
                List.copyOf(latest.values()),
                deficits,
                sorted.stream().map(ResultView::of).toList(),
                changes);
    }

    /** BELOW_BASIC 0 .. HIGH 3. */
    private static int rank(CompetencyLevel level) {
        return switch (level) {
            case BELOW_BASIC -> 0;
            case BASIC -> 1;
            case ADVANCED -> 2;
            case HIGH -> 3;
        };
    }
}
