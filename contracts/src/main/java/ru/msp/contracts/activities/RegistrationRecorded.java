package ru.msp.contracts.activities;

import ru.msp.contracts.EventPayload;

/** A teacher's registration changed: REGISTERED, WAITLISTED, PROMOTED (from the waitlist) or WITHDRAWN. */
public record RegistrationRecorded(String activityId, String teacherId, String status, int seatsLeft)
        implements EventPayload {
    @Override
    public String aggregateId() {
        return teacherId;
    }
}
