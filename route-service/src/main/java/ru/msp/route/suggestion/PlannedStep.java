package ru.msp.route.suggestion;

import java.time.LocalDate;
import java.util.List;
import ru.msp.contracts.DeficitSeverity;

/**
 * One step the suggester proposes, with why it is there.
 *
 * @param offerKind COURSE, EVENT, INTERNSHIP, MENTOR or SELF_STUDY
 * @param offerId the activity or mentor; null for self-study
 * @param practiceIds for self-study: practices of the bank on the competency
 * @param rule the rule that chose it (see {@link RouteSuggester})
 * @param fit the ranking score the offer won with (0 for self-study)
 * @param why the reasons in words, for methodists and the teacher
 */
public record PlannedStep(
        String competencyCode,
        DeficitSeverity severity,
        String offerKind,
        String offerId,
        List<String> practiceIds,
        String rule,
        String frameworkVersion,
        LocalDate dueDate,
        int fit,
        String why) {

    public PlannedStep {
        practiceIds = practiceIds == null ? List.of() : List.copyOf(practiceIds);
    }
}
