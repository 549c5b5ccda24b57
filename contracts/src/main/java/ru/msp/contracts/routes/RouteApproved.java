package ru.msp.contracts.routes;

import java.time.LocalDate;
import ru.msp.contracts.EventPayload;

/** A methodist or tutor approved the route and assigned a tutor. */
public record RouteApproved(String routeId, String teacherId, String tutorId, LocalDate dueDate)
        implements EventPayload {
    @Override
    public String aggregateId() {
        return teacherId;
    }
}
