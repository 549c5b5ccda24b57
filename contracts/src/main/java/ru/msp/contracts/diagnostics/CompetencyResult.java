package ru.msp.contracts.diagnostics;

import java.math.BigDecimal;
import ru.msp.contracts.CompetencyLevel;

/** One competency measured in one diagnosis: raw score against the instrument's maximum, and the level. */
public record CompetencyResult(String competencyCode, BigDecimal score, BigDecimal maxScore, CompetencyLevel level) {}
