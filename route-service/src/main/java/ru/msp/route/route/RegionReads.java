package ru.msp.route.route;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;
import reactor.util.context.ContextView;

/**
 * What one poll of diagnoses has read of each region: its offers, practices and mentors. Every diagnosis of a region
 * in the poll plans against the same lists, read once instead of once per diagnosis. They change only with
 * activities and mentorships, which other listeners consume in their own time, so lists read at the start of the
 * poll are as current as lists read a moment later. Put into the Reactor context of a suggestion ({@link #into});
 * without it every read goes to the store.
 */
public final class RegionReads {

    private static final Object KEY = RegionReads.class;

    private final Map<String, Mono<? extends List<?>>> lists = new ConcurrentHashMap<>();

    public Context into(Context context) {
        return context.put(KEY, this);
    }

    /**
     * The list {@code what} of {@code regionId}: read by {@code read} once per poll in the context (a failed read
     * fails the poll, which is redelivered with a new one), or at every call without one.
     */
    @SuppressWarnings("unchecked")
    static <T> Mono<List<T>> of(ContextView context, String what, String regionId, Supplier<Flux<T>> read) {
        RegionReads poll = context.getOrDefault(KEY, null);
        if (poll == null) {
            return read.get().collectList();
        }
        return (Mono<List<T>>) poll.lists.computeIfAbsent(
                what + "/" + regionId, key -> read.get().collectList().cache());
    }
}
