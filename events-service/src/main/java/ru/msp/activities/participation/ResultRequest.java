package ru.msp.activities.participation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/** A competition result: PARTICIPANT, LAUREATE or WINNER at one of the competition's stage levels. */
public record ResultRequest(
        @NotBlank String teacherId,

        @NotBlank @Pattern(regexp = "PARTICIPANT|LAUREATE|WINNER")
        String outcome,

        @NotBlank @Pattern(regexp = "SCHOOL|MUNICIPAL|REGIONAL|FEDERAL")
        String stageLevel) {}
