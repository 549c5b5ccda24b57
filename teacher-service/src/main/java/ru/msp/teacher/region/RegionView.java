package ru.msp.teacher.region;

import java.time.Instant;

/** A region as the API shows it. */
public record RegionView(String id, String code, String name, Instant registeredAt) {

    static RegionView of(Region region) {
        return new RegionView(region.id(), region.code(), region.name(), region.registeredAt());
    }
}
