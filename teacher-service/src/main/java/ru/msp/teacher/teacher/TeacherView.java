package ru.msp.teacher.teacher;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import ru.msp.contracts.TargetGroup;

/** A teacher as the API shows it, with age, experience and the young-specialist flag derived as of {@code asOf}. */
public record TeacherView(
        String id,
        String regionId,
        String municipalityId,
        String organizationId,
        String externalId,
        String lastName,
        String firstName,
        String middleName,
        String position,
        List<String> subjects,
        LocalDate birthDate,
        LocalDate pedagogicalStartDate,
        String category,
        LocalDate categoryDate,
        Set<TargetGroup> targetGroups,
        boolean methodicalAsset,
        Set<String> expertKinds,
        boolean registryExpert,
        String status,
        LocalDate departedOn,
        Instant registeredAt,
        List<Placement> placements,
        LocalDate asOf,
        int age,
        int experienceYears,
        boolean youngSpecialist) {

    static TeacherView of(Teacher t, LocalDate asOf) {
        TeacherCareer career = t.career();
        return new TeacherView(
                t.id(),
                t.regionId(),
                t.municipalityId(),
                t.organizationId(),
                t.externalId(),
                t.lastName(),
                t.firstName(),
                t.middleName(),
                t.position(),
                t.subjects(),
                t.birthDate(),
                t.pedagogicalStartDate(),
                t.category(),
                t.categoryDate(),
                t.targetGroups(),
                t.methodicalAsset(),
                t.expertKinds(),
                t.registryExpert(),
                t.status(),
                t.departedOn(),
                t.registeredAt(),
                TeacherRegistry.placements(t),
                asOf,
                career.age(asOf),
                career.experienceYears(asOf),
                career.youngSpecialist(asOf));
    }
}
