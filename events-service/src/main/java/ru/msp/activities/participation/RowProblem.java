package ru.msp.activities.participation;

/** A rejected row of a bulk post: its position (from 0), the teacher it named, why. */
public record RowProblem(int row, String teacherId, String reason) {}
