package ru.msp.contracts.activities;

import ru.msp.contracts.EventPayload;

/** An activity was published and is open to its audience. */
public record ActivityPublished(String activityId, ActivityFacts facts) implements EventPayload {
    @Override
    public String aggregateId() {
        return activityId;
    }
}
