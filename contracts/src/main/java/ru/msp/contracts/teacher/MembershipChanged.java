package ru.msp.contracts.teacher;

import java.time.LocalDate;
import ru.msp.contracts.EventPayload;

/**
 * A teacher joined or left a community or methodical association.
 *
 * @param communityLevel SCHOOL, MUNICIPAL, REGIONAL or NETWORK
 * @param change JOINED or LEFT
 */
public record MembershipChanged(
        String communityId, String teacherId, String communityLevel, String change, LocalDate effectiveDate)
        implements EventPayload {
    @Override
    public String aggregateId() {
        return teacherId;
    }
}
