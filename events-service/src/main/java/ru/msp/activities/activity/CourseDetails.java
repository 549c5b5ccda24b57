package ru.msp.activities.activity;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;

/**
 * What a course (additional professional programme) adds to an activity.
 *
 * @param federalRegistry the programme is in the federal registry of additional professional programmes (ФР ДПП)
 */
public record CourseDetails(
        @NotNull @DecimalMin(value = "1", message = "a course has at least 1 hour")
        BigDecimal hours,

        @NotBlank String provider,
        boolean federalRegistry) {}
