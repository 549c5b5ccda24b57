package ru.msp.contracts.teacher;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import ru.msp.contracts.TargetGroup;

/**
 * What consumers need to know of a teacher or manager. No name, no contacts: those stay in teacher-service.
 *
 * @param position e.g. TEACHER, DIRECTOR, DEPUTY_DIRECTOR, METHODIST, TUTOR, EDUCATOR
 * @param category NONE, FIRST or HIGHEST qualification category
 * @param expertKinds STATE_EXAMS, ATTESTATION, COMPETITIONS
 */
public record TeacherFacts(
        String organizationId,
        String position,
        List<String> subjects,
        LocalDate birthDate,
        LocalDate pedagogicalStartDate,
        String category,
        LocalDate categoryDate,
        Set<TargetGroup> targetGroups,
        boolean methodicalAsset,
        Set<String> expertKinds,
        boolean registryExpert) {}
