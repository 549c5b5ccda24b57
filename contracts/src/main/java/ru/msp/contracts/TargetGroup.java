package ru.msp.contracts;

/** Target groups of the municipal programmes (seed 000): who the methodical service must cover. */
public enum TargetGroup {
    /** Young specialist / young teacher (молодой педагог). */
    YOUNG_TEACHER,
    /** Mentor (наставник). */
    MENTOR,
    /** Teaches at a school with low educational results (ШНОР). */
    LOW_RESULTS_SCHOOL,
    /** Works with children with disabilities (ОВЗ). */
    DISABILITIES,
    /** Works with gifted children (одарённые дети). */
    GIFTED
}
