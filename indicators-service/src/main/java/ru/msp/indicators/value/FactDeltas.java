package ru.msp.indicators.value;

import java.util.List;

/** The counter deltas one version of a fact causes (distinct counters), as applied by {@link CounterStore}. */
public record FactDeltas(String factKey, long version, List<CounterDelta> deltas) {

    public FactDeltas {
        deltas = List.copyOf(deltas);
    }
}
