package ru.msp.teacher.community;

import jakarta.validation.constraints.NotBlank;
import java.time.LocalDate;

/** The body of joining ({@code teacherId}, {@code date} = joined on) or leaving ({@code date} = left on). */
public record MembershipChange(@NotBlank String teacherId, LocalDate date) {}
