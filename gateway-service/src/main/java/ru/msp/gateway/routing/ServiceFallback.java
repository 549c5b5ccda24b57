package ru.msp.gateway.routing;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;
import ru.msp.gateway.problem.GatewayProblems;

/**
 * Where a route's circuit breaker forwards a failed call ({@code forward:/fallback/<service>}): the client learns
 * which service is unavailable, as problem+json — 503 when the service cannot be reached or its breaker is open, 504
 * when it did not answer within the route's timeout.
 */
public class ServiceFallback {

    /** Path prefix the breakers forward to. */
    public static final String PATH = "/fallback/";

    private static final Logger log = LoggerFactory.getLogger(ServiceFallback.class);

    private final GatewayProperties properties;

    public ServiceFallback(GatewayProperties properties) {
        this.properties = properties;
    }

    public Mono<ServerResponse> handle(ServerRequest request) {
        String name = request.pathVariable("service");
        String service = GatewayRoutes.routeId(name);
        Throwable failure =
                request.exchange().getAttribute(ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
        HttpStatus status;
        String detail;
        if (failure == null) {
            // called directly, not forwarded by a breaker: there is nothing here
            return ServerResponse.status(HttpStatus.NOT_FOUND)
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .bodyValue(GatewayProblems.body(
                            HttpStatus.NOT_FOUND,
                            "Nothing is served at this path.",
                            GatewayProblems.instance(request.exchange()),
                            Map.of()));
        }
        if (timedOut(failure)) {
            Duration timeout = properties.services().containsKey(name)
                    ? properties.services().get(name).responseTimeout()
                    : null;
            status = HttpStatus.GATEWAY_TIMEOUT;
            detail = service + " did not answer in time" + (timeout != null ? " (" + timeout.toSeconds() + " s)" : "")
                    + ".";
        } else if (failure instanceof CallNotPermittedException) {
            status = HttpStatus.SERVICE_UNAVAILABLE;
            detail = service + " is unavailable (its recent calls failed); try again shortly.";
        } else {
            status = HttpStatus.SERVICE_UNAVAILABLE;
            detail = service + " is unavailable; try again shortly.";
        }
        HttpStatus answered = status;
        GatewayProblems.withCorrelationId(
                request.exchange(),
                () -> log.warn(
                        "{} {} answered {} by the {} fallback: {}",
                        request.method(),
                        GatewayProblems.instance(request.exchange()),
                        answered.value(),
                        service,
                        failure.toString()));
        return ServerResponse.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyValue(GatewayProblems.body(
                        status, detail, GatewayProblems.instance(request.exchange()), Map.of("service", service)));
    }

    private static boolean timedOut(Throwable failure) {
        if (failure instanceof TimeoutException) {
            return true;
        }
        return failure instanceof ResponseStatusException e
                && e.getStatusCode().value() == HttpStatus.GATEWAY_TIMEOUT.value();
    }
}
