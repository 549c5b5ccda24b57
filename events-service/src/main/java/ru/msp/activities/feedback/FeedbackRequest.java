package ru.msp.activities.feedback;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A questionnaire: each score from 1 (not at all) to 5 (fully). */
public record FeedbackRequest(
        @NotBlank String teacherId,
        @NotNull @Min(1) @Max(5) Integer usefulness,
        @NotNull @Min(1) @Max(5) Integer relevance,
        @NotNull @Min(1) @Max(5) Integer satisfaction,
        @Size(max = 2000) String comment) {}
