package ru.msp.contracts.routes;

import java.time.LocalDate;
import ru.msp.contracts.EventPayload;

/** Every step of the route is done. */
public record RouteCompleted(String routeId, String teacherId, LocalDate completedOn) implements EventPayload {
    @Override
    public String aggregateId() {
        return teacherId;
    }
}
