package ru.msp.route.route;

import ru.msp.contracts.CompetencyLevel;

/**
 * The effect of a route on one competency: the level of the diagnosis that opened the route, the latest level, and
 * the steps done for it.
 *
 * @param change latest minus opening percentage points; null until a later diagnosis measured the competency
 */
public record CompetencyEffect(
        String competencyCode,
        CompetencyLevel openingLevel,
        Double openingPercent,
        CompetencyLevel latestLevel,
        Double latestPercent,
        Double change,
        String latestResultId,
        boolean deficitClosed,
        int stepsDone,
        int stepsCounted) {}
