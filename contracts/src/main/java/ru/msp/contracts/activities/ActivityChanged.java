package ru.msp.contracts.activities;

import ru.msp.contracts.EventPayload;

/** A published activity changed; carries the full new facts. */
public record ActivityChanged(String activityId, ActivityFacts facts) implements EventPayload {
    @Override
    public String aggregateId() {
        return activityId;
    }
}
