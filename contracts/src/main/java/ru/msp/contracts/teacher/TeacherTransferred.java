package ru.msp.contracts.teacher;

import java.time.LocalDate;
import ru.msp.contracts.EventPayload;

/** A teacher moved to another organisation (possibly another municipality); history stays with the old one. */
public record TeacherTransferred(
        String teacherId,
        String fromOrganizationId,
        String toOrganizationId,
        String toMunicipalityId,
        LocalDate effectiveDate)
        implements EventPayload {
    @Override
    public String aggregateId() {
        return teacherId;
    }
}
