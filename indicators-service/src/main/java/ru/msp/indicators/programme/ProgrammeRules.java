package ru.msp.indicators.programme;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import ru.msp.indicators.catalogue.IndicatorCatalogue;
import ru.msp.indicators.catalogue.IndicatorDefinition;
import ru.msp.indicators.catalogue.SchoolYear;
import ru.msp.support.problem.FieldProblem;

/** Builds programmes from presets and checks edited ones against the catalogue. Plain: no Spring, no store. */
public final class ProgrammeRules {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    /** The school years a programme without dates of its own is compared in. */
    private static final int DEFAULT_YEARS = 3;

    private final IndicatorCatalogue catalogue;

    public ProgrammeRules(IndicatorCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    /** Targets of a preset, each with its indicator's direction. */
    public List<Programme.Target> targetsOf(ProgrammePreset preset) {
        return preset.targets().stream()
                .map(t -> new Programme.Target(
                        t.indicatorCode(),
                        t.value(),
                        catalogue.byCode(t.indicatorCode()).orElseThrow().direction(),
                        t.yearlyTargets().stream()
                                .map(y -> new Programme.YearlyTarget(y.schoolYear(), y.value()))
                                .toList()))
                .toList();
    }

    /** Every problem of an edited programme, by field; empty when it can be stored. */
    public List<FieldProblem> problems(ProgrammeUpdate update) {
        List<FieldProblem> problems = new ArrayList<>();
        if (update.from() != null && update.to() != null && update.to().isBefore(update.from())) {
            problems.add(new FieldProblem("to", "must not be before from", update.to()));
        }
        if (update.targets() == null) {
            problems.add(FieldProblem.of("targets", "required (may be empty)"));
            return problems;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < update.targets().size(); i++) {
            ProgrammeUpdate.TargetInput t = update.targets().get(i);
            String field = "targets[" + i + "]";
            if (t == null || t.indicatorCode() == null) {
                problems.add(FieldProblem.of(field + ".indicatorCode", "required"));
                continue;
            }
            Optional<IndicatorDefinition> definition = catalogue.byCode(t.indicatorCode());
            if (definition.isEmpty()) {
                problems.add(new FieldProblem(field + ".indicatorCode", "no such indicator", t.indicatorCode()));
                continue;
            }
            if (!seen.add(t.indicatorCode())) {
                problems.add(new FieldProblem(field + ".indicatorCode", "listed twice", t.indicatorCode()));
            }
            valueProblem(field + ".value", t.value(), definition.get()).ifPresent(problems::add);
            List<Programme.YearlyTarget> yearly = t.yearlyTargets() == null ? List.of() : t.yearlyTargets();
            for (int y = 0; y < yearly.size(); y++) {
                Programme.YearlyTarget target = yearly.get(y);
                String yearField = field + ".yearlyTargets[" + y + "]";
                if (target == null || target.schoolYear() == null) {
                    problems.add(FieldProblem.of(yearField + ".schoolYear", "required"));
                    continue;
                }
                if (target.value() == null) {
                    problems.add(FieldProblem.of(yearField + ".value", "required"));
                } else {
                    valueProblem(yearField + ".value", target.value(), definition.get())
                            .ifPresent(problems::add);
                }
            }
        }
        return problems;
    }

    /** The programme after an edit: dates default to the stored ones, then to three school years from today. */
    public Programme edited(
            Programme stored, String municipalityId, String regionId, ProgrammeUpdate update, LocalDate today) {
        LocalDate from = update.from() != null ? update.from() : stored != null ? stored.from() : null;
        LocalDate to = update.to() != null ? update.to() : stored != null ? stored.to() : null;
        if (from == null) {
            from = SchoolYear.containing(today).firstDay();
        }
        if (to == null) {
            to = new SchoolYear(SchoolYear.containing(from).startYear() + DEFAULT_YEARS - 1).lastDay();
        }
        List<Programme.Target> targets = update.targets().stream()
                .map(t -> new Programme.Target(
                        t.indicatorCode(),
                        t.value(),
                        t.direction() != null
                                ? t.direction()
                                : catalogue
                                        .byCode(t.indicatorCode())
                                        .orElseThrow()
                                        .direction(),
                        t.yearlyTargets()))
                .toList();
        return new Programme(
                municipalityId,
                regionId,
                municipalityId,
                stored != null ? stored.municipalityName() : null,
                stored != null ? stored.presetId() : null,
                from,
                to,
                schoolYears(from, to),
                targets,
                stored != null ? stored.sourceEventTime() : null,
                null,
                null);
    }

    /** The school years that share a day with the period. */
    public static List<SchoolYear> schoolYears(LocalDate from, LocalDate to) {
        List<SchoolYear> years = new ArrayList<>();
        for (SchoolYear y = SchoolYear.containing(from);
                !y.firstDay().isAfter(to);
                y = new SchoolYear(y.startYear() + 1)) {
            years.add(y);
        }
        return years;
    }

    private static Optional<FieldProblem> valueProblem(String field, BigDecimal value, IndicatorDefinition d) {
        if (value == null) {
            return Optional.empty();
        }
        boolean fits = switch (d.unit()) {
            case SHARE -> value.signum() >= 0 && value.compareTo(HUNDRED) <= 0;
            case COUNT -> value.signum() >= 0 && value.stripTrailingZeros().scale() <= 0;
            case YES_NO -> value.compareTo(BigDecimal.ZERO) == 0 || value.compareTo(BigDecimal.ONE) == 0;
        };
        return fits
                ? Optional.empty()
                : Optional.of(new FieldProblem(field, "not a valid " + d.unit() + " value", value));
    }
}
