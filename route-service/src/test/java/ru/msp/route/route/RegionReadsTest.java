package ru.msp.route.route;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

class RegionReadsTest {

    final AtomicInteger reads = new AtomicInteger();

    @Test
    void aPollReadsEachListOfARegionOnce() {
        RegionReads poll = new RegionReads();
        Context context = poll.into(Context.empty());

        assertThat(offers(context, "reg-1")).containsExactly("reg-1#1");
        assertThat(offers(context, "reg-1")).as("the same poll: not read again").containsExactly("reg-1#1");
        assertThat(offers(context, "reg-2")).as("another region").containsExactly("reg-2#2");
        assertThat(RegionReads.of(context, "practices", "reg-1", read("reg-1")).block())
                .as("another list of the region")
                .containsExactly("reg-1#3");
        assertThat(reads).hasValue(3);

        Context next = new RegionReads().into(Context.empty());
        assertThat(offers(next, "reg-1")).as("the next poll reads afresh").containsExactly("reg-1#4");
    }

    @Test
    void withoutAPollEveryCallReads() {
        assertThat(offers(Context.empty(), "reg-1")).containsExactly("reg-1#1");
        assertThat(offers(Context.empty(), "reg-1")).containsExactly("reg-1#2");
    }

    @Test
    void aFailedReadIsNotKeptBeyondItsPoll() {
        Context failing = new RegionReads().into(Context.empty());
        Mono<List<String>> broken =
                RegionReads.of(failing, "offers", "reg-1", () -> Flux.error(new IllegalStateException("store down")));
        assertThat(broken.onErrorReturn(List.of("failed")).block()).containsExactly("failed");
        assertThat(offers(new RegionReads().into(Context.empty()), "reg-1")).containsExactly("reg-1#1");
    }

    private List<String> offers(Context context, String region) {
        return RegionReads.of(context, "offers", region, read(region)).block();
    }

    private Supplier<Flux<String>> read(String region) {
        return () -> Flux.defer(() -> Flux.just(region + "#" + reads.incrementAndGet()));
    }
}
