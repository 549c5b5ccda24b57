package ru.msp.indicators.fact;

import java.util.List;
import ru.msp.indicators.value.CounterDelta;

/** The counter changes one version of a fact document causes; applied once per counter, by version. */
public record DeltaBatch(long version, List<CounterDelta> deltas) {

    public DeltaBatch {
        deltas = deltas == null ? List.of() : List.copyOf(deltas);
    }
}
