package ru.msp.teacher.organization;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Set;

/** The body of {@code PUT /api/organizations/{id}}: everything but the municipality, which never changes. */
public record OrganizationUpdate(
        @NotBlank @Size(max = 300) String name,
        @Size(max = 100) String shortName,

        @NotNull
        @Pattern(regexp = OrganizationRegistration.TYPES, message = "must be one of " + OrganizationRegistration.TYPES)
        String type,

        Set<
                        @NotNull
                        @Pattern(
                                regexp = OrganizationRegistration.FLAGS,
                                message = "must be one of " + OrganizationRegistration.FLAGS)
                        String>
                flags,
        @Size(max = 100) String externalId) {}
