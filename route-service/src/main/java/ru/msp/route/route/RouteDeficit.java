package ru.msp.route.route;

import ru.msp.contracts.DeficitSeverity;

/**
 * A deficit the route works on.
 *
 * @param closedByResultId the later diagnosis that no longer found it; null while open
 */
public record RouteDeficit(
        String competencyCode, DeficitSeverity severity, String openedByResultId, String closedByResultId) {

    boolean open() {
        return closedByResultId == null;
    }
}
