package ru.msp.route.route;

import java.time.LocalDate;
import java.util.List;
import ru.msp.contracts.DeficitSeverity;
import ru.msp.contracts.routes.RouteStep;
import ru.msp.route.suggestion.PlannedStep;

/**
 * One step of a route with why it is there and whether it is done.
 *
 * @param status OPEN, DONE, or NOT_NEEDED (its deficit closed on a later diagnosis before the step was done)
 * @param completedBy ATTENDANCE, COURSE_COMPLETION, MENTORSHIP or MANUAL
 * @param addedByResultId the diagnosis that added the step
 */
public record Step(
        String stepId,
        String competencyCode,
        DeficitSeverity severity,
        String offerKind,
        String offerId,
        List<String> practiceIds,
        String rule,
        String frameworkVersion,
        LocalDate dueDate,
        int fit,
        String why,
        String addedByResultId,
        String status,
        String completedBy,
        LocalDate completedOn,
        String comment) {

    public static final String OPEN = "OPEN";
    public static final String DONE = "DONE";
    public static final String NOT_NEEDED = "NOT_NEEDED";

    static Step planned(String stepId, PlannedStep plan, String resultId) {
        return new Step(
                stepId,
                plan.competencyCode(),
                plan.severity(),
                plan.offerKind(),
                plan.offerId(),
                plan.practiceIds(),
                plan.rule(),
                plan.frameworkVersion(),
                plan.dueDate(),
                plan.fit(),
                plan.why(),
                resultId,
                OPEN,
                null,
                null,
                null);
    }

    boolean open() {
        return OPEN.equals(status);
    }

    Step done(String by, LocalDate on, String note) {
        return new Step(
                stepId,
                competencyCode,
                severity,
                offerKind,
                offerId,
                practiceIds,
                rule,
                frameworkVersion,
                dueDate,
                fit,
                why,
                addedByResultId,
                DONE,
                by,
                on,
                note);
    }

    Step notNeeded(String resultId) {
        return new Step(
                stepId,
                competencyCode,
                severity,
                offerKind,
                offerId,
                practiceIds,
                rule,
                frameworkVersion,
                dueDate,
                fit,
                why,
                addedByResultId,
                NOT_NEEDED,
                null,
                null,
                "deficit closed by diagnosis " + resultId);
    }

    Step due(LocalDate date) {
        return new Step(
                stepId,
                competencyCode,
                severity,
                offerKind,
                offerId,
                practiceIds,
                rule,
                frameworkVersion,
                date,
                fit,
                why,
                addedByResultId,
                status,
                completedBy,
                completedOn,
                comment);
    }

    /** Whether a participation report for {@code activityId} completes this step. */
    boolean completedBy(String activityId, String by) {
        if (!open() || offerId == null || !offerId.equals(activityId)) {
            return false;
        }
        // a course is done with its certificate; a single attended session of it is not the course
        return "COURSE".equals(offerKind) ? "COURSE_COMPLETION".equals(by) : !"MENTOR".equals(offerKind);
    }

    RouteStep contract() {
        return new RouteStep(stepId, competencyCode, offerKind, offerId, rule, frameworkVersion, dueDate);
    }
}
