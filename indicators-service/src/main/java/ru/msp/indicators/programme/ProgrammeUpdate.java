package ru.msp.indicators.programme;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import ru.msp.indicators.catalogue.Direction;

/**
 * The body of {@code PUT /api/programs/{municipalityId}}: the whole new programme.
 *
 * @param regionId needed only when the municipality has no programme yet (its registration not seen yet)
 * @param direction per target, optional: the indicator's own direction when absent
 */
public record ProgrammeUpdate(String regionId, LocalDate from, LocalDate to, List<TargetInput> targets) {

    public record TargetInput(
            String indicatorCode, BigDecimal value, Direction direction, List<Programme.YearlyTarget> yearlyTargets) {}
}
