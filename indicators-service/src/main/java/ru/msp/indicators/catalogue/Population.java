package ru.msp.indicators.catalogue;

/**
 * What an indicator's denominator counts (for a COUNT or YES_NO indicator: what is counted or judged). Every
 * population is taken within the scope asked for: an organisation, a municipality or a region.
 */
public enum Population {
    /**
     * Pedagogical workers and managers in the registry during the period, any position (педагогические работники и
     * управленческие кадры).
     */
    TEACHERS,
    /** Teachers in the narrow sense: position TEACHER at a general school (учителя). */
    SUBJECT_TEACHERS,
    /** Heads of educational organisations, one per organisation (руководители ОО). */
    SCHOOL_LEADERS,
    /**
     * Young specialists: aged 35 or under and in their first three years of pedagogical work (under three years of
     * pedagogical service on 1 September of the period).
     */
    YOUNG_SPECIALISTS,
    /** Young specialists who took part in some form of methodical support in the period. */
    SUPPORTED_YOUNG_SPECIALISTS,
    /** Pedagogical workers of one target group ({@link IndicatorDefinition#targetGroup()}). */
    TEACHERS_OF_TARGET_GROUP,
    /** Pedagogical workers and managers diagnosed for professional deficits in the period. */
    DIAGNOSED_TEACHERS,
    /** Pedagogical workers who took part in a municipal-level diagnostic campaign (municipal monitoring) in the period. */
    MUNICIPAL_MONITORING_PARTICIPANTS,
    /** Pedagogical workers who completed an additional professional programme (ДПП) in the period. */
    COURSE_PARTICIPANTS,
    /** Pedagogical workers and managers who completed a professional retraining programme in the period. */
    RETRAINED_STAFF,
    /** Individual educational routes (ИОМ) approved and not cancelled, running in the period. */
    ROUTES,
    /** Educational organisations in the registry, methodical centres excepted (ОО). */
    ORGANIZATIONS,
    /** General schools (общеобразовательные организации). */
    SCHOOLS,
    /** Management teams of organisations (head and deputies), one per organisation. */
    MANAGEMENT_TEAMS,
    /** The scope itself (a municipality or an organisation), judged yes or no. */
    SCOPE
}
