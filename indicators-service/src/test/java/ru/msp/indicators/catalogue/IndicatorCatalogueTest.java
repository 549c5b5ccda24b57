package ru.msp.indicators.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import ru.msp.contracts.TargetGroup;
import ru.msp.indicators.SharedFolder;
import ru.msp.indicators.catalogue.IndicatorDefinition.CountedFact;

class IndicatorCatalogueTest {

    /** DESIGN.md, "Indicators": each item of its catalogue sentence and the codes that cover it. */
    static final Map<String, List<String>> DESIGN_INDICATORS = new LinkedHashMap<>();

    static {
        DESIGN_INDICATORS.put(
                "diagnosed share (and split by level)",
                List.of(
                        "DIAGNOSED_SHARE",
                        "DIAGNOSED_LEVEL_HIGH_SHARE",
                        "DIAGNOSED_LEVEL_ADVANCED_SHARE",
                        "DIAGNOSED_LEVEL_BASIC_SHARE",
                        "DIAGNOSED_LEVEL_BELOW_BASIC_SHARE"));
        DESIGN_INDICATORS.put("share with routes", List.of("ROUTES_SHARE"));
        DESIGN_INDICATORS.put("share of routes completed", List.of("ROUTES_COMPLETED_SHARE"));
        DESIGN_INDICATORS.put(
                "share who completed federal-registry courses this year", List.of("FEDERAL_REGISTRY_COURSES_SHARE"));
        DESIGN_INDICATORS.put("share of courses taken remotely", List.of("REMOTE_COURSES_SHARE"));
        DESIGN_INDICATORS.put("management teams trained", List.of("MANAGEMENT_TEAMS_TRAINED_SHARE"));
        DESIGN_INDICATORS.put(
                "young teachers (under 35, first 3 years) supported", List.of("YOUNG_TEACHERS_SUPPORTED_SHARE"));
        DESIGN_INDICATORS.put("share of teachers under 35", List.of("TEACHERS_UNDER_35_SHARE"));
        DESIGN_INDICATORS.put(
                "young teachers who reached the first category", List.of("YOUNG_TEACHERS_FIRST_CATEGORY_SHARE"));
        DESIGN_INDICATORS.put("schools with the mentoring model", List.of("SCHOOLS_WITH_MENTORING_MODEL_SHARE"));
        DESIGN_INDICATORS.put("schools in the mentoring system", List.of("SCHOOLS_IN_MENTORING_SYSTEM_SHARE"));
        DESIGN_INDICATORS.put("teachers in communities / methodical associations", List.of("COMMUNITY_MEMBERS_SHARE"));
        DESIGN_INDICATORS.put("experts", List.of("EXPERTS_SHARE"));
        DESIGN_INDICATORS.put("methodical asset", List.of("METHODICAL_ASSET_SHARE"));
        DESIGN_INDICATORS.put("registry experts (count)", List.of("REGISTRY_EXPERTS_COUNT"));
        DESIGN_INDICATORS.put("informed about events", List.of("INFORMED_SHARE"));
        DESIGN_INDICATORS.put("took part in municipal events", List.of("MUNICIPAL_EVENTS_PARTICIPATION_SHARE"));
        DESIGN_INDICATORS.put("took part in competitions", List.of("COMPETITION_PARTICIPATION_SHARE"));
        DESIGN_INDICATORS.put("received targeted recommendations", List.of("RECOMMENDATIONS_RECEIVED_SHARE"));
        DESIGN_INDICATORS.put(
                "school leaders who received recommendations", List.of("SCHOOL_LEADERS_RECOMMENDED_SHARE"));
        DESIGN_INDICATORS.put(
                "organisations that presented practices", List.of("PRACTICES_PRESENTED_ORGANIZATIONS_SHARE"));
        DESIGN_INDICATORS.put(
                "coverage per target group",
                List.of(
                        "TARGET_GROUP_COVERAGE_YOUNG_TEACHER_SHARE",
                        "TARGET_GROUP_COVERAGE_MENTOR_SHARE",
                        "TARGET_GROUP_COVERAGE_LOW_RESULTS_SCHOOL_SHARE",
                        "TARGET_GROUP_COVERAGE_DISABILITIES_SHARE",
                        "TARGET_GROUP_COVERAGE_GIFTED_SHARE"));
    }

    private final IndicatorCatalogue catalogue = IndicatorCatalogue.fromClasspath();

    @Test
    void everyIndicatorOfTheDesignHasACode() {
        DESIGN_INDICATORS.forEach((item, codes) -> assertThat(codes)
                .as(item)
                .allSatisfy(code -> assertThat(catalogue.byCode(code)).as(code).isPresent()));
    }

    @Test
    void theDesignListsNoIndicatorThisTestDoesNotKnow() throws IOException {
        Optional<Path> shared = SharedFolder.locate();
        assumeTrue(shared.isPresent(), "shared/DESIGN.md is not beside this checkout");
        String design = Files.readString(shared.get().resolve("DESIGN.md")).replaceAll("\\s+", " ");
        String start = "Catalogue (codes are the API's): ";
        int from = design.indexOf(start);
        assertThat(from).as("DESIGN.md's catalogue sentence").isNotNegative();
        String sentence = design.substring(from + start.length(), design.indexOf(". ", from));
        assertThat(itemsOf(sentence)).containsExactlyElementsOf(DESIGN_INDICATORS.keySet());
    }

    @Test
    void coverageHasOneIndicatorPerTargetGroup() {
        for (TargetGroup group : TargetGroup.values()) {
            assertThat(catalogue.all())
                    .as(group.name())
                    .filteredOn(d -> d.targetGroup() == group)
                    .singleElement()
                    .satisfies(d -> {
                        assertThat(d.code()).isEqualTo("TARGET_GROUP_COVERAGE_" + group + "_SHARE");
                        assertThat(d.population()).isEqualTo(Population.TEACHERS_OF_TARGET_GROUP);
                    });
        }
    }

    @Test
    void definitionsSayWhatTheyCountOverWhichPopulationAndPeriod() {
        IndicatorDefinition remote = catalogue.byCode("REMOTE_COURSES_SHARE").orElseThrow();
        assertThat(remote.unit()).isEqualTo(IndicatorUnit.SHARE);
        assertThat(remote.population()).isEqualTo(Population.COURSE_PARTICIPANTS);
        assertThat(remote.denominator().fact()).isEqualTo("teachersCompletedCourse");
        assertThat(remote.periodRule()).isEqualTo(PeriodRule.SCHOOL_YEAR);
        assertThat(remote.sources()).containsExactly(SeedDocument.BEREZNIKI_PROGRAMME);

        IndicatorDefinition experts = catalogue.byCode("REGISTRY_EXPERTS_COUNT").orElseThrow();
        assertThat(experts.unit()).isEqualTo(IndicatorUnit.COUNT);
        assertThat(experts.denominator()).isNull();
        assertThat(experts.periodRule()).isEqualTo(PeriodRule.AS_OF_DATE);

        assertThat(catalogue
                        .byCode("METHODICAL_SUPPORT_PLANS_PRESENT")
                        .orElseThrow()
                        .unit())
                .isEqualTo(IndicatorUnit.YES_NO);
        assertThat(catalogue
                        .byCode("DIAGNOSED_LEVEL_BELOW_BASIC_SHARE")
                        .orElseThrow()
                        .direction())
                .isEqualTo(Direction.LOWER_IS_BETTER);
        assertThat(catalogue.byCode("ROUTES_COMPLETED_SHARE").orElseThrow().population())
                .isEqualTo(Population.ROUTES);
        assertThat(catalogue.byCode("DIAGNOSED_LEVEL_HIGH_SHARE").orElseThrow().denominator())
                .isEqualTo(catalogue.byCode("DIAGNOSED_SHARE").orElseThrow().numerator());
    }

    @Test
    void eachSeedWithIndicatorTablesIsASourceOfSomeIndicator() {
        assertThat(catalogue.all().stream().flatMap(d -> d.sources().stream()))
                .contains(
                        SeedDocument.NIZHNY_TAGIL_PROGRAMME,
                        SeedDocument.BEREZNIKI_PROGRAMME,
                        SeedDocument.OKTYABRSKY_PROGRAMME,
                        SeedDocument.KOROLEV_REGULATION);
    }

    @Test
    void aCodeIsUsedOnce() {
        IndicatorDefinition informed = catalogue.byCode("INFORMED_SHARE").orElseThrow();
        assertThatThrownBy(() -> new IndicatorCatalogue(List.of(informed, informed)))
                .hasMessageContaining("INFORMED_SHARE: the code is used twice");
    }

    @Test
    void aShareNeedsADenominatorAndACountHasNone() {
        assertThatThrownBy(() -> new IndicatorCatalogue(List.of(share("A_SHARE", null))))
                .hasMessageContaining("A_SHARE: a SHARE needs a denominator");
        IndicatorDefinition count = new IndicatorDefinition(
                "B_COUNT",
                "Б",
                "B",
                IndicatorUnit.COUNT,
                Population.TEACHERS,
                new CountedFact("experts", "эксперты"),
                new CountedFact("teachers", "педагоги"),
                PeriodRule.AS_OF_DATE,
                Direction.HIGHER_IS_BETTER,
                null,
                List.of());
        assertThatThrownBy(() -> new IndicatorCatalogue(List.of(count)))
                .hasMessageContaining("B_COUNT: a COUNT has no denominator");
    }

    @Test
    void codesFollowTheConventions() {
        assertThatThrownBy(() -> new IndicatorCatalogue(List.of(share("diagnosedShare", teachers()))))
                .hasMessageContaining("upper snake case");
        assertThatThrownBy(() -> new IndicatorCatalogue(List.of(share("DIAGNOSED", teachers()))))
                .hasMessageContaining("DIAGNOSED: a SHARE indicator's code ends in _SHARE");
    }

    @Test
    void aFactMeansOneThingEverywhere() {
        IndicatorDefinition other = share("OTHER_SHARE", new CountedFact("teachers", "только учителя"));
        assertThatThrownBy(() -> new IndicatorCatalogue(List.of(share("A_SHARE", teachers()), other)))
                .hasMessageContaining("OTHER_SHARE: fact teachers is described differently elsewhere");
    }

    @Test
    void aTargetGroupGoesWithTheTargetGroupPopulation() {
        IndicatorDefinition grouped = new IndicatorDefinition(
                "GROUPED_SHARE",
                "Г",
                "G",
                IndicatorUnit.SHARE,
                Population.TEACHERS,
                new CountedFact("supported", "охвачены"),
                teachers(),
                PeriodRule.SCHOOL_YEAR,
                Direction.HIGHER_IS_BETTER,
                TargetGroup.GIFTED,
                List.of());
        assertThatThrownBy(() -> new IndicatorCatalogue(List.of(grouped)))
                .hasMessageContaining("exactly when the population is TEACHERS_OF_TARGET_GROUP");
    }

    private static IndicatorDefinition share(String code, CountedFact denominator) {
        return new IndicatorDefinition(
                code,
                "Доля",
                "Share",
                IndicatorUnit.SHARE,
                Population.TEACHERS,
                new CountedFact("teachersDiagnosed", "прошли диагностику"),
                denominator,
                PeriodRule.SCHOOL_YEAR,
                Direction.HIGHER_IS_BETTER,
                null,
                List.of());
    }

    private static CountedFact teachers() {
        return new CountedFact("teachers", "все педагоги");
    }

    /** Splits "a, b (c, d), e" at the commas outside brackets. */
    private static List<String> itemsOf(String sentence) {
        List<String> items = new ArrayList<>();
        int depth = 0;
        StringBuilder item = new StringBuilder();
        for (char c : sentence.toCharArray()) {
            if (c == ',' && depth == 0) {
                items.add(item.toString().strip());
                item.setLength(0);
                continue;
            }
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            item.append(c);
        }
        items.add(item.toString().strip());
        return items;
    }
}
