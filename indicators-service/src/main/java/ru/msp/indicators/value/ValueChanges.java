package ru.msp.indicators.value;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Notes the counters an event changed for the next coalesced pass of {@link ValuePublisher} (publication, alerts,
 * gauges, the day's point of the time series), so the event's own path writes only facts and counters.
 */
@Service
public class ValueChanges {

    private final Set<String> dirty = ConcurrentHashMap.newKeySet();

    public Mono<Void> changed(CounterKey counter) {
        boolean watched = switch (counter.scopeKind()) {
            case MUNICIPALITY -> true;
            case MUNICIPALITY_TARGET_GROUP -> "DIAGNOSED_SHARE".equals(counter.indicatorCode());
            case ORGANIZATION -> IndicatorRules.MENTORING_PAIRS_HELPER.equals(counter.indicatorCode());
            case REGION -> true; // for its time series
        };
        if (watched) {
            dirty.add(counter.id());
        }
        return Mono.empty();
    }

    /** The counters changed since the last call. */
    List<String> drain() {
        List<String> ids = new ArrayList<>(dirty);
        ids.forEach(dirty::remove);
        return ids;
    }
}
