package ru.msp.contracts.teacher;

import java.time.LocalDate;

/** A teacher left the system: no longer counted from {@code effectiveDate}, history kept. */
public record TeacherDeparted(String teacherId, String organizationId, LocalDate effectiveDate)
        implements TeacherChange {
    @Override
    public String aggregateId() {
        return teacherId;
    }
}
