package ru.msp.activities.activity;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import ru.msp.support.outbox.OutboxCollection;

@Configuration(proxyBeanMethods = false)
class ActivityOutbox {

    @Bean
    OutboxCollection activitiesOutbox() {
        return new OutboxCollection(Activity.COLLECTION);
    }
}
