package ru.msp.diagnostics.result;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import ru.msp.support.outbox.OutboxCollection;

@Configuration(proxyBeanMethods = false)
class ResultOutbox {

    @Bean
    OutboxCollection resultsOutbox() {
        return new OutboxCollection(DiagnosticResult.COLLECTION);
    }
}
