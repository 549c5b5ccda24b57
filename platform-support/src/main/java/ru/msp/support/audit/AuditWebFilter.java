package ru.msp.support.audit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.ErrorResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;
import ru.msp.support.observability.CorrelationId;

/**
 * Records every write attempt under {@code /api/} (any method but GET, HEAD, OPTIONS) in the service's
 * {@value AuditRecord#COLLECTION}, once the response is done. It runs before Spring Security ({@link #ORDER}), so
 * attempts refused with 401 or 403 by the security chain are recorded too (with no subject: who they were is what a
 * security review looks for, and the token did not say it validly); {@link AuditCallerWebFilter}, behind security,
 * fills in the validated caller of requests that get that far.
 *
 * <p>The record is inserted without delaying the response; a failure to insert is logged and counted
 * ({@code msp.audit.records{outcome=failed}}) and never fails the request.
 */
public class AuditWebFilter implements WebFilter, Ordered {

    /** After the correlation id filter (highest precedence), before Spring Security (-100). */
    public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

    /** Exchange attribute holding the {@link AtomicReference} to the {@link AuditCaller} of an audited request. */
    static final String CALLER = AuditWebFilter.class.getName() + ".caller";

    private static final Logger log = LoggerFactory.getLogger(AuditWebFilter.class);
    private static final Set<HttpMethod> READS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    private final AuditLog auditLog;
    private final String service;
    private final Clock clock;
    private final Counter recorded;
    private final Counter failed;

    public AuditWebFilter(AuditLog auditLog, String service, Clock clock, MeterRegistry meters) {
        this.auditLog = auditLog;
        this.service = service;
        this.clock = clock;
        this.recorded = counter(meters, "recorded");
        this.failed = counter(meters, "failed");
    }

    private static Counter counter(MeterRegistry meters, String outcome) {
        return Counter.builder("msp.audit.records")
                .description("Audit records of write requests; outcome recorded or failed (not stored)")
                .tag("outcome", outcome)
                .register(meters);
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    static boolean audited(ServerHttpRequest request) {
        String path = request.getPath().pathWithinApplication().value();
        return !READS.contains(request.getMethod()) && path.startsWith("/api/");
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!audited(exchange.getRequest())) {
            return chain.filter(exchange);
        }
        Instant arrived = clock.instant();
        AtomicReference<AuditCaller> caller = new AtomicReference<>(AuditCaller.ANONYMOUS);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        exchange.getAttributes().put(CALLER, caller);
        return chain.filter(exchange)
                .doOnError(failure::set)
                .doFinally(signal -> record(exchange, caller.get(), arrived, signal, failure.get()));
    }

    private void record(
            ServerWebExchange exchange, AuditCaller caller, Instant arrived, SignalType signal, Throwable failure) {
        AuditRecord entry;
        try {
            ServerHttpRequest request = exchange.getRequest();
            Instant done = clock.instant();
            entry = new AuditRecord(
                    null,
                    arrived,
                    service,
                    caller.subject(),
                    caller.roles(),
                    caller.clientId(),
                    request.getMethod().name(),
                    request.getPath().pathWithinApplication().value(),
                    status(exchange, signal, failure),
                    request.getHeaders().getFirst(CorrelationId.HEADER),
                    caller.regionId(),
                    caller.municipalityId(),
                    caller.organizationId(),
                    Duration.between(arrived, done).toMillis());
        } catch (RuntimeException e) {
            failed.increment();
            log.error("cannot build the audit record of a request", e);
            return;
        }
        auditLog.append(entry).subscribe(stored -> recorded.increment(), e -> {
            failed.increment();
            log.error(
                    "audit record not stored: {} {} {} by {} (correlation id {})",
                    entry.method(),
                    entry.path(),
                    entry.status(),
                    entry.subject(),
                    entry.correlationId(),
                    e);
        });
    }

    /** The status sent, or to be sent by the error handler for an error; null if the client left unanswered. */
    private static Integer status(ServerWebExchange exchange, SignalType signal, Throwable failure) {
        if (failure != null) {
            return failure instanceof ErrorResponse response
                    ? response.getStatusCode().value()
                    : 500;
        }
        if (signal == SignalType.CANCEL && !exchange.getResponse().isCommitted()) {
            return null;
        }
        HttpStatusCode status = exchange.getResponse().getStatusCode();
        return status == null ? 200 : status.value();
    }
}
