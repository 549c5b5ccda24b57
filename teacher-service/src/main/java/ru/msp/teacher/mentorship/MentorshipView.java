package ru.msp.teacher.mentorship;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A mentorship as the API shows it. */
public record MentorshipView(
        String id,
        String regionId,
        String municipalityId,
        String organizationId,
        String form,
        String mentorId,
        String menteeId,
        String mentorOrganizationId,
        String menteeOrganizationId,
        LocalDate startDate,
        LocalDate plannedEndDate,
        LocalDate endDate,
        String outcome,
        String status,
        List<Mentorship.Session> sessions,
        Instant createdAt) {

    static MentorshipView of(Mentorship m) {
        return new MentorshipView(
                m.id(),
                m.regionId(),
                m.municipalityId(),
                m.organizationId(),
                m.form(),
                m.mentorId(),
                m.menteeId(),
                m.mentorOrganizationId(),
                m.menteeOrganizationId(),
                m.startDate(),
                m.plannedEndDate(),
                m.endDate(),
                m.outcome(),
                m.status(),
                m.sessions() == null ? List.of() : m.sessions(),
                m.createdAt());
    }
}
