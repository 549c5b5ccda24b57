package ru.msp.gateway.routing;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * What the gateway routes and how it protects the services: {@code msp.gateway.*} (defaults in
 * {@code application.yml}, overridable by the environment, e.g. {@code MSP_GATEWAY_SERVICES_TEACHER_URL}).
 *
 * @param services each backend by short name ({@code teacher}, {@code diagnostics}, …)
 * @param maxRequestSize the largest request body accepted on an ordinary API path
 * @param imports the paths that take bulk files ({@code /api/**}{@code /import})
 * @param retry how idempotent reads are retried
 * @param rateLimit the per-client request budget
 * @param cors the browser origins allowed to call the API
 */
@ConfigurationProperties("msp.gateway")
public record GatewayProperties(
        Map<String, Service> services,
        @DefaultValue("1MB") DataSize maxRequestSize,
        @DefaultValue Imports imports,
        @DefaultValue Retry retry,
        @DefaultValue RateLimit rateLimit,
        @DefaultValue Cors cors) {

    public GatewayProperties {
        services = services == null ? Map.of() : new LinkedHashMap<>(services);
    }

    /**
     * One backend service.
     *
     * @param url where it answers
     * @param paths the API areas it owns ({@code /api/regions/**}, …)
     * @param responseTimeout how long the gateway waits for its answer
     */
    public record Service(
            URI url,
            List<String> paths,
            @DefaultValue("30s") Duration responseTimeout) {

        public Service {
            paths = paths == null ? List.of() : List.copyOf(paths);
        }
    }

    /**
     * Bulk imports: larger bodies and more time than ordinary calls.
     *
     * @param paths path patterns of import endpoints, matched within each service's areas
     * @param maxRequestSize the largest import body accepted
     * @param responseTimeout how long an import may take
     */
    public record Imports(
            @DefaultValue({"/api/*/import", "/api/*/*/import"})
            List<String> paths,

            @DefaultValue("10MB") DataSize maxRequestSize,
            @DefaultValue("120s") Duration responseTimeout) {}

    /**
     * Retries of GET requests (never of writes).
     *
     * @param retries attempts after the first
     * @param firstBackoff the wait before the first retry, doubled for each further one
     * @param maxBackoff the longest wait between two attempts
     */
    public record Retry(
            @DefaultValue("2") int retries,
            @DefaultValue("50ms") Duration firstBackoff,
            @DefaultValue("500ms") Duration maxBackoff) {}

    /**
     * Token bucket per client (the token's subject; the client address when anonymous).
     *
     * @param requestsPerSecond the sustained rate a client may use
     * @param burst how many requests a client may send at once after being idle
     * @param maxClients the most buckets kept; beyond it new clients pass unlimited until idle buckets expire
     * @param sweepInterval how often buckets of idle clients are dropped
     */
    public record RateLimit(
            @DefaultValue("200") double requestsPerSecond,
            @DefaultValue("400") long burst,
            @DefaultValue("100000") int maxClients,
            @DefaultValue("30s") Duration sweepInterval) {}

    /**
     * Cross-origin access for the dashboard when it is served from another origin than the gateway.
     *
     * @param allowedOrigins exact origins ({@code https://host:port}); patterns are not accepted
     */
    public record Cors(
            @DefaultValue("http://localhost:8080") List<String> allowedOrigins) {}
}
