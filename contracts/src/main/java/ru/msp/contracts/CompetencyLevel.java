package ru.msp.contracts;

/** Levels of a competency after diagnosis (Р-201 bands by default). */
public enum CompetencyLevel {
    /** высокий, over 90% of the maximum by default. */
    HIGH,
    /** повышенный, 81-90%. */
    ADVANCED,
    /** базовый, 60-80%. */
    BASIC,
    /** ниже базового, under 60%. */
    BELOW_BASIC
}
