package ru.msp.gateway.problem;

import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Gives a problem+json body to error statuses that gateway filters end with no body: {@code RequestSize} (413; its
 * non-standard {@code errorMessage} header is dropped, the limit comes from {@link
 * GatewayProblems#MAX_REQUEST_SIZE_ATTR}) and {@code RequestRateLimiter} (429, with
 * the {@code Retry-After} header our limiter adds). Responses with a body, e.g. any answer of a service, pass
 * untouched. Also remembers the requested path for {@code instance} before routes rewrite it.
 */
public class BareStatusProblemWebFilter implements WebFilter, Ordered {

    /** Where Spring Cloud Gateway's RequestSize filter puts its reason. */
    static final String REQUEST_SIZE_REASON_HEADER = "errorMessage";

    private final GatewayProblems problems;

    public BareStatusProblemWebFilter(GatewayProblems problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String requested = exchange.getRequest().getPath().value();
        exchange.getAttributes().put(GatewayProblems.REQUESTED_PATH_ATTR, requested);
        ServerHttpResponse original = exchange.getResponse();
        ServerHttpResponseDecorator response = new ServerHttpResponseDecorator(original) {
            @Override
            public Mono<Void> setComplete() {
                HttpStatusCode status = getStatusCode();
                if (status == null
                        || !status.isError()
                        || isCommitted()
                        || getHeaders().getContentType() != null) {
                    return super.setComplete();
                }
                getHeaders().remove(REQUEST_SIZE_REASON_HEADER);
                return problems.write(original, requested, status, detail(exchange, status, getHeaders()), Map.of());
            }
        };
        return chain.filter(exchange.mutate().response(response).build());
    }

    static String detail(ServerWebExchange exchange, HttpStatusCode status, HttpHeaders responseHeaders) {
        if (status.value() == HttpStatus.CONTENT_TOO_LARGE.value()) {
            DataSize limit = exchange.getAttribute(GatewayProblems.MAX_REQUEST_SIZE_ATTR);
            long length = exchange.getRequest().getHeaders().getContentLength();
            return "The request body" + (length >= 0 ? " (" + length + " bytes)" : "") + " is larger than the "
                    + (limit != null ? readable(limit) + " " : "") + "accepted on this path.";
        }
        if (status.value() == HttpStatus.TOO_MANY_REQUESTS.value()) {
            String retryAfter = responseHeaders.getFirst(HttpHeaders.RETRY_AFTER);
            return retryAfter != null
                    ? "Too many requests from this client; retry in " + retryAfter + " s."
                    : "Too many requests from this client; retry later.";
        }
        return "The gateway refused the request.";
    }

    /** {@code 10 MB (10485760 bytes)}; MB as Spring's DataSize counts them (1024 × 1024 bytes). */
    static String readable(DataSize size) {
        long bytes = size.toBytes();
        if (bytes % DataSize.ofMegabytes(1).toBytes() == 0) {
            return size.toMegabytes() + " MB (" + bytes + " bytes)";
        }
        if (bytes % DataSize.ofKilobytes(1).toBytes() == 0) {
            return size.toKilobytes() + " KB (" + bytes + " bytes)";
        }
        return bytes + " bytes";
    }

    @Override
    public int getOrder() {
        // Right after the correlation id filter (HIGHEST_PRECEDENCE), before security (-100).
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }
}
