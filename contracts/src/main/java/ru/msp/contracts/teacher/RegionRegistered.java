package ru.msp.contracts.teacher;

import ru.msp.contracts.EventPayload;

/** A region joined the platform. Region names are public reference data, not personal data. */
public record RegionRegistered(String regionId, String code, String name) implements EventPayload {
    @Override
    public String aggregateId() {
        return regionId;
    }
}
