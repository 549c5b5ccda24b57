package ru.msp.indicators.programme;

import java.time.LocalDate;
import java.util.List;
import ru.msp.indicators.catalogue.SchoolYear;

/**
 * When a programme runs.
 *
 * @param from first day, inclusive
 * @param to last day, inclusive
 * @param schoolYears the school years whose values are compared with the programme's targets
 * @param sourceText the document's own wording of its term
 */
public record ProgrammePeriod(LocalDate from, LocalDate to, List<SchoolYear> schoolYears, String sourceText) {

    public ProgrammePeriod {
        schoolYears = schoolYears == null ? List.of() : List.copyOf(schoolYears);
    }
}
