package ru.msp.activities.activity;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.time.LocalDate;

/**
 * One stage of a competition (e.g. the municipal stage of «Педагогический дебют»), at which results are recorded.
 *
 * @param level SCHOOL, MUNICIPAL, REGIONAL or FEDERAL
 */
public record CompetitionStage(
        @NotBlank String name,

        @NotBlank @Pattern(regexp = "SCHOOL|MUNICIPAL|REGIONAL|FEDERAL")
        String level,

        LocalDate startsOn,
        LocalDate endsOn) {}
