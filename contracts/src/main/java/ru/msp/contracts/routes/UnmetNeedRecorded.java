package ru.msp.contracts.routes;

import ru.msp.contracts.DeficitSeverity;
import ru.msp.contracts.EventPayload;

/** A deficit found no offer: operators should plan an activity for this competency. */
public record UnmetNeedRecorded(String teacherId, String routeId, String competencyCode, DeficitSeverity severity)
        implements EventPayload {
    @Override
    public String aggregateId() {
        return teacherId;
    }
}
