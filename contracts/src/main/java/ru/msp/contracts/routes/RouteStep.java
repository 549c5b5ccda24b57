package ru.msp.contracts.routes;

import java.time.LocalDate;

/**
 * One step of an individual educational route and why it is there.
 *
 * @param offerKind COURSE, EVENT, INTERNSHIP, MENTOR, PRACTICE or SELF_STUDY
 * @param offerId the activity, mentor or practice id; absent for self-study
 * @param rule the suggestion rule that chose it, e.g. {@code PRONOUNCED_DEFICIT_FEDERAL_REGISTRY_COURSE}
 */
public record RouteStep(
        String stepId,
        String competencyCode,
        String offerKind,
        String offerId,
        String rule,
        String frameworkVersion,
        LocalDate dueDate) {}
