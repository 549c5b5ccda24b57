package ru.msp.activities.participation;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A course certificate.
 *
 * @param hours the hours certified; the course's hours when left out
 * @param remote taken remotely; from the course's format when left out
 */
public record CompletionRequest(
        @NotBlank String teacherId,
        @DecimalMin("1") BigDecimal hours,
        Boolean remote,
        @NotNull LocalDate completedOn) {}
