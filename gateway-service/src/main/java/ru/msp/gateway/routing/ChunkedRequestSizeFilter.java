package ru.msp.gateway.routing;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The size limit for bodies sent without {@code Content-Length} (chunked), which Spring Cloud Gateway's
 * {@code RequestSize} filter does not see: such a body is read up to the limit before the service is called; larger
 * ones get 413 (as problem+json, see {@code BareStatusProblemWebFilter}) and never reach the service, smaller ones
 * are forwarded with their length. Memory per such request is bounded by the limit; bodies with a length stream
 * through untouched.
 */
class ChunkedRequestSizeFilter implements GatewayFilter {

    private final DataSize maxSize;

    ChunkedRequestSizeFilter(DataSize maxSize) {
        this.maxSize = maxSize;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        HttpHeaders headers = exchange.getRequest().getHeaders();
        if (headers.getContentLength() >= 0 || !headers.containsHeader(HttpHeaders.TRANSFER_ENCODING)) {
            return chain.filter(exchange);
        }
        int limit = (int) Math.min(Integer.MAX_VALUE, maxSize.toBytes());
        return DataBufferUtils.join(exchange.getRequest().getBody(), limit)
                .map(ChunkedRequestSizeFilter::bytes)
                .defaultIfEmpty(new byte[0])
                .flatMap(body -> chain.filter(
                        exchange.mutate().request(withBody(exchange, body)).build()))
                .onErrorResume(DataBufferLimitException.class, tooLarge -> {
                    exchange.getResponse().setStatusCode(HttpStatus.CONTENT_TOO_LARGE);
                    return exchange.getResponse().setComplete();
                });
    }

    private static byte[] bytes(DataBuffer joined) {
        try {
            byte[] bytes = new byte[joined.readableByteCount()];
            joined.read(bytes);
            return bytes;
        } finally {
            DataBufferUtils.release(joined);
        }
    }

    private static ServerHttpRequest withBody(ServerWebExchange exchange, byte[] body) {
        HttpHeaders headers = new HttpHeaders();
        headers.putAll(exchange.getRequest().getHeaders());
        headers.remove(HttpHeaders.TRANSFER_ENCODING);
        headers.setContentLength(body.length);
        return new ServerHttpRequestDecorator(exchange.getRequest()) {
            @Override
            public HttpHeaders getHeaders() {
                return headers;
            }

            @Override
            public Flux<DataBuffer> getBody() {
                // a fresh buffer per subscription, so a retried request sends the body again
                return Flux.defer(
                        () -> Flux.just(exchange.getResponse().bufferFactory().wrap(body)));
            }
        };
    }
}
