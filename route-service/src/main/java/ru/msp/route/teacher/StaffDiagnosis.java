package ru.msp.route.teacher;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.data.mongodb.core.index.Indexed;
import ru.msp.contracts.diagnostics.Deficit;

/**
 * The latest diagnosis of a teacher as school statistics need it.
 *
 * @param measured the competencies the diagnosis measured (the denominator of a school's deficit share)
 */
public record StaffDiagnosis(
        String resultId,
        @Indexed String organizationId,
        LocalDate diagnosedOn,
        String period,
        Instant eventTime,
        List<String> measured,
        List<Deficit> deficits) {}
