package ru.msp.support.audit;

import java.util.concurrent.atomic.AtomicReference;
import org.springframework.core.Ordered;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Behind Spring Security: hands the validated token's caller to the {@link AuditWebFilter} in front of it (through
 * an exchange attribute, since the security context is not visible outside the security chain).
 */
public class AuditCallerWebFilter implements WebFilter, Ordered {

    /**
     * The order of Spring Security's {@code WebFilterChainProxy} ({@code WebFluxSecurityConfiguration
     * .WEB_FILTER_CHAIN_FILTER_ORDER}, not public).
     */
    static final int SPRING_SECURITY_ORDER = -100;

    /** Right after Spring Security's {@code WebFilterChainProxy} (-100). */
    public static final int ORDER = SPRING_SECURITY_ORDER + 10;

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        AtomicReference<AuditCaller> caller = exchange.getAttribute(AuditWebFilter.CALLER);
        if (caller == null) {
            return chain.filter(exchange);
        }
        return ReactiveSecurityContextHolder.getContext()
                .mapNotNull(SecurityContext::getAuthentication)
                .filter(JwtAuthenticationToken.class::isInstance)
                .doOnNext(auth -> caller.set(AuditCaller.of(((JwtAuthenticationToken) auth).getToken())))
                .then(Mono.defer(() -> chain.filter(exchange)));
    }
}
