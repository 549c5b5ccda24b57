package ru.msp.indicators.value;

import java.util.List;

/** Every indicator of one scope in one school year. */
public record ScopeValues(
        String scope,
        String period,
        String regionId,
        String municipalityId,
        String presetId,
        List<IndicatorValue> values) {}
