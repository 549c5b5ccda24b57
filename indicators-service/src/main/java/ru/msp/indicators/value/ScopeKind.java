package ru.msp.indicators.value;

/** The scopes values are kept for. */
public enum ScopeKind {
    ORGANIZATION,
    MUNICIPALITY,
    REGION,
    /** One target group within a municipality (drill-down); the scope id is {@code municipalityId~GROUP}. */
    MUNICIPALITY_TARGET_GROUP
}
