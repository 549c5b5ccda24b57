package ru.msp.route.suggestion;

import java.util.List;
import ru.msp.contracts.diagnostics.Deficit;

/**
 * What the suggester proposes for a set of deficits.
 *
 * @param unmet the deficits no activity could serve (each became a self-study step)
 */
public record Suggestion(List<PlannedStep> steps, List<Deficit> unmet) {}
