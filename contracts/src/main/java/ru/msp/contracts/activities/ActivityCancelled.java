package ru.msp.contracts.activities;

import ru.msp.contracts.EventPayload;

/** An activity was cancelled: route steps pointing at it need another offer. */
public record ActivityCancelled(String activityId, String reason) implements EventPayload {
    @Override
    public String aggregateId() {
        return activityId;
    }
}
