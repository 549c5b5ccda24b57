package ru.msp.support.kit;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import ru.msp.contracts.Topics;
import ru.msp.support.consumer.IdempotentConsumer;
import ru.msp.support.outbox.OutboxCollection;
import ru.msp.support.outbox.PendingEvent;
import ru.msp.support.tenancy.TenantKey;
import ru.msp.support.tenancy.TenantOwned;

/** A minimal service using the kit: an aggregate with an outbox, and an idempotent consumer counting effects. */
@SpringBootApplication
public class KitTestApplication {

    static final String AGGREGATES = "kit_regions";
    static final String EFFECTS = "kit_effects";
    static final String MEMBERS = "kit_members";

    @Bean
    OutboxCollection kitOutbox() {
        return new OutboxCollection(AGGREGATES);
    }

    /** An aggregate document: state plus the events its last writes caused. */
    @Document(AGGREGATES)
    public record RegionAggregate(@Id String id, String name, List<PendingEvent> outbox) {}

    /** A tenant-owned document for the scoped writes (the tests create its indexes). */
    @Document(MEMBERS)
    public record Member(@Id String id, String regionId, String municipalityId, String externalKey, Instant seenAt)
            implements TenantOwned {
        @Override
        public TenantKey tenantKey() {
            return TenantKey.municipality(regionId, municipalityId);
        }
    }

    /** How many times the consumer applied an event to a region: the effect the tests count. */
    @Document(EFFECTS)
    public record Effect(@Id String id, int applied) {}

    @Component
    public static class CountingListener {
        /** Region ids whose events make the handler fail, to exercise retries and the dead-letter topic. */
        static final Set<String> FAILING = ConcurrentHashMap.newKeySet();

        private final IdempotentConsumer consumer;
        private final ReactiveMongoTemplate mongo;

        CountingListener(IdempotentConsumer consumer, ReactiveMongoTemplate mongo) {
            this.consumer = consumer;
            this.mongo = mongo;
        }

        @KafkaListener(topics = "teacher.v1", groupId = "kit-test")
        void on(List<ConsumerRecord<String, String>> records) {
            consumer.handle(records, "kit-counter", event -> {
                String key = event.subject();
                if (FAILING.contains(key)) {
                    return Mono.error(new IllegalStateException("handler fails for " + key));
                }
                return mongo.findAndModify(
                        query(where("_id").is(key)),
                        new Update().inc("applied", 1),
                        FindAndModifyOptions.options().upsert(true).returnNew(true),
                        Effect.class);
            });
        }
    }

    static String topic() {
        return Topics.TEACHER.name();
    }
}
