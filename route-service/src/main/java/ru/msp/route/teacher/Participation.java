package ru.msp.route.teacher;

import java.time.LocalDate;

/** An activity a teacher attended or a course they completed, and when. */
public record Participation(String activityId, LocalDate date) {}
