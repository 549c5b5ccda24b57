package ru.msp.diagnostics.framework;

import ru.msp.contracts.CompetencyLevel;

/** The names of a competency level as reports show them (высокий, повышенный, базовый, ниже базового). */
public record LevelLabel(CompetencyLevel code, String nameRu, String nameEn) {}
