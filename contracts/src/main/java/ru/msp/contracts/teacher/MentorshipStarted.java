package ru.msp.contracts.teacher;

import java.time.LocalDate;
import ru.msp.contracts.EventPayload;

/**
 * A mentoring pair started.
 *
 * @param form TEACHER_TEACHER, MANAGER_TEACHER or SCHOOL_SCHOOL (mentor and mentee are organisations then)
 */
public record MentorshipStarted(
        String mentorshipId,
        String mentorId,
        String menteeId,
        String form,
        LocalDate startDate,
        LocalDate plannedEndDate)
        implements EventPayload {
    @Override
    public String aggregateId() {
        return mentorshipId;
    }
}
