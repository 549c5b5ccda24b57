package ru.msp.contracts.teacher;

import ru.msp.contracts.EventPayload;

/** A municipality joined; {@code programPreset} names the seed programme it starts from, if any. */
public record MunicipalityRegistered(String municipalityId, String regionId, String name, String programPreset)
        implements EventPayload {
    @Override
    public String aggregateId() {
        return municipalityId;
    }
}
