package ru.msp.diagnostics.scoring;

import java.math.BigDecimal;

/** One competency's score as a result reports it, on the instrument's scale (raw points, or 0-100). */
public record RawScore(String competencyCode, BigDecimal score) {}
