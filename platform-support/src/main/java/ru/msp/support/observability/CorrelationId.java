package ru.msp.support.observability;

import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * The id that ties together everything one request or one event chain caused: HTTP header {@value #HEADER}, the
 * CloudEvents extension {@code correlationid}, the log field {@value #MDC_KEY}.
 */
public final class CorrelationId {

    public static final String HEADER = "X-Correlation-Id";
    /** Key in the Reactor context and in the logging MDC. */
    public static final String MDC_KEY = "correlationId";

    private CorrelationId() {}

    public static String newId() {
        return UUID.randomUUID().toString();
    }

    /** The correlation id of the current request, or a fresh one outside a request. */
    public static Mono<String> current() {
        return Mono.deferContextual(ctx -> Mono.just(ctx.getOrDefault(MDC_KEY, newId())));
    }
}
