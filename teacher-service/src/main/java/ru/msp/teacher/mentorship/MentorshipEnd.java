package ru.msp.teacher.mentorship;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.LocalDate;

/** The body of {@code POST /api/mentorships/{id}/end}; {@code endDate} defaults to today. */
public record MentorshipEnd(
        LocalDate endDate,

        @NotNull @Pattern(regexp = "COMPLETED|TERMINATED", message = "must be COMPLETED or TERMINATED")
        String outcome) {}
