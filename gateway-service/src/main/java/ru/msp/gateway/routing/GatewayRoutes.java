package ru.msp.gateway.routing;

import static org.springframework.cloud.gateway.support.RouteMetadataUtils.RESPONSE_TIMEOUT_ATTR;

import java.io.IOException;
import java.time.Duration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.gateway.filter.factory.RetryGatewayFilterFactory;
import org.springframework.cloud.gateway.filter.factory.SpringCloudCircuitBreakerFilterFactory;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.GatewayFilterSpec;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import ru.msp.gateway.problem.GatewayProblems;
import ru.msp.gateway.ratelimit.ClientKeyResolver;
import ru.msp.gateway.ratelimit.ClientRateLimiter;

/**
 * The routes, built from {@code msp.gateway.services}: per service, its API areas, its import paths (larger bodies,
 * more time) and {@code /v3/api-docs/<service>} (rewritten to the service's {@code /v3/api-docs}). Every route, in
 * this order: the per-client rate limit, the request size limit (declared length, then chunked bodies), the service's
 * circuit breaker (failures answered by
 * {@link ServiceFallback}), and retries of GETs; then the route's response timeout applies to each attempt.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GatewayProperties.class)
public class GatewayRoutes {

    static final String API_DOCS = "/v3/api-docs";
    static final String AUDIT = "/api/audit";

    /** The route id, circuit breaker name and the name problems use for a service: {@code teacher-service}. */
    public static String routeId(String service) {
        return service + "-service";
    }

    @Bean
    ClientRateLimiter clientRateLimiter(GatewayProperties properties) {
        return new ClientRateLimiter(properties.rateLimit()).startSweeping();
    }

    @Bean
    ClientKeyResolver clientKeyResolver() {
        return new ClientKeyResolver();
    }

    @Bean
    ServiceFallback serviceFallback(GatewayProperties properties) {
        return new ServiceFallback(properties);
    }

    @Bean
    RouterFunction<ServerResponse> serviceFallbackRoute(ServiceFallback fallback) {
        return RouterFunctions.route(RequestPredicates.path(ServiceFallback.PATH + "{service}"), fallback::handle);
    }

    @Bean
    RouteLocator serviceRoutes(
            RouteLocatorBuilder builder,
            GatewayProperties properties,
            ClientRateLimiter rateLimiter,
            ClientKeyResolver clientKeys,
            SpringCloudCircuitBreakerFilterFactory circuitBreakers,
            RetryGatewayFilterFactory retries) {
        var protection = new Protection(properties, rateLimiter, clientKeys, circuitBreakers, retries);
        RouteLocatorBuilder.Builder routes = builder.routes();
        properties.services().forEach((name, service) -> {
            String id = routeId(name);
            String[] areas = service.paths().toArray(String[]::new);
            String[] imports = properties.imports().paths().toArray(String[]::new);
            routes.route(
                    id + "-import",
                    route -> route.order(-1)
                            .path(areas)
                            .and()
                            .path(imports)
                            .filters(f -> protection.apply(
                                    f, name, properties.imports().maxRequestSize()))
                            .metadata(
                                    RESPONSE_TIMEOUT_ATTR,
                                    millis(properties.imports().responseTimeout()))
                            .uri(service.url()));
            routes.route(
                    id,
                    route -> route.path(areas)
                            .filters(f -> protection.apply(f, name, properties.maxRequestSize()))
                            .metadata(RESPONSE_TIMEOUT_ATTR, millis(service.responseTimeout()))
                            .uri(service.url()));
            routes.route(
                    id + "-api-docs",
                    route -> route.path(API_DOCS + "/" + name)
                            .filters(f -> protection.apply(
                                    f.rewritePath(API_DOCS + "/" + name, API_DOCS), name, properties.maxRequestSize()))
                            .metadata(RESPONSE_TIMEOUT_ATTR, millis(service.responseTimeout()))
                            .uri(service.url()));
            // each service keeps the audit log of its own writes; ADMIN reads it per service
            routes.route(
                    id + "-audit",
                    route -> route.path(AUDIT + "/" + name)
                            .filters(f -> protection.apply(
                                    f.rewritePath(AUDIT + "/" + name, AUDIT), name, properties.maxRequestSize()))
                            .metadata(RESPONSE_TIMEOUT_ATTR, millis(service.responseTimeout()))
                            .uri(service.url()));
        });
        return routes.build();
    }

    private static long millis(Duration duration) {
        return duration.toMillis();
    }

    /** The filters every route gets, in the order they run. */
    private record Protection(
            GatewayProperties properties,
            ClientRateLimiter rateLimiter,
            ClientKeyResolver clientKeys,
            SpringCloudCircuitBreakerFilterFactory circuitBreakers,
            RetryGatewayFilterFactory retries) {

        GatewayFilterSpec apply(GatewayFilterSpec filters, String service, DataSize maxRequestSize) {
            GatewayProperties.Retry retry = properties.retry();
            return filters.requestRateLimiter(limit -> limit.setRateLimiter(rateLimiter)
                            .setKeyResolver(clientKeys)
                            .setDenyEmptyKey(false))
                    .filter((exchange, chain) -> {
                        exchange.getAttributes().put(GatewayProblems.MAX_REQUEST_SIZE_ATTR, maxRequestSize);
                        return chain.filter(exchange);
                    })
                    .setRequestSize(maxRequestSize)
                    .filter(new ChunkedRequestSizeFilter(maxRequestSize))
                    // Built from the factory without a route id on purpose: with one, the breaker (because of its
                    // fallback) and the retry filter make the gateway buffer every request body in memory, imports
                    // included, which neither needs: the fallback ignores the body and only bodiless GETs are retried.
                    .filter(circuitBreakers.apply(new SpringCloudCircuitBreakerFilterFactory.Config()
                            .setName(routeId(service))
                            .setFallbackUri("forward:" + ServiceFallback.PATH + service)))
                    .filter(retries.apply(new RetryGatewayFilterFactory.RetryConfig()
                            .setRetries(retry.retries())
                            .setMethods(HttpMethod.GET)
                            .setSeries()
                            .setStatuses(
                                    HttpStatus.BAD_GATEWAY, HttpStatus.SERVICE_UNAVAILABLE, HttpStatus.GATEWAY_TIMEOUT)
                            // Connection refused or reset; not the gateway's own response timeout: a GET that took
                            // the whole timeout once is not tried again.
                            .setExceptions(IOException.class)
                            .setBackoff(retry.firstBackoff(), retry.maxBackoff(), 2, true)));
        }
    }
}
