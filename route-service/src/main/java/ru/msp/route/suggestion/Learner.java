package ru.msp.route.suggestion;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Set;
import ru.msp.contracts.TargetGroup;

/**
 * The teacher a route is suggested for, as far as route-service knows them: from the registry's facts when they
 * have arrived, else from the diagnosis alone (position and target groups travel with it).
 *
 * @param birthDate null when the registry's facts have not arrived
 * @param hasMentor the teacher is already the mentee of a pair that has not ended
 */
public record Learner(
        String teacherId,
        String regionId,
        String municipalityId,
        String organizationId,
        String position,
        Set<TargetGroup> targetGroups,
        List<String> subjects,
        LocalDate birthDate,
        LocalDate pedagogicalStartDate,
        boolean hasMentor) {

    public Learner {
        targetGroups = targetGroups == null ? Set.of() : Set.copyOf(targetGroups);
        subjects = subjects == null ? List.of() : List.copyOf(subjects);
    }

    /**
     * A young specialist (молодой специалист) as the programmes count them: under 35 and in the first three years of
     * pedagogical work, computed from the facts on {@code today} (the same rule as teacher-service); without facts,
     * the YOUNG_TEACHER target group of the diagnosis.
     */
    public boolean youngSpecialist(LocalDate today) {
        if (birthDate == null || pedagogicalStartDate == null) {
            return targetGroups.contains(TargetGroup.YOUNG_TEACHER);
        }
        return Period.between(birthDate, today).getYears() < 35
                && !today.isBefore(pedagogicalStartDate)
                && Period.between(pedagogicalStartDate, today).getYears() < 3;
    }
}
