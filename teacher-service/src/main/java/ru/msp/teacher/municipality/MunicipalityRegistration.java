package ru.msp.teacher.municipality;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /api/municipalities}. */
public record MunicipalityRegistration(
        @NotBlank @Size(max = 100) String regionId,
        @NotBlank @Size(max = 200) String name,

        @Pattern(
                regexp = "NIZHNY_TAGIL_2024_2027|BEREZNIKI_2021_2024|OKTYABRSKY_2021_2024|KOROLEV",
                message = "must be one of NIZHNY_TAGIL_2024_2027, BEREZNIKI_2021_2024, OKTYABRSKY_2021_2024, KOROLEV")
        String programPreset) {}
