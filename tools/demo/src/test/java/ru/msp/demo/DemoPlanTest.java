package ru.msp.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import org.junit.jupiter.api.Test;

class DemoPlanTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    @Test
    void theSameSeedGivesTheSamePopulationAndAnotherSeedAnother() {
        DemoPlan first = DemoPlan.generate(7, DemoPlan.Scale.SMALL, TODAY);
        assertThat(DemoPlan.generate(7, DemoPlan.Scale.SMALL, TODAY)).isEqualTo(first);
        assertThat(DemoPlan.generate(8, DemoPlan.Scale.SMALL, TODAY)).isNotEqualTo(first);
    }

    @Test
    void theFourSeedMunicipalitiesSitInTheirRealRegionsWithTheirPresetsAndHaveNeighbours() {
        DemoPlan plan = DemoPlan.generate(2026, DemoPlan.Scale.STANDARD, TODAY);
        assertThat(plan.regions()).extracting(DemoPlan.Region::code).containsExactly("66", "59", "61", "50");
        assertThat(plan.regions().stream()
                        .flatMap(r -> r.municipalities().stream())
                        .filter(DemoPlan.Municipality::seedProgramme)
                        .map(m -> m.name() + "=" + m.programPreset()))
                .containsExactly(
                        "город Нижний Тагил=NIZHNY_TAGIL_2024_2027",
                        "город Березники=BEREZNIKI_2021_2024",
                        "Октябрьский район=OKTYABRSKY_2021_2024",
                        "городской округ Королёв=KOROLEV");
        assertThat(plan.regions())
                .allSatisfy(r -> assertThat(r.municipalities()).hasSizeGreaterThanOrEqualTo(3));
    }

    @Test
    void everyTeacherPassesTheRegistryDateRulesAndExternalIdsAreUnique() {
        DemoPlan plan = DemoPlan.generate(2026, DemoPlan.Scale.STANDARD, TODAY);
        List<DemoPlan.Teacher> teachers = teachers(plan);
        assertThat(teachers).hasSize(plan.teacherCount());
        assertThat(teachers).extracting(DemoPlan.Teacher::externalId).doesNotHaveDuplicates();
        assertThat(teachers).allSatisfy(t -> {
            int age = Period.between(t.birthDate(), TODAY).getYears();
            assertThat(age).isBetween(21, 70);
            // teacher-service refuses a pedagogical start before the 16th birthday or in the future
            assertThat(t.pedagogicalStartDate()).isAfterOrEqualTo(t.birthDate().plusYears(16));
            assertThat(t.pedagogicalStartDate()).isBeforeOrEqualTo(TODAY);
            if (t.categoryDate() != null) {
                assertThat(t.categoryDate()).isBetween(t.pedagogicalStartDate(), TODAY);
            }
        });
    }

    @Test
    void agesAndTargetGroupsLookLikeARealTeachingStaff() {
        List<DemoPlan.Teacher> teachers = teachers(DemoPlan.generate(2026, DemoPlan.Scale.STANDARD, TODAY));
        double under35 =
                share(teachers, t -> Period.between(t.birthDate(), TODAY).getYears() < 35);
        double young = share(teachers, t -> t.targetGroups().contains("YOUNG_TEACHER"));
        double mentors = share(teachers, t -> t.targetGroups().contains("MENTOR"));
        // Russian statistics: about a fifth of teachers are under 35; young specialists a few per cent
        assertThat(under35).isBetween(0.08, 0.35);
        assertThat(young).isBetween(0.01, 0.15);
        assertThat(mentors).isBetween(0.03, 0.3);
        assertThat(teachers.stream().filter(t -> t.position().equals("DIRECTOR")))
                .isNotEmpty();
    }

    private static List<DemoPlan.Teacher> teachers(DemoPlan plan) {
        return plan.regions().stream()
                .flatMap(r -> r.municipalities().stream())
                .flatMap(m -> m.organizations().stream())
                .flatMap(o -> o.staff().stream())
                .toList();
    }

    private static double share(List<DemoPlan.Teacher> teachers, java.util.function.Predicate<DemoPlan.Teacher> test) {
        return (double) teachers.stream().filter(test).count() / teachers.size();
    }
}
