package ru.msp.support.tenancy;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Every service is an OAuth2 resource server: it validates the bearer JWT itself (production: the issuer's JWKS via
 * {@code spring.security.oauth2.resourceserver.jwt.jwk-set-uri}; locally: the platform's public key via
 * {@code ...jwt.public-key-location}). Missing, expired or forged tokens get 401, refused roles 403, both as
 * problem+json. Health and metrics stay open for probes and Prometheus.
 */
// Before Boot's own chains, which would otherwise win the @ConditionalOnMissingBean race with plain 401s.
@AutoConfiguration(
        beforeName = {
            "org.springframework.boot.security.oauth2.server.resource.autoconfigure.web.reactive.ReactiveOAuth2ResourceServerWebSecurityAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.actuate.web.reactive.ReactiveManagementWebSecurityAutoConfiguration"
        })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
public class PlatformSecurityAutoConfiguration {

    /** Paths anyone may call: probes, metrics, API descriptions. */
    public static final String[] OPEN_PATHS = {
        "/actuator/health", "/actuator/health/**", "/actuator/info", "/actuator/prometheus", "/v3/api-docs/**"
    };

    @Bean
    @ConditionalOnMissingBean(SecurityWebFilterChain.class)
    SecurityWebFilterChain platformSecurity(ServerHttpSecurity http) {
        return configure(http)
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers(OPEN_PATHS)
                        .permitAll()
                        .anyExchange()
                        .authenticated())
                .build();
    }

    /** The common part, for a module (the gateway) that declares its own chain with more open paths. */
    public static ServerHttpSecurity configure(ServerHttpSecurity http) {
        return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .oauth2ResourceServer(oauth -> oauth.jwt(jwt -> jwt.jwtAuthenticationConverter(roles()))
                        .authenticationEntryPoint((exchange, e) ->
                                problem(exchange, HttpStatus.UNAUTHORIZED, "A valid bearer token is required."))
                        // a token that is present but forged, expired or malformed
                        .authenticationFailureHandler((filterExchange, e) -> problem(
                                filterExchange.getExchange(),
                                HttpStatus.UNAUTHORIZED,
                                "The bearer token is not valid: expired, malformed or not signed by a trusted issuer."))
                        .accessDeniedHandler(
                                (exchange, e) -> problem(exchange, HttpStatus.FORBIDDEN, "Your role may not do this.")))
                .exceptionHandling(handling -> handling.authenticationEntryPoint((exchange, e) ->
                                problem(exchange, HttpStatus.UNAUTHORIZED, "A valid bearer token is required."))
                        .accessDeniedHandler((exchange, e) ->
                                problem(exchange, HttpStatus.FORBIDDEN, "Your role may not do this.")));
    }

    /** Only where the service keeps data: the gateway has no Spring Data MongoDB on its classpath at all. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(ReactiveMongoTemplate.class)
    static class Store {
        @Bean
        @ConditionalOnMissingBean
        @ConditionalOnBean(ReactiveMongoTemplate.class)
        ScopedMongo scopedMongo(ReactiveMongoTemplate mongo) {
            return new ScopedMongo(mongo);
        }
    }

    /** The {@code roles} claim becomes {@code ROLE_*} authorities. */
    static Converter<Jwt, Mono<AbstractAuthenticationToken>> roles() {
        return jwt -> {
            Collection<String> claimed = jwt.getClaimAsStringList("roles");
            List<GrantedAuthority> authorities = claimed == null
                    ? List.of()
                    : claimed.stream()
                            .map(role -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + role))
                            .toList();
            return Mono.just(new JwtAuthenticationToken(jwt, authorities, jwt.getSubject()));
        };
    }

    static Mono<Void> problem(ServerWebExchange exchange, HttpStatus status, String detail) {
        var response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.empty();
        }
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (status == HttpStatus.UNAUTHORIZED) {
            response.getHeaders().set("WWW-Authenticate", "Bearer");
        }
        String body = "{\"type\":\"about:blank\",\"title\":\"" + status.getReasonPhrase() + "\",\"status\":"
                + status.value() + ",\"detail\":\"" + detail + "\",\"instance\":\""
                + exchange.getRequest().getPath().value().replace("\"", "") + "\"}";
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body.getBytes(StandardCharsets.UTF_8))));
    }
}
