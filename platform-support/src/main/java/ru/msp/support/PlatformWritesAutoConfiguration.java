package ru.msp.support;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.codec.ServerCodecConfigurer;
import ru.msp.support.audit.AuditCallerWebFilter;
import ru.msp.support.audit.AuditController;
import ru.msp.support.audit.AuditLog;
import ru.msp.support.audit.AuditWebFilter;
import ru.msp.support.idempotency.IdempotencyProperties;
import ru.msp.support.idempotency.IdempotencyStore;
import ru.msp.support.idempotency.IdempotencyWebFilter;

/**
 * Safe writes for every service with a web tier and MongoDB: {@code Idempotency-Key} handling for POST/PUT/PATCH
 * ({@code idempotency_keys}) and the audit log of every write under {@code /api/} ({@code audit_log}) with its
 * ADMIN query API {@code GET /api/audit}. Modules without MongoDB (the gateway) get neither. Switch off with
 * {@code msp.idempotency.enabled=false} or {@code msp.audit.enabled=false}; a service may replace any bean with its own.
 */
@AutoConfiguration(
        afterName = {
            "org.springframework.boot.data.mongodb.autoconfigure.DataMongoReactiveAutoConfiguration",
            "org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration"
        })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@ConditionalOnClass(name = "org.springframework.data.mongodb.core.ReactiveMongoTemplate")
public class PlatformWritesAutoConfiguration {

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBean(ReactiveMongoTemplate.class)
    @ConditionalOnProperty(name = "msp.idempotency.enabled", havingValue = "true", matchIfMissing = true)
    @EnableConfigurationProperties(IdempotencyProperties.class)
    static class Idempotency {

        @Bean
        @ConditionalOnMissingBean
        IdempotencyStore idempotencyStore(
                ReactiveMongoTemplate mongo, IdempotencyProperties properties, ObjectProvider<Clock> clock) {
            return new IdempotencyStore(mongo, properties, clock.getIfAvailable(Clock::systemUTC));
        }

        @Bean
        @ConditionalOnMissingBean
        IdempotencyWebFilter idempotencyWebFilter(
                IdempotencyStore store,
                IdempotencyProperties properties,
                ServerCodecConfigurer codecs,
                MeterRegistry meters) {
            return new IdempotencyWebFilter(store, properties, codecs, meters);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBean(ReactiveMongoTemplate.class)
    @ConditionalOnProperty(name = "msp.audit.enabled", havingValue = "true", matchIfMissing = true)
    static class Audit {

        @Bean
        @ConditionalOnMissingBean
        AuditLog auditLog(ReactiveMongoTemplate mongo) {
            return new AuditLog(mongo);
        }

        @Bean
        @ConditionalOnMissingBean
        AuditWebFilter auditWebFilter(
                AuditLog auditLog, Environment environment, ObjectProvider<Clock> clock, MeterRegistry meters) {
            return new AuditWebFilter(
                    auditLog,
                    environment.getProperty("spring.application.name", "application"),
                    clock.getIfAvailable(Clock::systemUTC),
                    meters);
        }

        @Bean
        @ConditionalOnMissingBean
        AuditCallerWebFilter auditCallerWebFilter() {
            return new AuditCallerWebFilter();
        }

        @Bean
        @ConditionalOnMissingBean
        AuditController auditController(AuditLog auditLog) {
            return new AuditController(auditLog);
        }
    }
}
