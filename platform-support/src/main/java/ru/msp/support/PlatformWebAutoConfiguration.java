package ru.msp.support;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration;
import org.springframework.context.annotation.Bean;
import ru.msp.support.observability.CorrelationIdWebFilter;
import ru.msp.support.problem.ProblemResponses;

/**
 * Web concerns of every service. Runs before Boot's WebFlux configuration so that our problem-details handler (with
 * field errors) replaces Boot's plain one.
 */
@AutoConfiguration(before = WebFluxAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
public class PlatformWebAutoConfiguration {

    @Bean
    CorrelationIdWebFilter correlationIdWebFilter() {
        return new CorrelationIdWebFilter();
    }

    @Bean
    ProblemResponses problemResponses() {
        return new ProblemResponses();
    }
}
