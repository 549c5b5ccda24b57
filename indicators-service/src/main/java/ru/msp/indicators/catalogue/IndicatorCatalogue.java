package ru.msp.indicators.catalogue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The indicator catalogue: reference data read from {@value #RESOURCE} and checked once, so a mistake in the data
 * stops the service at start rather than showing a wrong figure later.
 */
public final class IndicatorCatalogue {

    static final String RESOURCE = "indicators/catalogue.json";

    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9]*(_[A-Z0-9]+)*");
    private static final Pattern FACT = Pattern.compile("[a-z][A-Za-z0-9]*");
    private static final JsonMapper READER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final Map<String, IndicatorDefinition> byCode;

    public IndicatorCatalogue(Collection<IndicatorDefinition> definitions) {
        List<String> problems = new ArrayList<>();
        Map<String, IndicatorDefinition> codes = new LinkedHashMap<>();
        for (IndicatorDefinition definition : definitions) {
            problems.addAll(problemsOf(definition));
            if (definition.code() != null && codes.putIfAbsent(definition.code(), definition) != null) {
                problems.add(definition.code() + ": the code is used twice");
            }
        }
        problems.addAll(factsWithTwoMeanings(codes.values()));
        if (!problems.isEmpty()) {
            throw new IllegalStateException(
                    "The indicator catalogue is inconsistent:\n  " + String.join("\n  ", problems));
        }
        this.byCode = Collections.unmodifiableMap(codes);
    }

    /** The catalogue shipped with the service. */
    public static IndicatorCatalogue fromClasspath() {
        try (InputStream in = IndicatorCatalogue.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            return new IndicatorCatalogue(READER.readValue(in, new TypeReference<List<IndicatorDefinition>>() {}));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /** Every definition, in catalogue order. */
    public List<IndicatorDefinition> all() {
        return List.copyOf(byCode.values());
    }

    public Optional<IndicatorDefinition> byCode(String code) {
        return Optional.ofNullable(byCode.get(code));
    }

    private static List<String> problemsOf(IndicatorDefinition d) {
        List<String> problems = new ArrayList<>();
        String code = d.code();
        if (code == null || !CODE.matcher(code).matches()) {
            problems.add(code + ": the code must be upper snake case");
            return problems;
        }
        if (isBlank(d.nameRu()) || isBlank(d.nameEn())) {
            problems.add(code + ": both names, Russian and English, are required");
        }
        if (d.unit() == null
                || d.population() == null
                || d.periodRule() == null
                || d.direction() == null
                || d.numerator() == null) {
            problems.add(code + ": unit, population, numerator, periodRule and direction are required");
            return problems;
        }
        String suffix = switch (d.unit()) {
            case SHARE -> "_SHARE";
            case COUNT -> "_COUNT";
            case YES_NO -> "_PRESENT";
        };
        if (!code.endsWith(suffix)) {
            problems.add(code + ": a " + d.unit() + " indicator's code ends in " + suffix);
        }
        problems.addAll(factProblems(code, "numerator", d.numerator()));
        if (d.unit() == IndicatorUnit.SHARE) {
            if (d.denominator() == null) {
                problems.add(code + ": a SHARE needs a denominator");
            } else {
                problems.addAll(factProblems(code, "denominator", d.denominator()));
            }
        } else if (d.denominator() != null) {
            problems.add(code + ": a " + d.unit() + " has no denominator");
        }
        boolean perGroup = d.population() == Population.TEACHERS_OF_TARGET_GROUP;
        if (perGroup != (d.targetGroup() != null)) {
            problems.add(code + ": a target group is given exactly when the population is TEACHERS_OF_TARGET_GROUP");
        }
        return problems;
    }

    /** A fact name means one thing wherever it is counted, so indicators that share it share its figure. */
    private static List<String> factsWithTwoMeanings(Collection<IndicatorDefinition> definitions) {
        Map<String, String> meanings = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (IndicatorDefinition d : definitions) {
            for (IndicatorDefinition.CountedFact fact : Arrays.asList(d.numerator(), d.denominator())) {
                if (fact == null || fact.fact() == null) {
                    continue;
                }
                String meaning = meanings.putIfAbsent(fact.fact(), fact.descriptionRu());
                if (meaning != null && !meaning.equals(fact.descriptionRu())) {
                    problems.add(d.code() + ": fact " + fact.fact() + " is described differently elsewhere");
                }
            }
        }
        return problems;
    }

    private static List<String> factProblems(String code, String role, IndicatorDefinition.CountedFact fact) {
        List<String> problems = new ArrayList<>();
        if (fact.fact() == null || !FACT.matcher(fact.fact()).matches()) {
            problems.add(code + ": the " + role + "'s fact name must be lower camel case, not " + fact.fact());
        }
        if (isBlank(fact.descriptionRu())) {
            problems.add(code + ": the " + role + " needs a Russian description");
        }
        return problems;
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
