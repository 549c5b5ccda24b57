package ru.msp.indicators.catalogue;

/** What an indicator's value is. */
public enum IndicatorUnit {
    /** A percentage 0-100: numerator over denominator (доля, %). */
    SHARE,
    /** A whole number of people or organisations (количество). */
    COUNT,
    /** Present or not: 1 for yes, 0 for no (наличие). */
    YES_NO
}
