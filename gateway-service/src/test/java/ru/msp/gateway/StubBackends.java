package ru.msp.gateway;

import io.netty.buffer.ByteBuf;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.test.context.DynamicPropertyRegistry;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/**
 * Stand-ins for the five services (reactor-netty servers on free ports). Each answers 200 JSON with its name, the
 * method, the path and the correlation id it got, unless a test scripted other answers; each records what it saw.
 */
final class StubBackends {

    static final List<String> SERVICES = List.of("teacher", "diagnostics", "route", "events", "indicators");

    /** One request as a stub saw it. */
    record Seen(String method, String uri, String authorization, String correlationId, long bodyBytes) {}

    /** A scripted answer: status, and a delay before it. */
    record Answer(int status, Duration delay) {}

    private final Map<String, DisposableServer> servers = new ConcurrentHashMap<>();
    private final Map<String, List<Seen>> seen = new ConcurrentHashMap<>();
    private final Map<String, Queue<Answer>> scripts = new ConcurrentHashMap<>();

    static StubBackends start() {
        StubBackends stubs = new StubBackends();
        SERVICES.forEach(stubs::startOne);
        return stubs;
    }

    private void startOne(String name) {
        seen.put(name, new CopyOnWriteArrayList<>());
        scripts.put(name, new ConcurrentLinkedQueue<>());
        servers.put(
                name,
                HttpServer.create()
                        .host("127.0.0.1")
                        .port(0)
                        .handle((request, response) -> answer(name, request, response))
                        .bindNow());
    }

    private Mono<Void> answer(String name, HttpServerRequest request, HttpServerResponse response) {
        return request.receive()
                .map(ByteBuf::readableBytes)
                .reduce(0L, Long::sum)
                .flatMap(bodyBytes -> {
                    String correlationId = request.requestHeaders().get("X-Correlation-Id");
                    seen.get(name)
                            .add(new Seen(
                                    request.method().name(),
                                    request.uri(),
                                    request.requestHeaders().get("Authorization"),
                                    correlationId,
                                    bodyBytes));
                    Answer scripted = scripts.get(name).poll();
                    Answer answer = scripted != null ? scripted : new Answer(200, Duration.ZERO);
                    String body = "{\"service\":\"" + name + "\",\"method\":\""
                            + request.method().name()
                            + "\",\"path\":\"" + request.uri() + "\",\"correlationId\":\"" + correlationId
                            + "\",\"bodyBytes\":" + bodyBytes + "}";
                    return Mono.delay(answer.delay())
                            .then(response.status(answer.status())
                                    .header("Content-Type", "application/json")
                                    // as the real services do: they return the correlation id they were given
                                    .header("X-Correlation-Id", String.valueOf(correlationId))
                                    .sendString(Mono.just(body))
                                    .then());
                });
    }

    /** Points the gateway at the stubs. */
    void register(DynamicPropertyRegistry registry) {
        servers.forEach((name, server) ->
                registry.add("msp.gateway.services." + name + ".url", () -> "http://127.0.0.1:" + server.port()));
    }

    /** The next {@code times} requests to this service get {@code status}. */
    void answerNext(String service, int times, int status) {
        answerNext(service, times, status, Duration.ZERO);
    }

    void answerNext(String service, int times, int status, Duration delay) {
        for (int i = 0; i < times; i++) {
            scripts.get(service).add(new Answer(status, delay));
        }
    }

    List<Seen> seen(String service) {
        return new ArrayList<>(seen.get(service));
    }

    /** Forgets what was seen and scripted. */
    void reset() {
        seen.values().forEach(List::clear);
        scripts.values().forEach(Queue::clear);
    }

    /** Takes one service away: connections to its port are refused from now on. */
    void stop(String service) {
        servers.get(service).disposeNow();
    }

    void stopAll() {
        servers.values().stream().filter(s -> !s.isDisposed()).forEach(DisposableServer::disposeNow);
    }
}
