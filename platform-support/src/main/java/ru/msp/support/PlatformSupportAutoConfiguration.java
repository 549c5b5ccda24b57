package ru.msp.support;

import io.micrometer.context.ContextRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import ru.msp.contracts.Topic;
import ru.msp.contracts.Topics;
import ru.msp.support.consumer.DeadLetterErrorHandlerFactory;
import ru.msp.support.consumer.IdempotentConsumer;
import ru.msp.support.observability.CorrelationIdThreadLocalAccessor;
import ru.msp.support.observability.MessagingMetrics;
import ru.msp.support.outbox.OutboxCollection;
import ru.msp.support.outbox.OutboxProperties;
import ru.msp.support.outbox.OutboxRelay;
import ru.msp.support.store.DriverTransport;

/** Wires the cross-cutting kit into every service that has this library on its classpath. */
@AutoConfiguration(
        afterName = {
            "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
            "org.springframework.boot.data.mongodb.autoconfigure.DataMongoReactiveAutoConfiguration"
        })
@EnableConfigurationProperties(OutboxProperties.class)
public class PlatformSupportAutoConfiguration {

    static {
        // Reactor restores the correlation id into the MDC on every thread hop (spring.reactor.context-propagation).
        ContextRegistry.getInstance().registerThreadLocalAccessor(new CorrelationIdThreadLocalAccessor());
    }

    /** The MongoDB driver on its own socket transport, not Netty's (see {@link DriverTransport}). */
    @Bean
    @ConditionalOnClass(name = "com.mongodb.MongoClientSettings")
    static DriverTransport driverTransport() {
        return new DriverTransport();
    }

    @Bean
    MessagingMetrics messagingMetrics(MeterRegistry registry) {
        return new MessagingMetrics(registry);
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass({KafkaTemplate.class, ReactiveMongoTemplate.class})
    @ConditionalOnBean(ReactiveMongoTemplate.class)
    static class Messaging {

        @Bean
        OutboxRelay outboxRelay(
                ReactiveMongoTemplate mongo,
                KafkaTemplate<String, String> kafka,
                List<OutboxCollection> collections,
                OutboxProperties properties,
                MessagingMetrics metrics) {
            return new OutboxRelay(mongo, kafka, collections, properties, metrics);
        }

        @Bean
        IdempotentConsumer idempotentConsumer(ReactiveMongoTemplate mongo, MessagingMetrics metrics) {
            return new IdempotentConsumer(mongo, metrics);
        }

        @Bean
        CommonErrorHandler deadLetterErrorHandler(
                KafkaTemplate<String, String> kafka,
                MessagingMetrics metrics,
                @Value("${msp.messaging.retry.max-retries:4}") int maxRetries,
                @Value("${msp.messaging.retry.initial-interval:200ms}") Duration initial,
                @Value("${msp.messaging.retry.max-interval:5s}") Duration max) {
            return DeadLetterErrorHandlerFactory.create(kafka, metrics, maxRetries, initial, max);
        }

        /** Every topic of the catalog and its dead-letter topic, with matching partition counts. */
        @Bean
        KafkaAdmin.NewTopics platformTopics(@Value("${msp.messaging.replication-factor:1}") short replicas) {
            List<NewTopic> topics = new ArrayList<>();
            for (Topic topic : Topics.ALL) {
                topics.add(TopicBuilder.name(topic.name())
                        .partitions(topic.partitions())
                        .replicas(replicas)
                        .build());
                topics.add(TopicBuilder.name(topic.deadLetterTopic())
                        .partitions(topic.partitions())
                        .replicas(replicas)
                        .build());
            }
            return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
        }
    }
}
