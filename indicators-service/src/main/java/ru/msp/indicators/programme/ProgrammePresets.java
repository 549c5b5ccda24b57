package ru.msp.indicators.programme;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import ru.msp.indicators.catalogue.IndicatorCatalogue;
import ru.msp.indicators.catalogue.IndicatorDefinition;
import ru.msp.indicators.catalogue.SchoolYear;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The programme presets shipped with the service ({@value #RESOURCE}), checked against the indicator catalogue once,
 * so a target on an unknown indicator, in the wrong unit or outside the programme's years stops the service at start.
 */
public final class ProgrammePresets {

    static final String RESOURCE = "programmes/presets.json";

    private static final Pattern ID = Pattern.compile("[A-Z][A-Z0-9]*(_[A-Z0-9]+)*");
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final JsonMapper READER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final Map<String, ProgrammePreset> byId;

    public ProgrammePresets(Collection<ProgrammePreset> presets, IndicatorCatalogue catalogue) {
        List<String> problems = new ArrayList<>();
        Map<String, ProgrammePreset> ids = new LinkedHashMap<>();
        for (ProgrammePreset preset : presets) {
            problems.addAll(problemsOf(preset, catalogue));
            if (preset.id() != null && ids.putIfAbsent(preset.id(), preset) != null) {
                problems.add(preset.id() + ": the id is used twice");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException(
                    "The programme presets are inconsistent:\n  " + String.join("\n  ", problems));
        }
        this.byId = Collections.unmodifiableMap(ids);
    }

    /** The presets shipped with the service, checked against {@code catalogue}. */
    public static ProgrammePresets fromClasspath(IndicatorCatalogue catalogue) {
        try (InputStream in = ProgrammePresets.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            return new ProgrammePresets(READER.readValue(in, new TypeReference<List<ProgrammePreset>>() {}), catalogue);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    public List<ProgrammePreset> all() {
        return List.copyOf(byId.values());
    }

    public Optional<ProgrammePreset> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    private static List<String> problemsOf(ProgrammePreset preset, IndicatorCatalogue catalogue) {
        List<String> problems = new ArrayList<>();
        String id = preset.id();
        if (id == null || !ID.matcher(id).matches()) {
            problems.add(id + ": the id must be upper snake case");
            return problems;
        }
        if (isBlank(preset.nameRu()) || preset.sourceSeed() == null || preset.period() == null) {
            problems.add(id + ": nameRu, sourceSeed and period are required");
            return problems;
        }
        ProgrammePeriod period = preset.period();
        if (period.from() == null || period.to() == null || period.to().isBefore(period.from())) {
            problems.add(id + ": the period needs a first day not after its last day");
            return problems;
        }
        if (isBlank(period.sourceText())) {
            problems.add(id + ": the period needs the document's wording");
        }
        if (period.schoolYears().isEmpty()) {
            problems.add(id + ": the period covers no school year");
        }
        SchoolYear previous = null;
        for (SchoolYear year : period.schoolYears()) {
            if (!year.overlaps(period.from(), period.to())) {
                problems.add(id + ": school year " + year + " lies outside the period");
            }
            if (previous != null && year.compareTo(previous) <= 0) {
                problems.add(id + ": school years must be listed in order, once each");
            }
            previous = year;
        }
        if (preset.targets().isEmpty()) {
            problems.add(id + ": a programme has at least one target");
        }
        Set<String> codes = new HashSet<>();
        for (PresetTarget target : preset.targets()) {
            String where = id + "/" + target.indicatorCode();
            if (!codes.add(String.valueOf(target.indicatorCode()))) {
                problems.add(where + ": the indicator has two targets");
            }
            Optional<IndicatorDefinition> definition = catalogue.byCode(target.indicatorCode());
            if (definition.isEmpty()) {
                problems.add(where + ": no such indicator in the catalogue");
                continue;
            }
            problems.addAll(targetProblems(where, target, definition.get(), period));
        }
        return problems;
    }

    private static List<String> targetProblems(
            String where, PresetTarget target, IndicatorDefinition definition, ProgrammePeriod period) {
        List<String> problems = new ArrayList<>();
        if (target.unit() != definition.unit()) {
            problems.add(where + ": unit " + target.unit() + " but the indicator is a " + definition.unit());
        }
        if (isBlank(target.sourceText()) || isBlank(target.section())) {
            problems.add(where + ": the document's wording and section are required");
        }
        if (target.value() == null && !target.yearlyTargets().isEmpty()) {
            problems.add(where + ": yearly targets without a target");
        }
        if (target.value() == null && isBlank(target.note())) {
            problems.add(where + ": a target without a value needs a note saying why");
        }
        problems.addAll(valueProblems(where, target.value(), definition));
        Set<SchoolYear> years = new HashSet<>();
        for (PresetTarget.YearlyTarget yearly : target.yearlyTargets()) {
            if (yearly.schoolYear() == null || !period.schoolYears().contains(yearly.schoolYear())) {
                problems.add(where + ": yearly target for " + yearly.schoolYear() + ", not a year of the programme");
            } else if (!years.add(yearly.schoolYear())) {
                problems.add(where + ": two yearly targets for " + yearly.schoolYear());
            }
            if (yearly.value() == null) {
                problems.add(where + ": a yearly target needs a value");
            } else {
                problems.addAll(valueProblems(where, yearly.value(), definition));
            }
        }
        return problems;
    }

    private static List<String> valueProblems(String where, BigDecimal value, IndicatorDefinition definition) {
        if (value == null) {
            return List.of();
        }
        boolean fits = switch (definition.unit()) {
            case SHARE -> value.signum() >= 0 && value.compareTo(HUNDRED) <= 0;
            case COUNT -> value.signum() >= 0 && value.stripTrailingZeros().scale() <= 0;
            case YES_NO -> value.compareTo(BigDecimal.ZERO) == 0 || value.compareTo(BigDecimal.ONE) == 0;
        };
        return fits ? List.of() : List.of(where + ": " + value + " is not a valid " + definition.unit() + " value");
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
