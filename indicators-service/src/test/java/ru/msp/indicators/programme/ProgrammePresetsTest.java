package ru.msp.indicators.programme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import ru.msp.indicators.SharedFolder;
import ru.msp.indicators.catalogue.IndicatorCatalogue;
import ru.msp.indicators.catalogue.IndicatorDefinition;
import ru.msp.indicators.catalogue.IndicatorUnit;
import ru.msp.indicators.catalogue.SchoolYear;
import ru.msp.indicators.catalogue.SeedDocument;

class ProgrammePresetsTest {

    private final IndicatorCatalogue catalogue = IndicatorCatalogue.fromClasspath();
    private final ProgrammePresets presets = ProgrammePresets.fromClasspath(catalogue);

    @Test
    void theFourSeedProgrammesShip() {
        assertThat(presets.all())
                .extracting(ProgrammePreset::id, ProgrammePreset::sourceSeed)
                .containsExactly(
                        tuple("NIZHNY_TAGIL_2024_2027", SeedDocument.NIZHNY_TAGIL_PROGRAMME),
                        tuple("BEREZNIKI_2021_2024", SeedDocument.BEREZNIKI_PROGRAMME),
                        tuple("OKTYABRSKY_2021_2024", SeedDocument.OKTYABRSKY_PROGRAMME),
                        tuple("KOROLEV", SeedDocument.KOROLEV_REGULATION));
    }

    @Test
    void everyTargetIsAnIndicatorOfTheCatalogueInItsUnit() {
        for (ProgrammePreset preset : presets.all()) {
            for (PresetTarget target : preset.targets()) {
                Optional<IndicatorDefinition> definition = catalogue.byCode(target.indicatorCode());
                assertThat(definition)
                        .as(preset.id() + "/" + target.indicatorCode())
                        .isPresent();
                assertThat(target.unit()).isEqualTo(definition.get().unit());
                assertThat(target.sourceText()).isNotBlank();
            }
        }
    }

    @Test
    void catalogueSourcesAndPresetsAgree() {
        Map<SeedDocument, ProgrammePreset> bySeed =
                presets.all().stream().collect(Collectors.toMap(ProgrammePreset::sourceSeed, p -> p));
        for (IndicatorDefinition definition : catalogue.all()) {
            for (SeedDocument seed : definition.sources()) {
                assertThat(bySeed.get(seed).targets())
                        .as(definition.code() + " names " + seed + " as a source")
                        .extracting(PresetTarget::indicatorCode)
                        .contains(definition.code());
            }
        }
        for (ProgrammePreset preset : presets.all()) {
            for (PresetTarget target : preset.targets()) {
                assertThat(catalogue
                                .byCode(target.indicatorCode())
                                .orElseThrow()
                                .sources())
                        .as(preset.id() + " uses " + target.indicatorCode())
                        .contains(preset.sourceSeed());
            }
        }
    }

    @Test
    void nizhnyTagilTargetsAreTheSeeds() {
        ProgrammePreset preset = presets.byId("NIZHNY_TAGIL_2024_2027").orElseThrow();
        assertThat(targetsOf(preset))
                .containsExactlyEntriesOf(ordered(
                        "INFORMED_SHARE", "100",
                        "MUNICIPAL_MONITORING_SHARE", "50",
                        "MUNICIPAL_MONITORING_RECOMMENDED_SHARE", "100",
                        "SCHOOL_LEADERS_RECOMMENDED_SHARE", "100",
                        "TARGET_GROUP_COVERAGE_YOUNG_TEACHER_SHARE", "80",
                        "TARGET_GROUP_COVERAGE_MENTOR_SHARE", "80",
                        "TARGET_GROUP_COVERAGE_LOW_RESULTS_SCHOOL_SHARE", "80",
                        "TARGET_GROUP_COVERAGE_DISABILITIES_SHARE", "80",
                        "TARGET_GROUP_COVERAGE_GIFTED_SHARE", "80",
                        "ROUTES_SHARE", "20",
                        "NETWORK_COMMUNITY_PRESENTERS_SHARE", "70",
                        "MUNICIPAL_PROJECTS_SHARE", "50",
                        "COMPETITION_PARTICIPATION_SHARE", "20"));
        assertThat(preset.period().from()).isEqualTo(LocalDate.of(2024, 9, 1));
        assertThat(preset.period().to()).isEqualTo(LocalDate.of(2027, 9, 30));
        assertThat(preset.period().schoolYears())
                .containsExactlyElementsOf(years("2024/2025", "2025/2026", "2026/2027"));
        assertThat(target(preset, "ROUTES_SHARE").sourceText())
                .isEqualTo(
                        "20% педагогических работников сформировали индивидуальные траектории профессионального развития");
    }

    @Test
    void bereznikiTargetsAreTheSeedsFourteenIndicatorsAndOneExpectedResult() {
        ProgrammePreset preset = presets.byId("BEREZNIKI_2021_2024").orElseThrow();
        assertThat(targetsOf(preset))
                .containsExactlyEntriesOf(ordered(
                        "DIAGNOSED_FEDERAL_REGIONAL_SHARE", "5",
                        "FEDERAL_REGISTRY_COURSES_SHARE", "10",
                        "ROUTES_SHARE", "10",
                        "PEDAGOGICAL_RETRAINING_SHARE", "2",
                        "REMOTE_COURSES_SHARE", "60",
                        "EXPERTS_SHARE", "5",
                        "METHODICAL_ASSET_SHARE", "0.5",
                        "REGISTRY_EXPERTS_COUNT", "3",
                        "TEACHERS_UNDER_35_SHARE", "30",
                        "YOUNG_TEACHERS_FIRST_CATEGORY_SHARE", "3",
                        "ORGANIZATIONS_WITH_MENTORING_MODEL_SHARE", "20",
                        "SCHOOLS_IN_MENTORING_SYSTEM_SHARE", "20",
                        "METHODICAL_SUPPORT_PLANS_PRESENT", "1",
                        "MUNICIPAL_EVENTS_PARTICIPATION_SHARE", "10",
                        "COMMUNITY_MEMBERS_SHARE", "80"));
        assertThat(preset.targets())
                .filteredOn(t -> t.section().startsWith("Показатели для оценки"))
                .hasSize(14);
        assertThat(target(preset, "REGISTRY_EXPERTS_COUNT").unit()).isEqualTo(IndicatorUnit.COUNT);
        assertThat(target(preset, "METHODICAL_SUPPORT_PLANS_PRESENT").unit()).isEqualTo(IndicatorUnit.YES_NO);
        assertThat(preset.period().from()).isEqualTo(LocalDate.of(2021, 1, 1));
        assertThat(preset.period().to()).isEqualTo(LocalDate.of(2024, 12, 31));
    }

    @Test
    void oktyabrskyTracksItsFiveIndicatorsWithoutTargetsAsTheSeedGivesNone() {
        ProgrammePreset preset = presets.byId("OKTYABRSKY_2021_2024").orElseThrow();
        assertThat(preset.targets())
                .extracting(PresetTarget::indicatorCode)
                .containsExactly(
                        "DIAGNOSED_SHARE",
                        "COURSES_COMPLETED_SHARE",
                        "SCHOOL_LEADERS_QUALITY_MANAGEMENT_TRAINED_SHARE",
                        "YOUNG_TEACHERS_SUPPORTED_SHARE",
                        "PRACTICES_PRESENTED_ORGANIZATIONS_SHARE");
        assertThat(preset.targets()).allSatisfy(t -> {
            assertThat(t.value()).isNull();
            assertThat(t.note()).isNotBlank();
        });
        assertThat(preset.period().schoolYears())
                .containsExactlyElementsOf(years("2021/2022", "2022/2023", "2023/2024"));
        assertThat(preset.period().sourceText()).isEqualTo("Сентябрь 2021 – август 2024 гг.");
    }

    @Test
    void korolevTargetsAreTheSeeds() {
        ProgrammePreset preset = presets.byId("KOROLEV").orElseThrow();
        Map<String, String> expected = ordered(
                "DIAGNOSED_SHARE", "60",
                "DIAGNOSED_LEVEL_HIGH_SHARE", null,
                "DIAGNOSED_LEVEL_ADVANCED_SHARE", null,
                "DIAGNOSED_LEVEL_BASIC_SHARE", null,
                "ROUTES_SHARE", "30",
                "ROUTES_COMPLETED_SHARE", "80",
                "FEDERAL_REGISTRY_DEFICIT_COURSES_SHARE", "30",
                "MANAGEMENT_TEAMS_TRAINED_SHARE", "40",
                "YOUNG_TEACHERS_SUPPORTED_SHARE", "70",
                "SCHOOLS_WITH_MENTORING_MODEL_SHARE", "100",
                "SCHOOLS_IN_MENTORING_SYSTEM_SHARE", "10");
        assertThat(targetsOf(preset)).containsExactlyEntriesOf(expected);
        assertThat(preset.period().sourceText()).isEqualTo("на период до 2024 года");
        assertThat(preset.period().schoolYears()).containsExactlyElementsOf(years("2023/2024", "2024/2025"));
        assertThat(target(preset, "DIAGNOSED_SHARE").sourceText())
                .isEqualTo("не менее 60%, высокий, повышенный, базовый уровени");
        assertThat(target(preset, "ROUTES_COMPLETED_SHARE").sourceText()).isEqualTo("80% - успешно реализовали ИОМ");
    }

    @Test
    void korolevSetsTheRegistryCoursesTargetForEachYear() {
        PresetTarget courses = target(presets.byId("KOROLEV").orElseThrow(), "FEDERAL_REGISTRY_DEFICIT_COURSES_SHARE");
        assertThat(courses.yearlyTargets())
                .extracting(y -> y.schoolYear().toString(), y -> y.value().toPlainString())
                .containsExactly(tuple("2023/2024", "30"), tuple("2024/2025", "30"));
        assertThat(courses.targetFor(SchoolYear.parse("2024/2025"))).contains(new BigDecimal("30"));
        assertThat(courses.sourceText()).contains("в год");
    }

    @Test
    void aTargetWithoutYearlyTargetsAppliesToEveryYear() {
        PresetTarget informed = target(presets.byId("NIZHNY_TAGIL_2024_2027").orElseThrow(), "INFORMED_SHARE");
        assertThat(informed.targetFor(SchoolYear.parse("2025/2026")))
                .hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("100"));
        PresetTarget tracked = target(presets.byId("OKTYABRSKY_2021_2024").orElseThrow(), "DIAGNOSED_SHARE");
        assertThat(tracked.targetFor(SchoolYear.parse("2022/2023"))).isEmpty();
    }

    @Test
    void everyQuoteIsTheSeedsOwnWording() throws IOException {
        Optional<Path> shared = SharedFolder.locate();
        assumeTrue(shared.isPresent(), "shared/seeds is not beside this checkout");
        for (ProgrammePreset preset : presets.all()) {
            String seed = normalized(Files.readString(
                    shared.get().resolve("seeds").resolve(preset.sourceSeed().fileName())));
            assertThat(seed)
                    .as(preset.id() + " period")
                    .contains(normalized(preset.period().sourceText()));
            for (PresetTarget target : preset.targets()) {
                assertThat(seed)
                        .as(preset.id() + "/" + target.indicatorCode())
                        .contains(normalized(target.sourceText()));
            }
        }
    }

    @Test
    void anUnknownIndicatorIsRefused() {
        assertThatThrownBy(() -> new ProgrammePresets(List.of(preset(target("NO_SUCH_SHARE", "5"))), catalogue))
                .hasMessageContaining("TEST/NO_SUCH_SHARE: no such indicator in the catalogue");
    }

    @Test
    void aTargetInTheWrongUnitOrOutOfRangeIsRefused() {
        PresetTarget wrongUnit = new PresetTarget(
                "REGISTRY_EXPERTS_COUNT", new BigDecimal("3"), IndicatorUnit.SHARE, List.of(), "п. 8", "3", null);
        assertThatThrownBy(() -> new ProgrammePresets(List.of(preset(wrongUnit)), catalogue))
                .hasMessageContaining("unit SHARE but the indicator is a COUNT");
        assertThatThrownBy(() -> new ProgrammePresets(List.of(preset(target("INFORMED_SHARE", "101"))), catalogue))
                .hasMessageContaining("101 is not a valid SHARE value");
    }

    @Test
    void anIndicatorHasOneTargetPerProgramme() {
        assertThatThrownBy(() -> new ProgrammePresets(
                        List.of(preset(target("INFORMED_SHARE", "100"), target("INFORMED_SHARE", "90"))), catalogue))
                .hasMessageContaining("TEST/INFORMED_SHARE: the indicator has two targets");
    }

    @Test
    void yearlyTargetsLieInTheProgrammesYears() {
        PresetTarget yearly = new PresetTarget(
                "INFORMED_SHARE",
                new BigDecimal("100"),
                IndicatorUnit.SHARE,
                List.of(new PresetTarget.YearlyTarget(SchoolYear.parse("2030/2031"), new BigDecimal("100"))),
                "п. 1",
                "100%",
                null);
        assertThatThrownBy(() -> new ProgrammePresets(List.of(preset(yearly)), catalogue))
                .hasMessageContaining("yearly target for 2030/2031, not a year of the programme");
    }

    @Test
    void aTrackedIndicatorSaysWhyItHasNoTarget() {
        assertThatThrownBy(() -> new ProgrammePresets(List.of(preset(target("INFORMED_SHARE", null))), catalogue))
                .hasMessageContaining("a target without a value needs a note");
    }

    @Test
    void schoolYearsLieInThePeriod() {
        ProgrammePreset outside = new ProgrammePreset(
                "TEST",
                "Тест",
                "город",
                "область",
                SeedDocument.BEREZNIKI_PROGRAMME,
                "приказ",
                new ProgrammePeriod(
                        LocalDate.of(2024, 9, 1), LocalDate.of(2025, 8, 31), years("2025/2026"), "2024-2025"),
                List.of(target("INFORMED_SHARE", "100")),
                null);
        assertThatThrownBy(() -> new ProgrammePresets(List.of(outside), catalogue))
                .hasMessageContaining("TEST: school year 2025/2026 lies outside the period");
    }

    private static ProgrammePreset preset(PresetTarget... targets) {
        return new ProgrammePreset(
                "TEST",
                "Тест",
                "город",
                "область",
                SeedDocument.BEREZNIKI_PROGRAMME,
                "приказ",
                new ProgrammePeriod(
                        LocalDate.of(2024, 9, 1), LocalDate.of(2025, 8, 31), years("2024/2025"), "2024-2025"),
                List.of(targets),
                null);
    }

    private static PresetTarget target(String code, String value) {
        return new PresetTarget(
                code, value == null ? null : new BigDecimal(value), IndicatorUnit.SHARE, List.of(), "п. 1", "x", null);
    }

    private static PresetTarget target(ProgrammePreset preset, String code) {
        return preset.targets().stream()
                .filter(t -> t.indicatorCode().equals(code))
                .findFirst()
                .orElseThrow(() -> new AssertionError(preset.id() + " has no target on " + code));
    }

    /** Code to target as plain text ("0.5", "100"), null where tracked without a target, in the preset's order. */
    private static Map<String, String> targetsOf(ProgrammePreset preset) {
        Map<String, String> targets = new LinkedHashMap<>();
        preset.targets()
                .forEach(t -> targets.put(
                        t.indicatorCode(),
                        t.value() == null
                                ? null
                                : t.value().stripTrailingZeros().toPlainString()));
        return targets;
    }

    private static Map<String, String> ordered(String... codesAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < codesAndValues.length; i += 2) {
            map.put(codesAndValues[i], codesAndValues[i + 1]);
        }
        return map;
    }

    private static List<SchoolYear> years(String... years) {
        return Stream.of(years).map(SchoolYear::parse).toList();
    }

    private static String normalized(String text) {
        return text.replaceAll("\\s+", " ");
    }
}
