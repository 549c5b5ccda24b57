package ru.msp.contracts.teacher;

import java.time.LocalDate;
import ru.msp.contracts.EventPayload;

/** A mentoring pair ended; {@code outcome} is COMPLETED or TERMINATED. */
public record MentorshipEnded(String mentorshipId, LocalDate endDate, String outcome) implements EventPayload {
    @Override
    public String aggregateId() {
        return mentorshipId;
    }
}
