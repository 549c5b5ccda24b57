package ru.msp.indicators.value;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import ru.msp.contracts.TargetGroup;
import ru.msp.contracts.teacher.TeacherFacts;
import ru.msp.indicators.catalogue.IndicatorCatalogue;
import ru.msp.indicators.catalogue.IndicatorDefinition;
import ru.msp.indicators.catalogue.SchoolYear;
import ru.msp.indicators.programme.Programme;
import ru.msp.indicators.programme.ProgrammePreset;
import ru.msp.indicators.programme.ProgrammePresets;
import ru.msp.indicators.programme.ProgrammeRules;

/**
 * Each seed programme's indicators on a small hand-built municipality, against values worked out by hand (the
 * arithmetic is beside each assertion) and the preset's targets. Status rule: MET at or beyond the target, AT_RISK
 * within 10% of the target short of it, NOT_MET further, NO_TARGET without a target, NO_DATA with nobody to count.
 */
class SeedProgrammeValuesTest {

    static final IndicatorCatalogue CATALOGUE = IndicatorCatalogue.fromClasspath();
    static final ProgrammePresets PRESETS = ProgrammePresets.fromClasspath(CATALOGUE);

    @Test
    void korolev() {
        Town town = new Town(SchoolYear.parse("2024/2025"));
        town.organization("school-a", "GENERAL_SCHOOL", "MENTORING_MODEL", "MENTORING_SYSTEM");
        town.organization("school-b", "GENERAL_SCHOOL");
        town.organization("centre", "METHODICAL_CENTRE", "MENTORING_MODEL"); // not an ОО: never counted
        LocalDate old = LocalDate.of(1975, 3, 1);
        LocalDate longAgo = LocalDate.of(2000, 9, 1);
        town.teacher("a1", "school-a", "DIRECTOR", old, longAgo);
        town.teacher("a2", "school-a", "TEACHER", old, longAgo);
        town.teacher("a3", "school-a", "TEACHER", old, longAgo);
        town.teacher("a4", "school-a", "TEACHER", LocalDate.of(1998, 1, 1), LocalDate.of(2023, 9, 1)); // young
        town.teacher("a5", "school-a", "TEACHER", LocalDate.of(2000, 1, 1), LocalDate.of(2024, 8, 20)); // young
        town.teacher("b1", "school-b", "DIRECTOR", old, longAgo);
        town.teacher("b2", "school-b", "TEACHER", old, longAgo);
        town.teacher("b3", "school-b", "TEACHER", old, longAgo);
        town.teacher("b4", "school-b", "TEACHER", old, longAgo);
        town.teacher("b5", "school-b", "TEACHER", LocalDate.of(1997, 1, 1), LocalDate.of(2022, 10, 1)); // young
        town.diagnose("a1", "REGIONAL", 95, null); // HIGH
        town.diagnose("a2", "REGIONAL", 92, null); // HIGH
        town.diagnose("a3", "REGIONAL", 85, "ASSESSMENT"); // ADVANCED
        town.diagnose("a4", "REGIONAL", 88, null); // ADVANCED
        town.diagnose("b1", "REGIONAL", 82, null); // ADVANCED
        town.diagnose("b2", "MUNICIPAL", 70, "ASSESSMENT"); // BASIC
        town.diagnose("b3", "MUNICIPAL", 65, "DIGITAL"); // BASIC
        town.route("b2", "r1", true);
        town.route("b3", "r2", true);
        town.route("a3", "r3", false);
        town.course("b2", "fr-assessment", true, false, "ASSESSMENT"); // registry course on b2's deficit
        town.course("b3", "fr-digital", true, true, "DIGITAL"); // on b3's deficit
        town.course("a3", "plain-assessment", false, false, "ASSESSMENT"); // not in the registry
        town.course("a2", "fr-assessment", true, false, "ASSESSMENT"); // a2 has no deficit
        town.course("a1", "management", false, false, "MANAGEMENT"); // school-a's director: its team trained
        town.mentee("a4", "m1");
        town.attended("a5", "seminar", "MUNICIPAL");

        ProgrammePreset korolev = PRESETS.byId("KOROLEV").orElseThrow();
        // 7 of 10 teachers diagnosed: 7 / 10 = 70.0 % ≥ 60 → MET
        assertValue(town, korolev, "DIAGNOSED_SHARE", 7, 10, "70.0", "MET");
        // levels of the 7 diagnosed: HIGH a1, a2 → 2 / 7 = 28.6; ADVANCED a3, a4, b1 → 3 / 7 = 42.9;
        // BASIC b2, b3 → 2 / 7 = 28.6 (tracked, no target)
        assertValue(town, korolev, "DIAGNOSED_LEVEL_HIGH_SHARE", 2, 7, "28.6", "NO_TARGET");
        assertValue(town, korolev, "DIAGNOSED_LEVEL_ADVANCED_SHARE", 3, 7, "42.9", "NO_TARGET");
        assertValue(town, korolev, "DIAGNOSED_LEVEL_BASIC_SHARE", 2, 7, "28.6", "NO_TARGET");
        // routes b2, b3, a3: 3 / 10 = 30.0 ≥ 30 → MET
        assertValue(town, korolev, "ROUTES_SHARE", 3, 10, "30.0", "MET");
        // 2 of the 3 routes completed: 66.7 < 72 (80 − 10 %) → NOT_MET
        assertValue(town, korolev, "ROUTES_COMPLETED_SHARE", 2, 3, "66.7", "NOT_MET");
        // registry courses on one's own deficit: b2, b3 (a3's is not in the registry, a2 has no deficit):
        // 2 / 10 = 20.0 < 27 → NOT_MET (2024/2025's yearly target 30)
        assertValue(town, korolev, "FEDERAL_REGISTRY_DEFICIT_COURSES_SHARE", 2, 10, "20.0", "NOT_MET");
        // management teams: school-a's director completed a course, school-b's did not: 1 / 2 = 50.0 ≥ 40 → MET
        assertValue(town, korolev, "MANAGEMENT_TEAMS_TRAINED_SHARE", 1, 2, "50.0", "MET");
        // young specialists a4, a5, b5; supported a4 (mentee), a5 (municipal seminar): 2 / 3 = 66.7, in [63, 70)
        // → AT_RISK
        assertValue(town, korolev, "YOUNG_TEACHERS_SUPPORTED_SHARE", 2, 3, "66.7", "AT_RISK");
        // schools: a (model, system), b (neither); the methodical centre is no school: 1 / 2 = 50.0 < 90 → NOT_MET
        assertValue(town, korolev, "SCHOOLS_WITH_MENTORING_MODEL_SHARE", 1, 2, "50.0", "NOT_MET");
        // 1 / 2 = 50.0 ≥ 10 → MET
        assertValue(town, korolev, "SCHOOLS_IN_MENTORING_SYSTEM_SHARE", 1, 2, "50.0", "MET");
        // drill-down: school-a has 2 of its 5 diagnosed at HIGH... and 4 of 5 diagnosed overall: 4 / 5 = 80.0
        assertThat(town.tally("DIAGNOSED_SHARE", ScopeKind.ORGANIZATION, "school-a"))
                .isEqualTo(new Tally(4, 5));
        assertThat(town.tally("DIAGNOSED_SHARE", ScopeKind.REGION, Town.REGION)).isEqualTo(new Tally(7, 10));
    }

    @Test
    void berezniki() {
        Town town = new Town(SchoolYear.parse("2023/2024"));
        town.organization("s1", "GENERAL_SCHOOL", "MENTORING_MODEL");
        town.organization("k1", "KINDERGARTEN");
        LocalDate old = LocalDate.of(1970, 1, 1);
        LocalDate longAgo = LocalDate.of(1995, 9, 1);
        town.teacher(
                "t1",
                facts(
                        "s1",
                        "TEACHER",
                        LocalDate.of(1990, 5, 1),
                        LocalDate.of(2022, 9, 1),
                        "FIRST",
                        LocalDate.of(2023, 12, 1),
                        false,
                        Set.of(),
                        false)); // 33, young, first category this year
        town.teacher("t2", "s1", "TEACHER", LocalDate.of(1988, 9, 2), longAgo); // 34 on 1 Sept 2023
        town.teacher("t3", "s1", "TEACHER", LocalDate.of(1988, 9, 1), longAgo); // 35 that day: «до 35 включительно»
        town.teacher("t4", "s1", "TEACHER", LocalDate.of(1987, 9, 1), longAgo); // 36
        town.teacher("t5", "s1", "TEACHER", old, longAgo);
        town.teacher("t6", facts("s1", "TEACHER", old, longAgo, "HIGHEST", null, false, Set.of("ATTESTATION"), true));
        town.teacher("t7", facts("s1", "TEACHER", old, longAgo, "NONE", null, true, Set.of(), true));
        town.teacher("t8", "s1", "TEACHER", old, longAgo);
        town.teacher("t9", "k1", "EDUCATOR", LocalDate.of(1999, 1, 1), LocalDate.of(2022, 1, 10)); // young
        town.teacher("t10", "k1", "EDUCATOR", old, longAgo);
        town.diagnose("t1", "REGIONAL", 75, null);
        town.diagnose("t2", "MUNICIPAL", 75, null);
        town.course("t3", "c1", true, true);
        town.course("t4", "c2", false, true);
        town.course("t5", "c3", true, false);
        town.attended("t1", "city-mo", "MUNICIPAL");
        town.attended("t2", "region-webinar", "REGIONAL");
        town.mentee("t9", "m1");
        for (String t : List.of("t1", "t2", "t3", "t4", "t5", "t6", "t7")) {
            town.joined(t, "mo-math", "MUNICIPAL");
        }

        ProgrammePreset berezniki = PRESETS.byId("BEREZNIKI_2021_2024").orElseThrow();
        // federal or regional diagnostics: t1 only (t2's is municipal): 1 / 10 = 10.0 ≥ 5 → MET
        assertValue(town, berezniki, "DIAGNOSED_FEDERAL_REGIONAL_SHARE", 1, 10, "10.0", "MET");
        // registry courses t3, t5: 2 / 10 = 20.0 ≥ 10 → MET
        assertValue(town, berezniki, "FEDERAL_REGISTRY_COURSES_SHARE", 2, 10, "20.0", "MET");
        // of the 3 who completed a course, t3 and t4 remotely: 2 / 3 = 66.7 ≥ 60 → MET
        assertValue(town, berezniki, "REMOTE_COURSES_SHARE", 2, 3, "66.7", "MET");
        // no routes: 0 / 10 = 0.0 → NOT_MET
        assertValue(town, berezniki, "ROUTES_SHARE", 0, 10, "0.0", "NOT_MET");
        // experts t6: 1 / 10 = 10.0 ≥ 5; methodical asset t7: 10.0 ≥ 0.5
        assertValue(town, berezniki, "EXPERTS_SHARE", 1, 10, "10.0", "MET");
        assertValue(town, berezniki, "METHODICAL_ASSET_SHARE", 1, 10, "10.0", "MET");
        // registry experts t6, t7: count 2 < 2.7 (3 − 10 %) → NOT_MET
        assertValue(town, berezniki, "REGISTRY_EXPERTS_COUNT", 2, 0, "2", "NOT_MET");
        // subject teachers t1..t8; 35 or under on 1 Sept 2023: t1, t2, t3 → 3 / 8 = 37.5 ≥ 30 → MET
        assertValue(town, berezniki, "TEACHERS_UNDER_35_SHARE", 3, 8, "37.5", "MET");
        // supported young specialists: t1 (municipal МО), t9 (mentee); with the first category: t1 → 1 / 2 = 50.0
        assertValue(town, berezniki, "YOUNG_TEACHERS_FIRST_CATEGORY_SHARE", 1, 2, "50.0", "MET");
        // ОО with the mentoring model: s1 of s1, k1 → 1 / 2 = 50.0 ≥ 20 → MET
        assertValue(town, berezniki, "ORGANIZATIONS_WITH_MENTORING_MODEL_SHARE", 1, 2, "50.0", "MET");
        // schools in the mentoring system: none of the 1 school → 0.0 → NOT_MET
        assertValue(town, berezniki, "SCHOOLS_IN_MENTORING_SYSTEM_SHARE", 0, 1, "0.0", "NOT_MET");
        // municipal events: t1 (t2's webinar is regional): 1 / 10 = 10.0 ≥ 10 → MET
        assertValue(town, berezniki, "MUNICIPAL_EVENTS_PARTICIPATION_SHARE", 1, 10, "10.0", "MET");
        // communities: t1..t7 → 7 / 10 = 70.0 < 72 → NOT_MET
        assertValue(town, berezniki, "COMMUNITY_MEMBERS_SHARE", 7, 10, "70.0", "NOT_MET");
        // no fact source yet: no value
        assertValue(town, berezniki, "PEDAGOGICAL_RETRAINING_SHARE", 0, 0, null, "NO_DATA");
    }

    @Test
    void nizhnyTagil() {
        Town town = new Town(SchoolYear.parse("2025/2026"));
        town.organization("n", "GENERAL_SCHOOL");
        LocalDate old = LocalDate.of(1980, 1, 1);
        LocalDate longAgo = LocalDate.of(2005, 9, 1);
        town.teacher("d1", "n", "DIRECTOR", old, longAgo);
        town.teacher("n1", "n", "TEACHER", old, longAgo, TargetGroup.GIFTED);
        town.teacher("n2", "n", "TEACHER", old, longAgo);
        town.teacher("n3", "n", "TEACHER", old, longAgo);
        town.teacher(
                "n4", "n", "TEACHER", LocalDate.of(2001, 1, 1), LocalDate.of(2024, 9, 1), TargetGroup.YOUNG_TEACHER);
        town.teacher(
                "n5", "n", "TEACHER", LocalDate.of(2002, 1, 1), LocalDate.of(2025, 9, 1), TargetGroup.YOUNG_TEACHER);
        for (String t : List.of("d1", "n1", "n2", "n3", "n4", "n5")) {
            town.informed(t, "city-forum");
        }
        town.diagnose("n1", "MUNICIPAL", 70, null);
        town.diagnose("n2", "MUNICIPAL", 70, null);
        town.diagnose("n3", "MUNICIPAL", 70, null);
        town.recommended("n1", "TEACHER");
        town.recommended("n2", "TEACHER");
        town.recommended("d1", "SCHOOL_LEADER");
        town.attended("n4", "young-club", "MUNICIPAL");
        town.route("n3", "r1", false);
        town.joined("n1", "net", "NETWORK");
        town.joined("n2", "net", "NETWORK");
        town.presentedPractice("n1", "p1");
        town.competed("n2", "teacher-of-the-year");
        town.competed("n3", "teacher-of-the-year");

        ProgrammePreset tagil = PRESETS.byId("NIZHNY_TAGIL_2024_2027").orElseThrow();
        // everyone informed: 6 / 6 = 100.0 → MET
        assertValue(town, tagil, "INFORMED_SHARE", 6, 6, "100.0", "MET");
        // municipal monitoring n1..n3: 3 / 6 = 50.0 ≥ 50 → MET
        assertValue(town, tagil, "MUNICIPAL_MONITORING_SHARE", 3, 6, "50.0", "MET");
        // of them recommended n1, n2: 2 / 3 = 66.7 < 90 → NOT_MET
        assertValue(town, tagil, "MUNICIPAL_MONITORING_RECOMMENDED_SHARE", 2, 3, "66.7", "NOT_MET");
        // the one school leader got a recommendation: 1 / 1 = 100.0 → MET
        assertValue(town, tagil, "SCHOOL_LEADERS_RECOMMENDED_SHARE", 1, 1, "100.0", "MET");
        // young teachers n4 (attended), n5 (nothing): 1 / 2 = 50.0 < 72 → NOT_MET
        assertValue(town, tagil, "TARGET_GROUP_COVERAGE_YOUNG_TEACHER_SHARE", 1, 2, "50.0", "NOT_MET");
        // gifted n1, covered by the recommendation: 1 / 1 = 100.0 → MET
        assertValue(town, tagil, "TARGET_GROUP_COVERAGE_GIFTED_SHARE", 1, 1, "100.0", "MET");
        // nobody in the ОВЗ group: nothing to divide → NO_DATA
        assertValue(town, tagil, "TARGET_GROUP_COVERAGE_DISABILITIES_SHARE", 0, 0, null, "NO_DATA");
        // route n3: 1 / 6 = 16.7 < 18 → NOT_MET
        assertValue(town, tagil, "ROUTES_SHARE", 1, 6, "16.7", "NOT_MET");
        // network community with a presented practice: n1 (n2 presented nothing): 1 / 6 = 16.7 → NOT_MET
        assertValue(town, tagil, "NETWORK_COMMUNITY_PRESENTERS_SHARE", 1, 6, "16.7", "NOT_MET");
        // competitions n2, n3: 2 / 6 = 33.3 ≥ 20 → MET
        assertValue(town, tagil, "COMPETITION_PARTICIPATION_SHARE", 2, 6, "33.3", "MET");
        // drill-down by target group: the young teachers' group within the municipality
        assertThat(town.tally("INFORMED_SHARE", ScopeKind.MUNICIPALITY_TARGET_GROUP, Town.MUN + "~YOUNG_TEACHER"))
                .isEqualTo(new Tally(2, 2));
    }

    @Test
    void oktyabrsky() {
        Town town = new Town(SchoolYear.parse("2022/2023"));
        town.organization("o1", "GENERAL_SCHOOL");
        town.organization("o2", "GENERAL_SCHOOL");
        LocalDate old = LocalDate.of(1970, 1, 1);
        LocalDate longAgo = LocalDate.of(1995, 9, 1);
        town.teacher("q1", "o1", "DIRECTOR", old, longAgo);
        town.teacher("q2", "o1", "TEACHER", old, longAgo);
        town.teacher("q3", "o1", "TEACHER", old, longAgo);
        town.teacher("q4", "o1", "TEACHER", LocalDate.of(2000, 1, 1), LocalDate.of(2021, 9, 1)); // young
        town.teacher("q5", "o2", "DIRECTOR", old, longAgo);
        town.teacher("q6", "o2", "TEACHER", LocalDate.of(1995, 1, 1), LocalDate.of(2020, 9, 2)); // young
        town.diagnose("q2", "SCHOOL", 70, null);
        town.diagnose("q3", "SCHOOL", 70, null);
        town.diagnose("q6", "SCHOOL", 70, null);
        town.course("q2", "c-subject", false, false, "SUBJECT_METHODOLOGY");
        town.course("q1", "c-quality", false, false, "EDUCATION_QUALITY_MANAGEMENT");
        town.course("q5", "c-digital", false, false, "DIGITAL");
        town.attended("q4", "open-lesson", "SCHOOL");
        town.presentedPractice("q2", "p1");

        ProgrammePreset oktyabrsky = PRESETS.byId("OKTYABRSKY_2021_2024").orElseThrow();
        // the programme names its indicators without values: every status NO_TARGET
        // diagnosed q2, q3, q6: 3 / 6 = 50.0
        assertValue(town, oktyabrsky, "DIAGNOSED_SHARE", 3, 6, "50.0", "NO_TARGET");
        // completed a ДПП q1, q2, q5: 3 / 6 = 50.0
        assertValue(town, oktyabrsky, "COURSES_COMPLETED_SHARE", 3, 6, "50.0", "NO_TARGET");
        // leaders q1 (quality management course), q5 (digital course, does not count): 1 / 2 = 50.0
        assertValue(town, oktyabrsky, "SCHOOL_LEADERS_QUALITY_MANAGEMENT_TRAINED_SHARE", 1, 2, "50.0", "NO_TARGET");
        // young specialists q4 (attended), q6 (no support): 1 / 2 = 50.0
        assertValue(town, oktyabrsky, "YOUNG_TEACHERS_SUPPORTED_SHARE", 1, 2, "50.0", "NO_TARGET");
        // organisations with a presented practice: o1 of o1, o2 → 1 / 2 = 50.0
        assertValue(town, oktyabrsky, "PRACTICES_PRESENTED_ORGANIZATIONS_SHARE", 1, 2, "50.0", "NO_TARGET");
    }

    @Test
    void statusRule() {
        var higher = ru.msp.indicators.catalogue.Direction.HIGHER_IS_BETTER;
        var lower = ru.msp.indicators.catalogue.Direction.LOWER_IS_BETTER;
        assertThat(TargetStatus.of(new BigDecimal("60"), new BigDecimal("60"), higher))
                .isEqualTo("MET");
        assertThat(TargetStatus.of(new BigDecimal("54"), new BigDecimal("60"), higher))
                .isEqualTo("AT_RISK");
        assertThat(TargetStatus.of(new BigDecimal("53.9"), new BigDecimal("60"), higher))
                .isEqualTo("NOT_MET");
        assertThat(TargetStatus.of(new BigDecimal("11"), new BigDecimal("10"), lower))
                .isEqualTo("AT_RISK");
        assertThat(TargetStatus.of(new BigDecimal("11.1"), new BigDecimal("10"), lower))
                .isEqualTo("NOT_MET");
        assertThat(TargetStatus.of(new BigDecimal("5"), null, higher)).isEqualTo("NO_TARGET");
        assertThat(TargetStatus.of(null, new BigDecimal("5"), higher)).isEqualTo("NO_DATA");
    }

    private static void assertValue(
            Town town,
            ProgrammePreset preset,
            String code,
            long numerator,
            long denominator,
            String value,
            String status) {
        IndicatorDefinition definition = CATALOGUE.byCode(code).orElseThrow();
        Programme.Target target = new ProgrammeRules(CATALOGUE)
                .targetsOf(preset).stream()
                        .filter(t -> t.indicatorCode().equals(code))
                        .findFirst()
                        .orElseThrow(() -> new AssertionError(code + " is not in " + preset.id()));
        Tally tally = town.tally(code);
        assertThat(tally).as(code).isEqualTo(new Tally(numerator, denominator));
        BigDecimal actual = tally.isZero() && definition.unit() != ru.msp.indicators.catalogue.IndicatorUnit.COUNT
                ? null
                : TargetStatus.value(definition, tally);
        assertThat(actual == null ? null : actual.toPlainString()).as(code).isEqualTo(value);
        BigDecimal goal = target.targetFor(town.year).orElse(null);
        assertThat(TargetStatus.of(actual, goal, target.direction()))
                .as(code + " status")
                .isEqualTo(status);
    }

    private static TeacherFacts facts(
            String org,
            String position,
            LocalDate birth,
            LocalDate started,
            String category,
            LocalDate categoryDate,
            boolean asset,
            Set<String> expertKinds,
            boolean registryExpert) {
        return new TeacherFacts(
                org,
                position,
                List.of(),
                birth,
                started,
                category,
                categoryDate,
                Set.of(),
                asset,
                expertKinds,
                registryExpert);
    }
}
