package ru.msp.indicators.programme;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import ru.msp.indicators.catalogue.IndicatorUnit;
import ru.msp.indicators.catalogue.SchoolYear;

/**
 * One indicator of a programme and its target. A target is met when the value reaches it in the indicator's
 * direction; the documents' «не менее» is that reading.
 *
 * @param value the target: percent for a SHARE, people for a COUNT, 1 (yes) or 0 for a YES_NO; absent when the
 *     document names the indicator without a value (tracked, no target)
 * @param unit the indicator's unit, repeated so the target reads on its own
 * @param yearlyTargets where the document sets the target per year, the target of each school year; otherwise empty
 *     and {@code value} applies to every school year of the programme
 * @param section where in the document the target stands
 * @param sourceText the document's own wording of the target, verbatim
 * @param note how an ambiguous wording was read (Russian); absent when the wording is plain
 */
public record PresetTarget(
        String indicatorCode,
        BigDecimal value,
        IndicatorUnit unit,
        List<YearlyTarget> yearlyTargets,
        String section,
        String sourceText,
        String note) {

    public PresetTarget {
        yearlyTargets = yearlyTargets == null ? List.of() : List.copyOf(yearlyTargets);
    }

    /** The target a school year's value is compared with: its yearly target if the document sets one, else the target. */
    public Optional<BigDecimal> targetFor(SchoolYear schoolYear) {
        return yearlyTargets.stream()
                .filter(yearly -> yearly.schoolYear().equals(schoolYear))
                .map(YearlyTarget::value)
                .findFirst()
                .or(() -> Optional.ofNullable(value));
    }

    /** The target for one school year of the programme. */
    public record YearlyTarget(SchoolYear schoolYear, BigDecimal value) {}
}
