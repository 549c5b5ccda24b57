package ru.msp.teacher.teacher;

import java.util.List;
import ru.msp.support.problem.FieldProblem;

/**
 * One row of an import file, read into a registration.
 *
 * @param row the number of the data row: 1 is the first row after the CSV header, or the first line of NDJSON
 * @param registration the values read; fields that could not be read are null and listed in {@code problems}
 * @param problems values that could not be read (a date that is no date, an unknown position word)
 */
public record ImportRow(int row, TeacherRegistration registration, List<FieldProblem> problems) {

    String externalId() {
        return registration == null ? null : registration.externalId();
    }
}
