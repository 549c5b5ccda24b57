package ru.msp.indicators.catalogue;

import java.util.List;
import ru.msp.contracts.TargetGroup;

/**
 * One indicator of the catalogue: how its value is made from facts, over which population and period, and which seed
 * documents use it.
 *
 * @param code stable upper-snake code, the API's; a SHARE ends in {@code _SHARE}, a COUNT in {@code _COUNT}, a YES_NO
 *     in {@code _PRESENT}
 * @param population what the denominator counts (for a COUNT or YES_NO: what is counted or judged)
 * @param numerator the fact counted on top
 * @param denominator the fact counted below; only for a SHARE, absent for a COUNT or YES_NO
 * @param targetGroup for coverage of one target group, the group; otherwise absent
 * @param sources the seed documents whose indicator tables use it; empty when only the design asks for it
 */
public record IndicatorDefinition(
        String code,
        String nameRu,
        String nameEn,
        IndicatorUnit unit,
        Population population,
        CountedFact numerator,
        CountedFact denominator,
        PeriodRule periodRule,
        Direction direction,
        TargetGroup targetGroup,
        List<SeedDocument> sources) {

    public IndicatorDefinition {
        sources = sources == null ? List.of() : List.copyOf(sources);
    }

    /**
     * A fact the indicator counts.
     *
     * @param fact short machine-readable name, shared by every indicator that counts the same thing
     * @param descriptionRu exactly what is counted, in Russian
     */
    public record CountedFact(String fact, String descriptionRu) {}
}
