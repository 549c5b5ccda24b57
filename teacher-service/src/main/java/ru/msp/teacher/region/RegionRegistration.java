package ru.msp.teacher.region;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /api/regions}. */
public record RegionRegistration(
        @NotBlank @Pattern(regexp = "\\d{2,3}", message = "must be the region's 2-3 digit subject code")
        String code,

        @NotBlank @Size(max = 200) String name) {}
