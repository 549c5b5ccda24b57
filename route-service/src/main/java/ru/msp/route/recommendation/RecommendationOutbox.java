package ru.msp.route.recommendation;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import ru.msp.support.outbox.OutboxCollection;

@Configuration(proxyBeanMethods = false)
class RecommendationOutbox {

    @Bean
    OutboxCollection recommendationsOutbox() {
        return new OutboxCollection(Recommendation.COLLECTION);
    }
}
