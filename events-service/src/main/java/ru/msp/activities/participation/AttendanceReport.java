package ru.msp.activities.participation;

import java.util.List;

/** What a bulk attendance post did: rows new, corrected, repeated, and each rejected row with its reason. */
public record AttendanceReport(int received, int recorded, int updated, int unchanged, List<RowProblem> rejected) {}
