package ru.msp.teacher.municipality;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import ru.msp.support.outbox.OutboxCollection;

@Configuration(proxyBeanMethods = false)
class MunicipalityOutbox {

    @Bean
    OutboxCollection municipalitiesOutbox() {
        return new OutboxCollection(Municipality.COLLECTION);
    }
}
