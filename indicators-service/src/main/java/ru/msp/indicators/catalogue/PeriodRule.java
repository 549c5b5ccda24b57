package ru.msp.indicators.catalogue;

/** Which facts fall into a period of an indicator. */
public enum PeriodRule {
    /** Everything that happened in the school year, 1 September to 31 August ({@link SchoolYear}). */
    SCHOOL_YEAR,
    /** Everything that happened in the calendar year, 1 January to 31 December. */
    CALENDAR_YEAR,
    /**
     * The state on one date: the last day of the period, today for the current period, the freezing date for a
     * monitoring snapshot.
     */
    AS_OF_DATE
}
