package ru.msp.contracts.teacher;

import java.util.Set;
import ru.msp.contracts.EventPayload;

/**
 * An organisation joined the registry.
 *
 * @param type GENERAL_SCHOOL, KINDERGARTEN, ADDITIONAL_EDUCATION, COLLEGE, METHODICAL_CENTRE
 * @param flags LOW_RESULTS, ADVERSE_CONDITIONS, FLAGSHIP, INNOVATION_SITE, RESOURCE_CENTRE, INTERNSHIP_SITE,
 *     MENTORING_MODEL, MENTORING_SYSTEM
 */
public record OrganizationRegistered(String organizationId, String name, String type, Set<String> flags)
        implements EventPayload {
    @Override
    public String aggregateId() {
        return organizationId;
    }
}
