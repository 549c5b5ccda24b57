package ru.msp.activities.activity;

public enum ActivityStatus {
    DRAFT,
    PUBLISHED,
    CANCELLED,
    FINISHED
}
