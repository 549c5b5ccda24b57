package ru.msp.support.idempotency;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import ru.msp.support.problem.FieldProblem;
import ru.msp.support.tenancy.TenantScope;

/**
 * Makes POST, PUT and PATCH requests with an {@value #HEADER} header safe to retry. Keyed by the token's subject
 * and the key (two callers never share a key):
 *
 * <ul>
 *   <li>first time: the key is claimed (unique insert, state IN_PROGRESS) with a fingerprint of the request, the
 *       request runs, and its response (status, content type, Location, body) is stored when it is below 500; on
 *       5xx, an error, a cancelled request or a body over {@code msp.idempotency.max-stored-body} the claim is
 *       deleted so a retry runs again;
 *   <li>same key, same request, finished: the stored response is sent again with {@value #REPLAYED_HEADER}
 *       {@code true}; the handler does not run;
 *   <li>same key, same request, still running: 409 problem; same key, different request: 422 problem.
 * </ul>
 *
 * Runs after Spring Security's filter chain ({@link #ORDER}) so the caller is known; requests without an
 * authenticated token (only open paths get this far) pass through unchanged. The fingerprint is SHA-256 over method,
 * path, raw query and body bytes (headers are not part of it).
 */
public class IdempotencyWebFilter implements WebFilter, Ordered {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotency-Replayed";
    /**
     * The order of Spring Security's {@code WebFilterChainProxy} ({@code WebFluxSecurityConfiguration
     * .WEB_FILTER_CHAIN_FILTER_ORDER}, not public).
     */
    public static final int SPRING_SECURITY_ORDER = -100;

    /** Just after Spring Security's {@code WebFilterChainProxy} (-100), which sets the authenticated caller. */
    public static final int ORDER = SPRING_SECURITY_ORDER + 50;

    private static final Logger log = LoggerFactory.getLogger(IdempotencyWebFilter.class);
    /** 1-128 visible ASCII characters (no spaces, no control characters). */
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,128}");

    private static final Set<HttpMethod> METHODS = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH);

    private final IdempotencyStore store;
    private final IdempotencyProperties properties;
    private final ProblemWriter problems;
    private final Counter replayed;
    private final Counter inProgress;
    private final Counter mismatched;

    public IdempotencyWebFilter(
            IdempotencyStore store,
            IdempotencyProperties properties,
            ServerCodecConfigurer codecs,
            MeterRegistry meters) {
        this.store = store;
        this.properties = properties;
        this.problems = new ProblemWriter(codecs);
        this.replayed = repeated(meters, "replayed");
        this.inProgress = repeated(meters, "in_progress");
        this.mismatched = repeated(meters, "mismatch");
    }

    private static Counter repeated(MeterRegistry meters, String outcome) {
        return Counter.builder("msp.idempotency.replays")
                .description("Requests that repeated an Idempotency-Key; outcome replayed (stored response sent),"
                        + " in_progress (409) or mismatch (422, a different request)")
                .tag("outcome", outcome)
                .register(meters);
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        if (!METHODS.contains(request.getMethod())) {
            return chain.filter(exchange);
        }
        List<String> values = request.getHeaders().get(HEADER);
        if (values == null || values.isEmpty()) {
            return chain.filter(exchange);
        }
        if (values.size() != 1 || !KEY.matcher(values.get(0)).matches()) {
            return problems.write(
                    exchange,
                    HttpStatus.BAD_REQUEST,
                    "The Idempotency-Key header is invalid.",
                    List.of(FieldProblem.of(HEADER, "must be one value of 1 to 128 visible ASCII characters")));
        }
        String key = values.get(0);
        return caller().map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .flatMap(caller ->
                        caller.isPresent() ? idempotent(exchange, chain, caller.get(), key) : chain.filter(exchange));
    }

    /** The token's subject (its client id if it has none); empty for a request without a token. */
    private static Mono<String> caller() {
        return ReactiveSecurityContextHolder.getContext()
                .mapNotNull(SecurityContext::getAuthentication)
                .filter(JwtAuthenticationToken.class::isInstance)
                .map(auth -> TenantScope.fromJwt(((JwtAuthenticationToken) auth).getToken()))
                .mapNotNull(scope -> scope.subject() != null
                        ? scope.subject()
                        : scope.clientId() != null ? "client:" + scope.clientId() : null);
    }

    private Mono<Void> idempotent(ServerWebExchange exchange, WebFilterChain chain, String subject, String key) {
        ServerHttpRequest request = exchange.getRequest();
        return DataBufferUtils.join(
                        request.getBody(), (int) properties.maxRequestBody().toBytes())
                .map(IdempotencyWebFilter::bytes)
                .defaultIfEmpty(new byte[0])
                .map(Optional::of)
                .onErrorResume(DataBufferLimitException.class, tooLarge -> Mono.just(Optional.empty()))
                .flatMap(body -> {
                    if (body.isEmpty()) {
                        return problems.write(
                                exchange,
                                HttpStatus.CONTENT_TOO_LARGE,
                                "A request with an Idempotency-Key may have at most "
                                        + properties.maxRequestBody().toBytes() + " bytes of body.",
                                List.of());
                    }
                    String path = request.getPath().pathWithinApplication().value();
                    String fingerprint = fingerprint(
                            request.getMethod().name(), path, request.getURI().getRawQuery(), body.get());
                    return store.claim(
                                    subject,
                                    key,
                                    fingerprint,
                                    request.getMethod().name(),
                                    path)
                            .flatMap(claim -> switch (claim.outcome()) {
                                case RUN -> run(exchange, chain, claim.record(), body.get());
                                case REPLAY -> {
                                    replayed.increment();
                                    yield replay(exchange, claim.record());
                                }
                                case IN_PROGRESS -> {
                                    inProgress.increment();
                                    yield problems.write(
                                            exchange,
                                            HttpStatus.CONFLICT,
                                            "A request with this Idempotency-Key is in progress; retry later.",
                                            List.of());
                                }
                                case MISMATCH -> {
                                    mismatched.increment();
                                    yield problems.write(
                                            exchange,
                                            HttpStatus.UNPROCESSABLE_CONTENT,
                                            "Idempotency-Key reused with a different request.",
                                            List.of(FieldProblem.of(
                                                    HEADER,
                                                    "was used before for a request with another method, path,"
                                                            + " query or body")));
                                }
                            });
                });
    }

    private Mono<Void> run(ServerWebExchange exchange, WebFilterChain chain, IdempotencyRecord claim, byte[] body) {
        ServerHttpRequest replayable = new ServerHttpRequestDecorator(exchange.getRequest()) {
            @Override
            public Flux<DataBuffer> getBody() {
                return body.length == 0
                        ? Flux.empty()
                        : Flux.defer(() ->
                                Flux.just(exchange.getResponse().bufferFactory().wrap(body)));
            }
        };
        CapturingResponse response = new CapturingResponse(
                exchange.getResponse(), properties.maxStoredBody().toBytes(), new CapturingResponse.Decision() {
                    @Override
                    public Mono<Void> store(int status, MediaType contentType, URI location, byte[] stored) {
                        return store.complete(
                                        claim,
                                        status,
                                        contentType == null ? null : contentType.toString(),
                                        location == null ? null : location.toString(),
                                        stored)
                                .doOnNext(kept -> {
                                    if (!kept) {
                                        log.warn(
                                                "idempotency key {} was taken over before its response was stored",
                                                claim.key());
                                    }
                                })
                                .onErrorResume(e -> {
                                    // the effect happened: answer anyway; the key stays IN_PROGRESS until the
                                    // in-progress timeout, so a retry is refused (409) rather than run twice
                                    log.error("cannot store the response for idempotency key {}", claim.key(), e);
                                    return Mono.empty();
                                })
                                .then();
                    }

                    @Override
                    public Mono<Void> release(String reason) {
                        log.debug("idempotency key {} released: {}", claim.key(), reason);
                        return store.release(claim).onErrorResume(e -> {
                            log.error("cannot release idempotency key {}", claim.key(), e);
                            return Mono.empty();
                        });
                    }
                });
        ServerWebExchange capturing =
                exchange.mutate().request(replayable).response(response).build();
        return chain.filter(capturing)
                // a handler that wrote nothing (the response is completed after the filters): store what it set
                .then(Mono.defer(() -> response.storeStatus(new byte[0])))
                .onErrorResume(e -> response.release("failed: " + e).then(Mono.error(e)))
                .doOnCancel(() -> response.release("cancelled").subscribe());
    }

    private static Mono<Void> replay(ServerWebExchange exchange, IdempotencyRecord stored) {
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(HttpStatusCode.valueOf(stored.status()));
        HttpHeaders headers = response.getHeaders();
        if (stored.contentType() != null) {
            headers.setContentType(MediaType.parseMediaType(stored.contentType()));
        }
        if (stored.location() != null) {
            headers.set(HttpHeaders.LOCATION, stored.location());
        }
        headers.set(REPLAYED_HEADER, "true");
        byte[] body = stored.body() == null ? new byte[0] : stored.body();
        headers.setContentLength(body.length);
        if (body.length == 0) {
            return response.setComplete();
        }
        return response.writeWith(
                Mono.fromSupplier(() -> response.bufferFactory().wrap(body)));
    }

    static String fingerprint(String method, String path, String rawQuery, byte[] body) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String part : new String[] {method, path, rawQuery == null ? "" : rawQuery}) {
                sha.update(part.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            sha.update(body);
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static byte[] bytes(DataBuffer buffer) {
        try {
            byte[] bytes = new byte[buffer.readableByteCount()];
            buffer.read(bytes);
            return bytes;
        } finally {
            DataBufferUtils.release(buffer);
        }
    }
}
