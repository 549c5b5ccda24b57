package ru.msp.contracts.routes;

import ru.msp.contracts.EventPayload;

/** The route was cancelled (teacher departed, superseded, or by a methodist). */
public record RouteCancelled(String routeId, String teacherId, String reason) implements EventPayload {
    @Override
    public String aggregateId() {
        return teacherId;
    }
}
