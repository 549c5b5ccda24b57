package ru.msp.gateway.ratelimit;

import java.net.InetSocketAddress;
import org.springframework.cloud.gateway.filter.ratelimit.KeyResolver;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Whose budget a request spends: the bearer token's subject ({@code sub:<subject>}) when the request carries a valid
 * token, else the client's address ({@code ip:<address>}, e.g. for the open API descriptions). The address is the
 * TCP peer; behind a load balancer set {@code server.forward-headers-strategy} so it is the real client's.
 */
public class ClientKeyResolver implements KeyResolver {

    @Override
    public Mono<String> resolve(ServerWebExchange exchange) {
        return exchange.getPrincipal()
                .filter(JwtAuthenticationToken.class::isInstance)
                .map(principal -> subject((JwtAuthenticationToken) principal))
                .switchIfEmpty(Mono.fromSupplier(() -> "ip:" + address(exchange)));
    }

    private static String subject(JwtAuthenticationToken token) {
        String subject = token.getToken().getSubject();
        return "sub:" + (subject != null ? subject : token.getName());
    }

    private static String address(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        if (remote == null) {
            return "unknown";
        }
        return remote.getAddress() != null ? remote.getAddress().getHostAddress() : remote.getHostString();
    }
}
