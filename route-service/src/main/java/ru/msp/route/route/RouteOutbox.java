package ru.msp.route.route;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import ru.msp.support.outbox.OutboxCollection;

@Configuration(proxyBeanMethods = false)
class RouteOutbox {

    @Bean
    OutboxCollection routesOutbox() {
        return new OutboxCollection(Route.COLLECTION);
    }
}
