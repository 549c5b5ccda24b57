package ru.msp.contracts.diagnostics;

import ru.msp.contracts.DeficitSeverity;

/** A professional deficit detected on one competency. */
public record Deficit(String competencyCode, DeficitSeverity severity) {}
