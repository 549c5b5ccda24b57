package ru.msp.support.idempotency;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the {@code Idempotency-Key} handling ({@link IdempotencyWebFilter}).
 *
 * @param enabled whether the filter is installed at all (default true)
 * @param ttl how long a key and its stored response are remembered, counted from the response (default 24 h)
 * @param inProgressTimeout after this long an unfinished request (its service died mid-request) no longer blocks its
 *     key: the next request with the key runs (default 5 min)
 * @param maxStoredBody the largest response body that is stored for replay; a larger response is answered normally
 *     but not remembered, so a retry runs again (default 1 MiB)
 * @param maxRequestBody the largest request body accepted with an {@code Idempotency-Key}: the body is read into
 *     memory to fingerprint it before the handler runs (default 16 MiB, as {@code spring.codec.max-in-memory-size})
 */
@ConfigurationProperties("msp.idempotency")
public record IdempotencyProperties(
        Boolean enabled, Duration ttl, Duration inProgressTimeout, DataSize maxStoredBody, DataSize maxRequestBody) {

    public IdempotencyProperties {
        enabled = enabled == null || enabled;
        ttl = ttl == null ? Duration.ofHours(24) : ttl;
        inProgressTimeout = inProgressTimeout == null ? Duration.ofMinutes(5) : inProgressTimeout;
        maxStoredBody = maxStoredBody == null ? DataSize.ofMegabytes(1) : maxStoredBody;
        maxRequestBody = maxRequestBody == null ? DataSize.ofMegabytes(16) : maxRequestBody;
    }
}
