package ru.msp.teacher.teacher;

import java.time.LocalDate;

/**
 * The filters of {@code GET /api/teachers}; null means "any".
 *
 * @param status ACTIVE (default) or DEPARTED; {@code includeDeparted} lists both
 * @param youngSpecialist under 35 and in the first 3 years of pedagogical work as of {@code asOf} (default today)
 */
public record TeacherSearch(
        String organizationId,
        String municipalityId,
        String q,
        String status,
        boolean includeDeparted,
        String position,
        String targetGroup,
        Boolean youngSpecialist,
        LocalDate asOf,
        int page,
        int size) {}
