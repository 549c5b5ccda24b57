package ru.msp.contracts.activities;

import java.time.LocalDate;
import ru.msp.contracts.EventPayload;

/** A school system reported that a teacher attended (or missed) an activity. */
public record AttendanceRecorded(String activityId, String teacherId, boolean attended, LocalDate date)
        implements EventPayload {
    @Override
    public String aggregateId() {
        return teacherId;
    }
}
