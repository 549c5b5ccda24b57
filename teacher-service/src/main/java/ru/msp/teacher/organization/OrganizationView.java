package ru.msp.teacher.organization;

import java.time.Instant;
import java.util.Set;

/** An organisation as the API shows it. */
public record OrganizationView(
        String id,
        String regionId,
        String municipalityId,
        String name,
        String shortName,
        String type,
        Set<String> flags,
        String externalId,
        Instant registeredAt) {

    static OrganizationView of(Organization o) {
        return new OrganizationView(
                o.id(),
                o.regionId(),
                o.municipalityId(),
                o.name(),
                o.shortName(),
                o.type(),
                o.flags(),
                o.externalId(),
                o.registeredAt());
    }
}
