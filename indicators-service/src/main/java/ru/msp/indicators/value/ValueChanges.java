package ru.msp.indicators.value;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * What happens after a counter changed: the day's point of the time series (municipality and region counters), and
 * the counter is noted for the next coalesced publication and alert check ({@link ValuePublisher}).
 */
@Service
public class ValueChanges {

    private final CounterStore counters;
    private final Set<String> dirty = ConcurrentHashMap.newKeySet();

    ValueChanges(CounterStore counters) {
        this.counters = counters;
    }

    public Mono<Void> changed(IndicatorCounter counter) {
        boolean watched = switch (counter.scopeKind()) {
            case MUNICIPALITY -> true;
            case MUNICIPALITY_TARGET_GROUP -> "DIAGNOSED_SHARE".equals(counter.indicatorCode());
            case ORGANIZATION -> IndicatorRules.MENTORING_PAIRS_HELPER.equals(counter.indicatorCode());
            case REGION -> false;
        };
        if (watched) {
            dirty.add(counter.id());
        }
        boolean series = counter.scopeKind() == ScopeKind.MUNICIPALITY || counter.scopeKind() == ScopeKind.REGION;
        return series ? counters.point(counter) : Mono.empty();
    }

    /** The counters changed since the last call. */
    List<String> drain() {
        List<String> ids = new ArrayList<>(dirty);
        ids.forEach(dirty::remove);
        return ids;
    }
}
