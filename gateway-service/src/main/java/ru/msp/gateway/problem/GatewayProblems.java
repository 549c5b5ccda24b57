package ru.msp.gateway.problem;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import org.slf4j.MDC;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import ru.msp.support.observability.CorrelationId;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the gateway's own answers (refusals, unavailable services, timeouts) as RFC 9457
 * {@code application/problem+json}, like every service does.
 */
public class GatewayProblems {

    /** Exchange attribute with the path the client asked for, kept before any rewrite or forward. */
    public static final String REQUESTED_PATH_ATTR = GatewayProblems.class.getName() + ".requestedPath";

    /** Exchange attribute with the route's request size limit ({@code DataSize}), for the 413 problem's detail. */
    public static final String MAX_REQUEST_SIZE_ATTR = GatewayProblems.class.getName() + ".maxRequestSize";

    private final JsonMapper json;

    public GatewayProblems(JsonMapper json) {
        this.json = json;
    }

    /** Writes the problem unless a response has already started. */
    public Mono<Void> write(ServerWebExchange exchange, HttpStatusCode status, String detail) {
        return write(exchange.getResponse(), instance(exchange), status, detail, Map.of());
    }

    Mono<Void> write(
            ServerHttpResponse response,
            String instance,
            HttpStatusCode status,
            String detail,
            Map<String, Object> extensions) {
        if (response.isCommitted()) {
            return Mono.empty();
        }
        byte[] body = json.writeValueAsBytes(body(status, detail, instance, extensions));
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        response.getHeaders().setContentLength(body.length);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
    }

    /** The problem document: {@code type}, {@code title}, {@code status}, {@code detail}, {@code instance}, extensions. */
    public static Map<String, Object> body(
            HttpStatusCode status, String detail, String instance, Map<String, Object> extensions) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        HttpStatus known = HttpStatus.resolve(status.value());
        problem.put("title", known != null ? known.getReasonPhrase() : "HTTP " + status.value());
        problem.put("status", status.value());
        problem.put("detail", detail);
        problem.put("instance", instance);
        problem.putAll(extensions);
        return problem;
    }

    /**
     * Runs a log statement with the request's correlation id in the MDC. The gateway does not propagate thread
     * locals through every reactive operator ({@code spring.reactor.context-propagation=limited}, for throughput), so
     * its few log lines put the id there themselves.
     */
    public static void withCorrelationId(ServerWebExchange exchange, Runnable log) {
        String id = exchange.getRequest().getHeaders().getFirst(CorrelationId.HEADER);
        if (id == null) {
            log.run();
            return;
        }
        try (MDC.MDCCloseable ignored = MDC.putCloseable(CorrelationId.MDC_KEY, id)) {
            log.run();
        }
    }

    /** The path the client asked for, also after the gateway rewrote or forwarded the request. */
    public static String instance(ServerWebExchange exchange) {
        String requested = exchange.getAttribute(REQUESTED_PATH_ATTR);
        if (requested != null) {
            return requested;
        }
        LinkedHashSet<URI> original = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ORIGINAL_REQUEST_URL_ATTR);
        if (original != null && !original.isEmpty()) {
            return original.iterator().next().getRawPath();
        }
        return exchange.getRequest().getPath().value();
    }
}
