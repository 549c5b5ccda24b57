package ru.msp.contracts.routes;

import java.util.List;
import ru.msp.contracts.EventPayload;

/** A route was suggested (or an open one updated) from a diagnosis. */
public record RouteSuggested(String routeId, String teacherId, String diagnosticResultId, List<RouteStep> steps)
        implements EventPayload {
    @Override
    public String aggregateId() {
        return teacherId;
    }
}
