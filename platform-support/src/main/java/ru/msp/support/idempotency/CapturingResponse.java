package ru.msp.support.idempotency;

import java.net.URI;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.reactivestreams.Publisher;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Passes a claimed request's response through while keeping a copy of its body, and decides exactly once what
 * becomes of the claim: the response is stored before its last bytes are written (so a client that has the
 * response and retries at once gets the replay, never "in progress"), or the claim is released.
 *
 * <p>Only the first {@code limit} bytes are held back: a body that grows past the limit is written on as it comes
 * (its held head first) and the claim is released, so large or streamed responses are delayed by at most that much
 * buffering.
 */
final class CapturingResponse extends ServerHttpResponseDecorator {

    /** What happens to the claim. Implementations log their own failures and complete normally. */
    interface Decision {
        Mono<Void> store(int status, MediaType contentType, URI location, byte[] body);

        Mono<Void> release(String reason);
    }

    private final long limit;
    private final Decision decision;
    private final AtomicBoolean decided = new AtomicBoolean();

    CapturingResponse(ServerHttpResponse delegate, long limit, Decision decision) {
        super(delegate);
        this.limit = limit;
        this.decision = decision;
    }

    @Override
    public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
        AtomicLong seen = new AtomicLong();
        AtomicBoolean head = new AtomicBoolean(true);
        // The first list holds either the whole body (it fits) or the head up to the buffer that crossed the limit;
        // after that the predicate is always true, so every later buffer passes on its own.
        Flux<DataBuffer> passed = Flux.<DataBuffer>from(body)
                .bufferUntil(buffer -> seen.addAndGet(buffer.readableByteCount()) > limit)
                .concatMap(chunk -> {
                    if (!head.compareAndSet(true, false)) {
                        return Flux.fromIterable(chunk);
                    }
                    Mono<Void> decided = seen.get() > limit
                            ? release("response body larger than " + limit + " bytes")
                            : storeStatus(copy(chunk));
                    return decided.thenMany(Flux.fromIterable(chunk));
                })
                .concatWith(Mono.defer(() -> head.get() ? storeStatus(new byte[0]) : Mono.<Void>empty())
                        .then(Mono.empty()))
                .doOnDiscard(DataBuffer.class, DataBufferUtils::release);
        return super.writeWith(passed);
    }

    @Override
    public Mono<Void> writeAndFlushWith(Publisher<? extends Publisher<? extends DataBuffer>> body) {
        return release("streamed response").then(super.writeAndFlushWith(body));
    }

    @Override
    public Mono<Void> setComplete() {
        return storeStatus(new byte[0]).then(super.setComplete());
    }

    /** Stores the response as it stands (status, headers, {@code body}) unless already decided; 5xx is released. */
    Mono<Void> storeStatus(byte[] body) {
        if (!decided.compareAndSet(false, true)) {
            return Mono.empty();
        }
        HttpStatusCode status = getStatusCode();
        int code = status == null ? 200 : status.value();
        if (code >= 500) {
            return decision.release("server error " + code);
        }
        return decision.store(code, getHeaders().getContentType(), getHeaders().getLocation(), body);
    }

    /** Releases the claim unless already decided (the request failed or was cancelled). */
    Mono<Void> release(String reason) {
        if (!decided.compareAndSet(false, true)) {
            return Mono.empty();
        }
        return decision.release(reason);
    }

    private static byte[] copy(List<DataBuffer> chunk) {
        int size = 0;
        for (DataBuffer buffer : chunk) {
            size += buffer.readableByteCount();
        }
        byte[] bytes = new byte[size];
        int at = 0;
        for (DataBuffer buffer : chunk) {
            int length = buffer.readableByteCount();
            // absolute read: the buffer's read position stays where the writer expects it
            buffer.toByteBuffer(buffer.readPosition(), ByteBuffer.wrap(bytes, at, length), 0, length);
            at += length;
        }
        return bytes;
    }
}
