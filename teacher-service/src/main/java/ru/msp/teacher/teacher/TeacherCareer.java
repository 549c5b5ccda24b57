package ru.msp.teacher.teacher;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import ru.msp.support.problem.FieldProblem;

/**
 * The dates of a teacher's career and the rules on them; plain Java, no Spring.
 *
 * <p>Rules at registration on {@code today}: the age is 16 to 90 inclusive (full years); the pedagogical start is not
 * before the 16th birthday and not after today; {@code categoryDate} is given iff the category is not NONE, and is not
 * after today.
 *
 * <p>Derived as of a date: {@link #age} and {@link #experienceYears} are full years (a birthday or the anniversary of
 * the start counts on its day). {@link #youngSpecialist} = age under 35 (up to the day before the 35th birthday) AND
 * fewer than 3 full years of pedagogical work (from the start date up to the day before its third anniversary).
 */
public record TeacherCareer(
        LocalDate birthDate, LocalDate pedagogicalStartDate, String category, LocalDate categoryDate) {

    public static final int MIN_AGE = 16;
    public static final int MAX_AGE = 90;
    public static final int YOUNG_AGE_LIMIT = 35;
    public static final int YOUNG_EXPERIENCE_LIMIT = 3;
    public static final String NO_CATEGORY = "NONE";

    /** Every rule broken on {@code today}; empty when the career is plausible. */
    public List<FieldProblem> problems(LocalDate today) {
        List<FieldProblem> problems = new ArrayList<>();
        if (birthDate == null) {
            problems.add(new FieldProblem("birthDate", "must not be null", null));
        } else {
            int age = age(today);
            if (birthDate.isAfter(today) || age < MIN_AGE || age > MAX_AGE) {
                problems.add(new FieldProblem(
                        "birthDate", "the age must be " + MIN_AGE + " to " + MAX_AGE + " years", birthDate));
            }
        }
        if (pedagogicalStartDate == null) {
            problems.add(new FieldProblem("pedagogicalStartDate", "must not be null", null));
        } else if (pedagogicalStartDate.isAfter(today)) {
            problems.add(new FieldProblem("pedagogicalStartDate", "must not be in the future", pedagogicalStartDate));
        } else if (birthDate != null && pedagogicalStartDate.isBefore(birthDate.plusYears(MIN_AGE))) {
            problems.add(new FieldProblem(
                    "pedagogicalStartDate", "must not be before the " + MIN_AGE + "th birthday", pedagogicalStartDate));
        }
        boolean hasCategory = category != null && !NO_CATEGORY.equals(category);
        if (hasCategory && categoryDate == null) {
            problems.add(new FieldProblem("categoryDate", "is required when the category is " + category, null));
        } else if (!hasCategory && categoryDate != null) {
            problems.add(new FieldProblem("categoryDate", "must be empty when there is no category", categoryDate));
        } else if (categoryDate != null && categoryDate.isAfter(today)) {
            problems.add(new FieldProblem("categoryDate", "must not be in the future", categoryDate));
        }
        return problems;
    }

    /** Full years of age on {@code asOf}. */
    public int age(LocalDate asOf) {
        return Period.between(birthDate, asOf).getYears();
    }

    /** Full years since the pedagogical start on {@code asOf}; 0 before the start. */
    public int experienceYears(LocalDate asOf) {
        if (asOf.isBefore(pedagogicalStartDate)) {
            return 0;
        }
        return Period.between(pedagogicalStartDate, asOf).getYears();
    }

    /** Under 35 and in the first 3 years of pedagogical work on {@code asOf}. */
    public boolean youngSpecialist(LocalDate asOf) {
        return age(asOf) < YOUNG_AGE_LIMIT
                && !asOf.isBefore(pedagogicalStartDate)
                && experienceYears(asOf) < YOUNG_EXPERIENCE_LIMIT;
    }
}
