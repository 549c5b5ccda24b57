package ru.msp.activities.participation;

import java.time.LocalDate;

/** One row of a school system's attendance sheet. */
public record AttendanceRow(String teacherId, Boolean attended, LocalDate date) {}
