package ru.msp.teacher.organization;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import ru.msp.support.outbox.OutboxCollection;

@Configuration(proxyBeanMethods = false)
class OrganizationOutbox {

    @Bean
    OutboxCollection organizationsOutbox() {
        return new OutboxCollection(Organization.COLLECTION);
    }
}
