package ru.msp.indicators.catalogue;

/** Which way an indicator improves; a target is met when the value reaches it from this side. */
public enum Direction {
    HIGHER_IS_BETTER,
    LOWER_IS_BETTER
}
