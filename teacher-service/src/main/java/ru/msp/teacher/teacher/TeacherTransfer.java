package ru.msp.teacher.teacher;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * The body of {@code POST /api/teachers/{id}/transfer}.
 *
 * @param date the first day in the new organisation; today when absent
 * @param externalId the new school system's id for the teacher; the old one belongs to the old organisation's system
 *     and is dropped
 */
public record TeacherTransfer(
        @NotBlank @Size(max = 100) String organizationId,
        LocalDate date,
        @Size(max = 100) String externalId) {}
