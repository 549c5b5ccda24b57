package ru.msp.teacher.mentorship;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * The body of {@code POST /api/mentorships}: {@code mentorId} and {@code menteeId} (teachers) for TEACHER_TEACHER and
 * MANAGER_TEACHER, {@code mentorOrganizationId} and {@code menteeOrganizationId} for SCHOOL_SCHOOL.
 */
public record MentorshipStart(
        @NotNull @Pattern(regexp = FORMS, message = "must be one of " + FORMS)
        String form,

        @Size(max = 100) String mentorId,
        @Size(max = 100) String menteeId,
        @Size(max = 100) String mentorOrganizationId,
        @Size(max = 100) String menteeOrganizationId,
        @NotNull LocalDate startDate,
        LocalDate plannedEndDate) {

    static final String FORMS = "TEACHER_TEACHER|MANAGER_TEACHER|SCHOOL_SCHOOL";
}
