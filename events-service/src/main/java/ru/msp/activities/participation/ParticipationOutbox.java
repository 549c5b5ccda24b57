package ru.msp.activities.participation;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import ru.msp.support.outbox.OutboxCollection;

@Configuration(proxyBeanMethods = false)
class ParticipationOutbox {

    @Bean
    OutboxCollection participationCollection() {
        return new OutboxCollection(Participation.COLLECTION);
    }
}
