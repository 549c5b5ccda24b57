package ru.msp.gateway.security;

import java.time.Duration;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;
import ru.msp.gateway.routing.GatewayProperties;
import ru.msp.support.tenancy.PlatformSecurityAutoConfiguration;

/**
 * The gateway validates the bearer token too (services validate it again: the {@code Authorization} header is
 * forwarded unchanged), so a request without a valid token never reaches a service. Open: the dashboard and its
 * static files, the Swagger UI with the API descriptions, health and metrics. Everything else, {@code /api/**} first,
 * needs a valid token. CORS is answered here, before authentication, so a browser's preflight needs no token.
 */
@Configuration(proxyBeanMethods = false)
public class GatewaySecurity {

    /**
     * The dashboard, its static files and chart library, and its sign-in endpoints (the page has no token yet when it
     * asks how to sign in).
     */
    static final String[] DASHBOARD = {
        "/",
        "/index.html",
        "/favicon.ico",
        "/assets/**",
        "/*.js",
        "/*.css",
        "/*.map",
        "/*.svg",
        "/*.png",
        "/*.ico",
        "/webjars/echarts/**",
        "/dashboard/config",
        "/dashboard/local-token"
    };

    /** The Swagger UI (WebFlux serves it under /webjars) and the API descriptions it reads. */
    static final String[] API_DOCUMENTATION = {
        "/swagger-ui.html", "/swagger-ui/**", "/webjars/swagger-ui/**", "/v3/api-docs", "/v3/api-docs/**"
    };

    @Bean
    SecurityWebFilterChain gatewaySecurityChain(ServerHttpSecurity http) {
        return PlatformSecurityAutoConfiguration.configure(http)
                .cors(Customizer.withDefaults())
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers(PlatformSecurityAutoConfiguration.OPEN_PATHS)
                        .permitAll()
                        .pathMatchers(DASHBOARD)
                        .permitAll()
                        .pathMatchers(API_DOCUMENTATION)
                        .permitAll()
                        .anyExchange()
                        .authenticated())
                .build();
    }

    /** Browsers on the configured origins may call the API with a bearer token (no cookies are used). */
    @Bean
    CorsConfigurationSource corsConfigurationSource(GatewayProperties properties) {
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOrigins(properties.cors().allowedOrigins());
        cors.setAllowedMethods(List.of("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"));
        cors.setAllowedHeaders(
                List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.CONTENT_TYPE, HttpHeaders.ACCEPT, "X-Correlation-Id"));
        cors.setExposedHeaders(List.of(
                "X-Correlation-Id",
                HttpHeaders.RETRY_AFTER,
                HttpHeaders.LOCATION,
                "X-RateLimit-Remaining",
                "X-Total-Count"));
        cors.setAllowCredentials(false);
        cors.setMaxAge(Duration.ofHours(1));
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/api/**", cors);
        return source;
    }
}
