package ru.msp.gateway.ratelimit;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;
import org.springframework.http.HttpHeaders;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import ru.msp.gateway.routing.GatewayProperties;

/**
 * In-memory token buckets (Bucket4j), one per client key, for Spring Cloud Gateway's {@code RequestRateLimiter}. Each
 * client may send {@code burst} requests at once and {@code requestsPerSecond} sustained; one budget per client
 * across all routes. A refused request gets {@code Retry-After} (whole seconds until a token is back); every answer
 * carries {@code X-RateLimit-Remaining}.
 *
 * <p>Memory: a bucket that has refilled completely is indistinguishable from a new one, so {@link #sweep()} (every
 * {@code sweepInterval}) drops those; what stays is one bucket (a few hundred bytes) per client active within the last
 * {@code burst / requestsPerSecond} seconds plus one sweep interval, and never more than {@code maxClients}: at the cap
 * a new client passes unlimited (and is counted in {@link #untracked()}) until a sweep frees room, so a flood of new
 * keys can neither exhaust memory nor lock out real users. Buckets live in this JVM: with several gateway instances
 * each enforces its own budget.
 */
public class ClientRateLimiter implements RateLimiter<GatewayProperties.RateLimit>, DisposableBean {

    /** Remaining tokens of this client, on every answer. */
    public static final String REMAINING_HEADER = "X-RateLimit-Remaining";

    private static final Logger log = LoggerFactory.getLogger(ClientRateLimiter.class);

    private final GatewayProperties.RateLimit policy;
    private final TimeMeter clock;
    private final Bandwidth bandwidth;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final AtomicLong untracked = new AtomicLong();
    private volatile Disposable sweeper = Disposables.disposed();

    public ClientRateLimiter(GatewayProperties.RateLimit policy) {
        this(policy, TimeMeter.SYSTEM_NANOTIME);
    }

    ClientRateLimiter(GatewayProperties.RateLimit policy, TimeMeter clock) {
        if (!(policy.requestsPerSecond() > 0) || policy.burst() < 1 || policy.maxClients() < 1) {
            throw new IllegalArgumentException(
                    "msp.gateway.rate-limit needs requests-per-second > 0, burst >= 1 and max-clients >= 1: " + policy);
        }
        this.policy = policy;
        this.clock = clock;
        // Whole tokens per period: 200/s -> 200 per 1 s; 0.5/s -> 1 per 2 s.
        long tokens = Math.max(1, Math.round(policy.requestsPerSecond()));
        Duration period = Duration.ofNanos(Math.round(tokens * 1_000_000_000d / policy.requestsPerSecond()));
        this.bandwidth = Bandwidth.builder()
                .capacity(policy.burst())
                .refillGreedy(tokens, period)
                .build();
    }

    @Override
    public Mono<Response> isAllowed(String routeId, String clientKey) {
        Bucket bucket = bucketOf(clientKey);
        if (bucket == null) {
            return Mono.just(new Response(true, Map.of()));
        }
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return Mono.just(new Response(true, Map.of(REMAINING_HEADER, Long.toString(probe.getRemainingTokens()))));
        }
        long retryAfterSeconds = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
        return Mono.just(new Response(
                false, Map.of(REMAINING_HEADER, "0", HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds))));
    }

    private Bucket bucketOf(String clientKey) {
        Bucket bucket = buckets.get(clientKey);
        if (bucket != null) {
            return bucket;
        }
        if (buckets.size() >= policy.maxClients()) {
            sweep();
            if (buckets.size() >= policy.maxClients()) {
                if (untracked.getAndIncrement() % 10_000 == 0) {
                    log.warn(
                            "Rate limiter holds {} clients (msp.gateway.rate-limit.max-clients); new clients pass"
                                    + " unlimited until idle ones expire",
                            buckets.size());
                }
                return null;
            }
        }
        return buckets.computeIfAbsent(
                clientKey,
                key -> Bucket.builder()
                        .addLimit(bandwidth)
                        .withCustomTimePrecision(clock)
                        .build());
    }

    /** Sweeps every {@code sweepInterval} until the application stops. */
    public ClientRateLimiter startSweeping() {
        sweeper = Flux.interval(policy.sweepInterval())
                .onBackpressureDrop()
                .subscribe(tick -> sweep(), error -> log.error("Rate limiter sweeps stopped", error));
        return this;
    }

    @Override
    public void destroy() {
        sweeper.dispose();
    }

    /** Drops the buckets that have refilled completely: for their client nothing is lost. */
    public void sweep() {
        buckets.values().removeIf(bucket -> bucket.getAvailableTokens() >= policy.burst());
    }

    /** How many clients have a bucket now. */
    public int trackedClients() {
        return buckets.size();
    }

    /** Requests let through without a bucket because {@code maxClients} was reached. */
    public long untracked() {
        return untracked.get();
    }

    @Override
    public Map<String, GatewayProperties.RateLimit> getConfig() {
        // One policy for every route; nothing is configured per route.
        return Map.of();
    }

    @Override
    public Class<GatewayProperties.RateLimit> getConfigClass() {
        return GatewayProperties.RateLimit.class;
    }

    @Override
    public GatewayProperties.RateLimit newConfig() {
        return policy;
    }
}
