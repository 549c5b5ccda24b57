package ru.msp.teacher.organization;

import java.time.Instant;
import java.util.List;
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
        Instant registeredAt,
        List<TeamMember> management) {

    /** A member of the management team: the director first, then the deputies by name. */
    public record TeamMember(String teacherId, String position, String lastName, String firstName, String middleName) {}

    static OrganizationView of(Organization o) {
        return of(o, null);
    }

    /** With the management team; {@code management} null where it is not looked up (lists). */
    static OrganizationView of(Organization o, List<ManagementMember> management) {
        return new OrganizationView(
                o.id(),
                o.regionId(),
                o.municipalityId(),
                o.name(),
                o.shortName(),
                o.type(),
                o.flags(),
                o.externalId(),
                o.registeredAt(),
                management == null
                        ? null
                        : management.stream()
                                .map(m -> new TeamMember(
                                        m.id(), m.position(), m.lastName(), m.firstName(), m.middleName()))
                                .toList());
    }
}
