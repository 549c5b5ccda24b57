package ru.msp.contracts.routes;

import java.time.LocalDate;
import ru.msp.contracts.EventPayload;

/** A step was done: {@code completedBy} is ATTENDANCE, COURSE_COMPLETION or MANUAL. */
public record RouteStepCompleted(
        String routeId, String teacherId, String stepId, String offerId, String completedBy, LocalDate completedOn)
        implements EventPayload {
    @Override
    public String aggregateId() {
        return teacherId;
    }
}
