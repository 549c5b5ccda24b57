package ru.msp.gateway.problem;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/** The gateway's own answers as problem+json. */
@Configuration(proxyBeanMethods = false)
public class ProblemConfiguration {

    @Bean
    GatewayProblems gatewayProblems(JsonMapper json) {
        return new GatewayProblems(json);
    }

    @Bean
    BareStatusProblemWebFilter bareStatusProblemWebFilter(GatewayProblems problems) {
        return new BareStatusProblemWebFilter(problems);
    }

    @Bean
    GatewayErrorHandler gatewayErrorHandler(GatewayProblems problems) {
        return new GatewayErrorHandler(problems);
    }
}
