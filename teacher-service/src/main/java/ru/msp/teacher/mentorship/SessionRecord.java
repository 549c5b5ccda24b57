package ru.msp.teacher.mentorship;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** The body of {@code POST /api/mentorships/{id}/sessions}. */
public record SessionRecord(
        @NotNull LocalDate date,
        @NotBlank @Size(max = 300) String topic,
        @Min(1) @Max(1440) Integer durationMinutes,

        @Pattern(regexp = "IN_PERSON|ONLINE", message = "must be IN_PERSON or ONLINE")
        String format,

        @Size(max = 2000) String notes) {}
