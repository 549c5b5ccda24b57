package ru.msp.teacher.community;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code POST /api/communities}: {@code organizationId} for a SCHOOL community, {@code municipalityId} for
 * a MUNICIPAL one, {@code regionId} for a REGIONAL one, {@code municipalityId} or {@code regionId} for a NETWORK one.
 */
public record CommunityRegistration(
        @NotNull @Pattern(regexp = LEVELS, message = "must be one of " + LEVELS)
        String level,

        @Pattern(regexp = KINDS, message = "must be one of " + KINDS)
        String kind,

        @NotBlank @Size(max = 300) String name,
        @Size(max = 100) String subject,
        @Size(max = 100) String regionId,
        @Size(max = 100) String municipalityId,
        @Size(max = 100) String organizationId,
        @Size(max = 100) String leaderTeacherId) {

    static final String LEVELS = "SCHOOL|MUNICIPAL|REGIONAL|NETWORK";
    static final String KINDS = "METHODICAL_ASSOCIATION|PROFESSIONAL_COMMUNITY|PROBLEM_GROUP";
}
