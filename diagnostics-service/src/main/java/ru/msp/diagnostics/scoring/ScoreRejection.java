package ru.msp.diagnostics.scoring;

/**
 * A score that was not banded, with the reason the caller reports for it (e.g. as a problem field
 * {@code competencies[index].score}).
 *
 * @param index position of the score in the submitted list
 */
public record ScoreRejection(int index, String competencyCode, Reason reason, String message) {

    public enum Reason {
        /** No competency code or no score. */
        MISSING_VALUE,
        /** The code is not in the framework version. */
        UNKNOWN_COMPETENCY,
        /** The competency is not measured for the person's position, so it can be no deficit of theirs. */
        NOT_APPLICABLE_TO_POSITION,
        /** The campaign's instrument does not measure it, so there is no maximum to band against. */
        NOT_MEASURED_BY_INSTRUMENT,
        /** The competency is scored more than once in one result; none of its scores is taken. */
        DUPLICATE,
        /** Negative or above the instrument's maximum. */
        OUT_OF_RANGE
    }
}
