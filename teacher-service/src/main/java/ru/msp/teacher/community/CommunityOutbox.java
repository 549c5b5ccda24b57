package ru.msp.teacher.community;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import ru.msp.support.outbox.OutboxCollection;

@Configuration(proxyBeanMethods = false)
class CommunityOutbox {

    @Bean
    OutboxCollection communitiesOutbox() {
        return new OutboxCollection(Community.COLLECTION);
    }
}
