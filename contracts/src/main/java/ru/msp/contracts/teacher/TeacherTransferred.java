package ru.msp.contracts.teacher;

import java.time.LocalDate;

/** A teacher moved to another organisation (possibly another municipality); history stays with the old one. */
public record TeacherTransferred(
        String teacherId,
        String fromOrganizationId,
        String toOrganizationId,
        String toMunicipalityId,
        LocalDate effectiveDate)
        implements TeacherChange {
    @Override
    public String aggregateId() {
        return teacherId;
    }
}
