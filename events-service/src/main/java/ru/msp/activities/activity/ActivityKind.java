package ru.msp.activities.activity;

/** Forms of methodical activity named by the municipal programmes (seed 003's activity plan). */
public enum ActivityKind {
    SEMINAR,
    WEBINAR,
    WORKSHOP,
    ROUND_TABLE,
    MASTER_CLASS,
    OPEN_LESSON,
    CONFERENCE,
    FORUM,
    METHODICAL_DAY,
    ASSOCIATION_MEETING,
    INTERNSHIP,
    COURSE,
    COMPETITION
}
