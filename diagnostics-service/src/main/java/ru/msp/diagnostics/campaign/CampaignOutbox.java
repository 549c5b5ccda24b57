package ru.msp.diagnostics.campaign;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import ru.msp.support.outbox.OutboxCollection;

@Configuration(proxyBeanMethods = false)
class CampaignOutbox {

    @Bean
    OutboxCollection campaignsOutbox() {
        return new OutboxCollection(Campaign.COLLECTION);
    }
}
