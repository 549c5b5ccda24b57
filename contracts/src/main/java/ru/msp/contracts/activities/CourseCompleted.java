package ru.msp.contracts.activities;

import java.math.BigDecimal;
import java.time.LocalDate;
import ru.msp.contracts.EventPayload;

/** A teacher completed a course (certificate issued). */
public record CourseCompleted(
        String activityId,
        String teacherId,
        BigDecimal hours,
        boolean remote,
        boolean federalRegistry,
        LocalDate completedOn)
        implements EventPayload {
    @Override
    public String aggregateId() {
        return teacherId;
    }
}
