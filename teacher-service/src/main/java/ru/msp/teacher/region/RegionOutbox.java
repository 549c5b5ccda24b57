package ru.msp.teacher.region;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import ru.msp.support.outbox.OutboxCollection;

@Configuration(proxyBeanMethods = false)
class RegionOutbox {

    @Bean
    OutboxCollection regionsOutbox() {
        return new OutboxCollection(Region.COLLECTION);
    }
}
