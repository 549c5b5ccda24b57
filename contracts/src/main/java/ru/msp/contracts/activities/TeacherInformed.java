package ru.msp.contracts.activities;

import java.time.Instant;
import ru.msp.contracts.EventPayload;

/** A teacher of the activity's target audience was informed about it. */
public record TeacherInformed(String activityId, String teacherId, Instant informedAt) implements EventPayload {
    @Override
    public String aggregateId() {
        return teacherId;
    }
}
