package ru.msp.teacher.municipality;

import java.time.Instant;

/** A municipality as the API shows it. */
public record MunicipalityView(String id, String regionId, String name, String programPreset, Instant registeredAt) {

    static MunicipalityView of(Municipality municipality) {
        return new MunicipalityView(
                municipality.id(),
                municipality.regionId(),
                municipality.name(),
                municipality.programPreset(),
                municipality.registeredAt());
    }
}
