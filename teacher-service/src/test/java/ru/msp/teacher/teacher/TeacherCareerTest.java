package ru.msp.teacher.teacher;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import ru.msp.support.problem.FieldProblem;

class TeacherCareerTest {

    static final LocalDate TODAY = LocalDate.of(2025, 9, 1);

    static TeacherCareer career(LocalDate birth, LocalDate start) {
        return new TeacherCareer(birth, start, "NONE", null);
    }

    static java.util.List<String> fields(TeacherCareer career) {
        return career.problems(TODAY).stream().map(FieldProblem::field).toList();
    }

    @Test
    void theAgeAtRegistrationIs16To90Inclusive() {
        assertThat(fields(career(LocalDate.of(2009, 9, 1), TODAY))).isEmpty(); // 16 today
        assertThat(fields(career(LocalDate.of(2009, 9, 2), TODAY))).contains("birthDate"); // 16 tomorrow
        assertThat(fields(career(LocalDate.of(1934, 9, 2), LocalDate.of(1960, 1, 1))))
                .isEmpty(); // 90, 91 tomorrow
        assertThat(fields(career(LocalDate.of(1934, 9, 1), LocalDate.of(1960, 1, 1))))
                .contains("birthDate"); // 91 today
        assertThat(fields(career(LocalDate.of(2030, 1, 1), TODAY))).contains("birthDate");
    }

    @Test
    void thePedagogicalStartIsNotBeforeThe16thBirthdayNorInTheFuture() {
        LocalDate birth = LocalDate.of(2000, 1, 10);
        assertThat(fields(career(birth, LocalDate.of(2016, 1, 10)))).isEmpty();
        assertThat(fields(career(birth, LocalDate.of(2016, 1, 9)))).containsExactly("pedagogicalStartDate");
        assertThat(fields(career(birth, TODAY))).isEmpty();
        assertThat(fields(career(birth, TODAY.plusDays(1)))).containsExactly("pedagogicalStartDate");
    }

    @Test
    void aCategoryDateIsRequiredExactlyWhenThereIsACategory() {
        LocalDate birth = LocalDate.of(1980, 5, 5);
        LocalDate start = LocalDate.of(2002, 9, 1);
        assertThat(fields(new TeacherCareer(birth, start, "NONE", null))).isEmpty();
        assertThat(fields(new TeacherCareer(birth, start, "NONE", LocalDate.of(2020, 1, 1))))
                .containsExactly("categoryDate");
        assertThat(fields(new TeacherCareer(birth, start, "FIRST", null))).containsExactly("categoryDate");
        assertThat(fields(new TeacherCareer(birth, start, "HIGHEST", LocalDate.of(2020, 1, 1))))
                .isEmpty();
        assertThat(fields(new TeacherCareer(birth, start, "HIGHEST", TODAY.plusDays(1))))
                .containsExactly("categoryDate");
    }

    @Test
    void everyBrokenRuleIsListed() {
        assertThat(fields(new TeacherCareer(LocalDate.of(2015, 1, 1), TODAY.plusYears(1), "FIRST", null)))
                .containsExactlyInAnyOrder("birthDate", "pedagogicalStartDate", "categoryDate");
        assertThat(fields(new TeacherCareer(null, null, "NONE", null)))
                .containsExactlyInAnyOrder("birthDate", "pedagogicalStartDate");
    }

    @Test
    void ageAndExperienceAreFullYearsCountingOnTheAnniversary() {
        TeacherCareer career = career(LocalDate.of(1990, 9, 1), LocalDate.of(2015, 9, 2));
        assertThat(career.age(TODAY)).isEqualTo(35);
        assertThat(career.age(TODAY.minusDays(1))).isEqualTo(34);
        assertThat(career.experienceYears(TODAY)).isEqualTo(9);
        assertThat(career.experienceYears(TODAY.plusDays(1))).isEqualTo(10);
        assertThat(career.experienceYears(LocalDate.of(2015, 9, 1))).isZero(); // before the start
    }

    @Test
    void aYoungSpecialistIsUnder35UntilTheDayBeforeTheBirthday() {
        LocalDate start = LocalDate.of(2024, 9, 1);
        assertThat(career(LocalDate.of(1990, 9, 2), start).youngSpecialist(TODAY))
                .isTrue(); // 34, 35 tomorrow
        assertThat(career(LocalDate.of(1990, 9, 1), start).youngSpecialist(TODAY))
                .isFalse(); // 35 today
    }

    @Test
    void aYoungSpecialistIsInTheFirstThreeYearsUntilTheDayBeforeTheThirdAnniversary() {
        LocalDate birth = LocalDate.of(2000, 1, 1);
        assertThat(career(birth, LocalDate.of(2022, 9, 2)).youngSpecialist(TODAY))
                .isTrue(); // 2 full years
        assertThat(career(birth, LocalDate.of(2022, 9, 1)).youngSpecialist(TODAY))
                .isFalse(); // 3 full years today
        assertThat(career(birth, TODAY).youngSpecialist(TODAY)).isTrue(); // first day
        assertThat(career(birth, TODAY.plusDays(1)).youngSpecialist(TODAY)).isFalse(); // not started yet
    }
}
