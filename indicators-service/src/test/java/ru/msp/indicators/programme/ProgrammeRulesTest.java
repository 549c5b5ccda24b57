package ru.msp.indicators.programme;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import ru.msp.indicators.catalogue.Direction;
import ru.msp.indicators.catalogue.IndicatorCatalogue;
import ru.msp.indicators.catalogue.SchoolYear;
import ru.msp.support.problem.FieldProblem;

class ProgrammeRulesTest {

    static final IndicatorCatalogue CATALOGUE = IndicatorCatalogue.fromClasspath();
    final ProgrammeRules rules = new ProgrammeRules(CATALOGUE);

    @Test
    void aPresetBecomesTargetsWithTheIndicatorsDirections() {
        ProgrammePreset korolev =
                ProgrammePresets.fromClasspath(CATALOGUE).byId("KOROLEV").orElseThrow();
        List<Programme.Target> targets = rules.targetsOf(korolev);
        assertThat(targets).hasSize(korolev.targets().size());
        Programme.Target courses = targets.stream()
                .filter(t -> t.indicatorCode().equals("FEDERAL_REGISTRY_DEFICIT_COURSES_SHARE"))
                .findFirst()
                .orElseThrow();
        assertThat(courses.direction()).isEqualTo(Direction.HIGHER_IS_BETTER);
        assertThat(courses.targetFor(SchoolYear.parse("2024/2025"))).contains(new BigDecimal("30"));
    }

    @Test
    void everyBadFieldIsNamed() {
        ProgrammeUpdate update = new ProgrammeUpdate(
                null,
                LocalDate.of(2026, 9, 1),
                LocalDate.of(2025, 9, 1),
                List.of(
                        new ProgrammeUpdate.TargetInput("NOPE", BigDecimal.ONE, null, null),
                        new ProgrammeUpdate.TargetInput("DIAGNOSED_SHARE", new BigDecimal("101"), null, null),
                        new ProgrammeUpdate.TargetInput("DIAGNOSED_SHARE", BigDecimal.TEN, null, null),
                        new ProgrammeUpdate.TargetInput("REGISTRY_EXPERTS_COUNT", new BigDecimal("2.5"), null, null)));
        assertThat(rules.problems(update))
                .extracting(FieldProblem::field)
                .containsExactly(
                        "to",
                        "targets[0].indicatorCode",
                        "targets[1].value",
                        "targets[2].indicatorCode",
                        "targets[3].value");
    }

    @Test
    void datesDefaultToThreeSchoolYearsFromToday() {
        ProgrammeUpdate update = new ProgrammeUpdate("reg", null, null, List.of());
        Programme p = rules.edited(null, "mun", "reg", update, LocalDate.of(2025, 11, 23));
        assertThat(p.schoolYears())
                .containsExactly(
                        SchoolYear.parse("2025/2026"), SchoolYear.parse("2026/2027"), SchoolYear.parse("2027/2028"));
    }
}
