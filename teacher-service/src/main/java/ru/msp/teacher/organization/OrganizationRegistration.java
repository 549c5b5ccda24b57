package ru.msp.teacher.organization;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Set;

/** The body of {@code POST /api/organizations}. */
public record OrganizationRegistration(
        @NotBlank @Size(max = 100) String municipalityId,
        @NotBlank @Size(max = 300) String name,
        @Size(max = 100) String shortName,

        @NotNull @Pattern(regexp = TYPES, message = "must be one of " + TYPES)
        String type,

        Set<@NotNull @Pattern(regexp = FLAGS, message = "must be one of " + FLAGS) String> flags,
        @Size(max = 100) String externalId) {

    static final String TYPES = "GENERAL_SCHOOL|KINDERGARTEN|ADDITIONAL_EDUCATION|COLLEGE|METHODICAL_CENTRE";
    static final String FLAGS = "LOW_RESULTS|ADVERSE_CONDITIONS|FLAGSHIP|INNOVATION_SITE|RESOURCE_CENTRE"
            + "|INTERNSHIP_SITE|MENTORING_MODEL|MENTORING_SYSTEM";
}
