package ru.msp.indicators.value;

import java.util.Collection;
import java.util.Set;

/** A fact whose deltas up to {@code upToVersion} are applied and cleared: the counters it touched may forget it. */
public record FactRelease(String factKey, long upToVersion, Collection<CounterKey> counters) {

    public FactRelease {
        counters = Set.copyOf(counters);
    }
}
