package ru.msp.support.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/** The audit filter without a database: what it records, and that a failing store never fails the request. */
class AuditWebFilterTest {

    private final MeterRegistry meters = new SimpleMeterRegistry();

    /** An audit log whose store is down. */
    private static final class BrokenAuditLog extends AuditLog {
        BrokenAuditLog() {
            super(null);
        }

        @Override
        public Mono<AuditRecord> append(AuditRecord record) {
            return Mono.error(new IllegalStateException("MongoDB is down"));
        }
    }

    /** An audit log that keeps records in memory. */
    private static final class ListAuditLog extends AuditLog {
        final List<AuditRecord> records = new ArrayList<>();

        ListAuditLog() {
            super(null);
        }

        @Override
        public Mono<AuditRecord> append(AuditRecord record) {
            records.add(record);
            return Mono.just(record);
        }
    }

    private static final WebFilterChain CREATED = exchange -> {
        exchange.getResponse().setStatusCode(HttpStatus.CREATED);
        return exchange.getResponse().setComplete();
    };

    @Test
    void aFailingAuditStoreIsLoggedAndCountedButTheRequestSucceeds() {
        AuditWebFilter filter = new AuditWebFilter(new BrokenAuditLog(), "test", Clock.systemUTC(), meters);
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.post("/api/things"));

        StepVerifier.create(filter.filter(exchange, CREATED)).verifyComplete();

        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(meters.get("msp.audit.records")
                        .tag("outcome", "failed")
                        .counter()
                        .count())
                .isEqualTo(1);
    }

    @Test
    void writesUnderApiAreRecordedReadsAndOtherPathsAreNot() {
        ListAuditLog log = new ListAuditLog();
        AuditWebFilter filter = new AuditWebFilter(log, "test", Clock.systemUTC(), meters);

        for (MockServerHttpRequest request : List.of(
                MockServerHttpRequest.get("/api/things").build(),
                MockServerHttpRequest.head("/api/things").build(),
                MockServerHttpRequest.options("/api/things").build(),
                MockServerHttpRequest.post("/actuator/refresh").build(),
                MockServerHttpRequest.put("/api/things/1").build(),
                MockServerHttpRequest.patch("/api/things/1").build(),
                MockServerHttpRequest.delete("/api/things/1").build())) {
            filter.filter(MockServerWebExchange.from(request), CREATED).block();
        }

        assertThat(log.records).extracting(AuditRecord::method).containsExactly("PUT", "PATCH", "DELETE");
        assertThat(meters.get("msp.audit.records")
                        .tag("outcome", "recorded")
                        .counter()
                        .count())
                .isEqualTo(3);
    }

    @Test
    void anErrorThatLeavesTheFiltersIsRecordedWithTheStatusItWillGet() {
        ListAuditLog log = new ListAuditLog();
        AuditWebFilter filter = new AuditWebFilter(log, "test", Clock.systemUTC(), meters);

        StepVerifier.create(filter.filter(
                        MockServerWebExchange.from(MockServerHttpRequest.post("/api/things")),
                        exchange -> Mono.error(new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE))))
                .expectError(ResponseStatusException.class)
                .verify();
        StepVerifier.create(filter.filter(
                        MockServerWebExchange.from(MockServerHttpRequest.post("/api/things")),
                        exchange -> Mono.error(new IllegalStateException("bug"))))
                .expectError(IllegalStateException.class)
                .verify();

        assertThat(log.records).extracting(AuditRecord::status).containsExactly(503, 500);
        assertThat(log.records).allSatisfy(r -> assertThat(r.subject()).isNull());
    }
}
