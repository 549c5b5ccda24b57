package ru.msp.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter.Response;
import ru.msp.gateway.routing.GatewayProperties;

class ClientRateLimiterTest {

    final AtomicLong nanos = new AtomicLong();
    final TimeMeter clock = new TimeMeter() {
        @Override
        public long currentTimeNanos() {
            return nanos.get();
        }

        @Override
        public boolean isWallClockBased() {
            return false;
        }
    };

    ClientRateLimiter limiter(double perSecond, long burst, int maxClients) {
        return new ClientRateLimiter(
                new GatewayProperties.RateLimit(perSecond, burst, maxClients, Duration.ofSeconds(30)), clock);
    }

    Response ask(ClientRateLimiter limiter, String client) {
        return limiter.isAllowed("any-route", client).block();
    }

    void advance(Duration duration) {
        nanos.addAndGet(duration.toNanos());
    }

    @Test
    void aClientMaySpendItsBurstThenItsRate() {
        ClientRateLimiter limiter = limiter(10, 20, 100);
        for (int i = 0; i < 20; i++) {
            assertThat(ask(limiter, "a").isAllowed()).isTrue();
        }
        Response refused = ask(limiter, "a");
        assertThat(refused.isAllowed()).isFalse();
        assertThat(refused.getHeaders()).containsEntry("Retry-After", "1").containsEntry("X-RateLimit-Remaining", "0");

        advance(Duration.ofMillis(100));
        assertThat(ask(limiter, "a").isAllowed()).isTrue();
        assertThat(ask(limiter, "a").isAllowed()).isFalse();
        assertThat(ask(limiter, "b").isAllowed()).isTrue();
    }

    @Test
    void retryAfterIsTheWholeSecondsUntilATokenIsBack() {
        ClientRateLimiter limiter = limiter(0.1, 1, 100);
        assertThat(ask(limiter, "a").isAllowed()).isTrue();
        assertThat(ask(limiter, "a").getHeaders()).containsEntry("Retry-After", "10");
        advance(Duration.ofMillis(7_500));
        assertThat(ask(limiter, "a").getHeaders()).containsEntry("Retry-After", "3");
    }

    @Test
    void aSweepDropsOnlyTheBucketsOfClientsIdleLongEnoughToBeFull() {
        // 100/s with a burst of 200: an emptied bucket is full again after 2 s
        ClientRateLimiter limiter = limiter(100, 200, 100);
        spend(limiter, "idle", 200);
        advance(Duration.ofSeconds(1));
        spend(limiter, "busy", 200);
        limiter.sweep();
        assertThat(limiter.trackedClients()).isEqualTo(2);

        advance(Duration.ofSeconds(1));
        limiter.sweep();
        assertThat(limiter.trackedClients()).isEqualTo(1);
        // the client whose bucket was dropped starts again with a full one: nothing was lost
        assertThat(spend(limiter, "idle", 201)).isEqualTo(200);

        advance(Duration.ofSeconds(2));
        limiter.sweep();
        assertThat(limiter.trackedClients()).isZero();
    }

    /** Asks {@code times} times; how many were allowed. */
    int spend(ClientRateLimiter limiter, String client, int times) {
        int allowed = 0;
        for (int i = 0; i < times; i++) {
            if (ask(limiter, client).isAllowed()) {
                allowed++;
            }
        }
        return allowed;
    }

    @Test
    void atMostMaxClientsAreTrackedAndTheNextOnesPassUntilRoomIsFreed() {
        ClientRateLimiter limiter = limiter(1, 1, 2);
        ask(limiter, "a");
        ask(limiter, "b");
        assertThat(ask(limiter, "c").isAllowed()).isTrue();
        assertThat(ask(limiter, "c").isAllowed()).isTrue();
        assertThat(limiter.trackedClients()).isEqualTo(2);
        assertThat(limiter.untracked()).isEqualTo(2);
        assertThat(ask(limiter, "a").isAllowed()).isFalse();

        advance(Duration.ofSeconds(1));
        assertThat(ask(limiter, "c").isAllowed()).isTrue();
        assertThat(ask(limiter, "c").isAllowed()).isFalse();
        assertThat(limiter.trackedClients()).isEqualTo(1);
    }
}
