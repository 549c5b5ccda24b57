package ru.msp.gateway.problem;

import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Errors raised inside the gateway (no route, a failed or timed-out proxy call outside a circuit breaker, a bug) as
 * problem+json instead of Boot's plain JSON error page. Runs before Boot's handler (order -1).
 */
public class GatewayErrorHandler implements ErrorWebExceptionHandler, Ordered {

    private static final Logger log = LoggerFactory.getLogger(GatewayErrorHandler.class);

    private final GatewayProblems problems;

    public GatewayErrorHandler(GatewayProblems problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(error);
        }
        HttpStatusCode status;
        String detail;
        if (error instanceof ResponseStatusException e) {
            status = e.getStatusCode();
            detail = detail(status, e.getReason());
            exchange.getResponse().getHeaders().addAll(e.getHeaders());
        } else if (error instanceof IOException) {
            status = HttpStatus.BAD_GATEWAY;
            detail = "The service behind this path could not be reached.";
        } else {
            status = HttpStatus.INTERNAL_SERVER_ERROR;
            detail = "The gateway failed to handle the request.";
        }
        if (status.is5xxServerError()) {
            HttpStatusCode answered = status;
            GatewayProblems.withCorrelationId(exchange, () -> {
                if (answered.value() == 500) {
                    log.error(
                            "{} {} failed",
                            exchange.getRequest().getMethod(),
                            GatewayProblems.instance(exchange),
                            error);
                } else {
                    log.warn(
                            "{} {} answered {}: {}",
                            exchange.getRequest().getMethod(),
                            GatewayProblems.instance(exchange),
                            answered.value(),
                            error.toString());
                }
            });
        }
        return problems.write(exchange, status, detail);
    }

    private static String detail(HttpStatusCode status, String reason) {
        return switch (status.value()) {
            case 404 -> "Nothing is served at this path.";
            case 504 -> "The service did not answer in time.";
            default -> reason != null ? reason : "The request could not be handled.";
        };
    }

    @Override
    public int getOrder() {
        return -2;
    }
}
