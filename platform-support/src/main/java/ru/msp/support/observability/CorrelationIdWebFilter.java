package ru.msp.support.observability;

import java.util.regex.Pattern;
import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Takes the caller's {@value CorrelationId#HEADER} (or makes one), returns it in the response, passes it on in
 * the request and puts it in the Reactor context, from where automatic context propagation copies it into the logging MDC.
 */
public class CorrelationIdWebFilter implements WebFilter, Ordered {

    // Only ids that are safe in logs and headers are taken from outside.
    private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String incoming = exchange.getRequest().getHeaders().getFirst(CorrelationId.HEADER);
        String id = incoming != null && ACCEPTABLE.matcher(incoming).matches() ? incoming : CorrelationId.newId();
        // Set at commit: behind the gateway the routed service's response carries the same header, and one is enough.
        exchange.getResponse().beforeCommit(() -> {
            exchange.getResponse().getHeaders().set(CorrelationId.HEADER, id);
            return Mono.empty();
        });
        // The request carries it too, so a gateway forwards it to the service it routes to.
        ServerWebExchange withId = incoming != null && incoming.equals(id)
                ? exchange
                : exchange.mutate()
                        .request(r -> r.headers(h -> h.set(CorrelationId.HEADER, id)))
                        .build();
        return chain.filter(withId).contextWrite(ctx -> ctx.put(CorrelationId.MDC_KEY, id));
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
