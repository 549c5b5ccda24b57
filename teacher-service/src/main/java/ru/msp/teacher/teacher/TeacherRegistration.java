package ru.msp.teacher.teacher;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import ru.msp.contracts.TargetGroup;

/**
 * The body of {@code POST /api/teachers}. The region and municipality are the organisation's, never the body's. The
 * registry checks these constraints together with the date rules of {@link TeacherCareer}, so one problem lists every
 * bad field.
 */
public record TeacherRegistration(
        @NotBlank @Size(max = 100) String organizationId,
        @Size(max = 100) String externalId,
        @NotBlank @Size(max = 100) String lastName,
        @NotBlank @Size(max = 100) String firstName,
        @Size(max = 100) String middleName,

        @NotNull @Pattern(regexp = POSITIONS, message = "must be one of " + POSITIONS)
        String position,

        @Size(max = 30) List<@NotBlank @Size(max = 100) String> subjects,
        @NotNull LocalDate birthDate,
        @NotNull LocalDate pedagogicalStartDate,

        @Pattern(regexp = CATEGORIES, message = "must be one of " + CATEGORIES)
        String category,

        LocalDate categoryDate,
        Set<@NotNull TargetGroup> targetGroups,
        Boolean methodicalAsset,
        Set<@NotNull @Pattern(regexp = EXPERT_KINDS, message = "must be one of " + EXPERT_KINDS) String> expertKinds,
        Boolean registryExpert) {

    /** The same codes as diagnostics-service's framework. */
    static final String POSITIONS = "TEACHER|EDUCATOR|DEPUTY_DIRECTOR|DIRECTOR|METHODIST|TUTOR|PSYCHOLOGIST"
            + "|SPEECH_THERAPIST|DEFECTOLOGIST|ADDITIONAL_EDUCATION_TEACHER|SENIOR_EDUCATOR";

    static final String CATEGORIES = "NONE|FIRST|HIGHEST";
    static final String EXPERT_KINDS = "STATE_EXAMS|ATTESTATION|COMPETITIONS";
}
