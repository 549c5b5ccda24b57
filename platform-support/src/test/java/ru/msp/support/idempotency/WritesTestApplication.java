package ru.msp.support.idempotency;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import ru.msp.support.problem.FieldProblem;
import ru.msp.support.problem.RequestRejectedException;

/**
 * A minimal service that writes: {@code POST /api/things} inserts a document and answers 201 with its generated id
 * and a Location; {@code GET /api/things/{id}} reads it. The body can ask the handler to be slow, to fail its first
 * attempts (with a 503 response or an exception), or to answer with a large body. Used by the idempotency and the
 * audit tests (one shared Spring context).
 */
@SpringBootApplication
public class WritesTestApplication {

    static final String THINGS = "writes_things";

    @Document(THINGS)
    public record Thing(@Id String id, String name) {}

    /**
     * @param failFirst how many first attempts for this name fail
     * @param failWith {@code status} (a 503 response) or {@code exception} (an unhandled error, 500)
     * @param paddingKb adds this many KiB to the response body
     */
    public record NewThing(String name, Integer delayMs, Integer failFirst, String failWith, Integer paddingKb) {}

    @RestController
    @RequestMapping("/api/things")
    public static class ThingController {

        /** Handler runs per name, counting failed ones too. */
        static final Map<String, AtomicInteger> ATTEMPTS = new ConcurrentHashMap<>();

        private final ReactiveMongoTemplate mongo;

        ThingController(ReactiveMongoTemplate mongo) {
            this.mongo = mongo;
        }

        @PostMapping
        Mono<ResponseEntity<Map<String, Object>>> create(@RequestBody NewThing request) {
            if (request.name() == null || request.name().isBlank()) {
                return Mono.error(RequestRejectedException.invalid(
                        java.util.List.of(FieldProblem.of("name", "must not be blank"))));
            }
            int attempt = ATTEMPTS.computeIfAbsent(request.name(), n -> new AtomicInteger())
                    .incrementAndGet();
            Mono<Void> delay = request.delayMs() == null
                    ? Mono.empty()
                    : Mono.delay(Duration.ofMillis(request.delayMs())).then();
            if (request.failFirst() != null && attempt <= request.failFirst()) {
                if ("exception".equals(request.failWith())) {
                    return delay.then(Mono.error(new IllegalStateException("failing as asked")));
                }
                return delay.then(Mono.just(
                        ResponseEntity.status(503).body(Map.<String, Object>of("error", "unavailable, as asked"))));
            }
            Thing thing = new Thing(UUID.randomUUID().toString(), request.name());
            return delay.then(mongo.insert(thing)).map(saved -> {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("id", saved.id());
                body.put("name", saved.name());
                if (request.paddingKb() != null) {
                    body.put("padding", "x".repeat(request.paddingKb() * 1024));
                }
                return ResponseEntity.created(URI.create("/api/things/" + saved.id()))
                        .body(body);
            });
        }

        @GetMapping("/{id}")
        Mono<Thing> get(@PathVariable String id) {
            return mongo.findById(id, Thing.class)
                    .switchIfEmpty(Mono.error(() -> RequestRejectedException.notFound("Thing " + id)));
        }
    }
}
