package ru.msp.support.consumer;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import reactor.core.publisher.Mono;
import ru.msp.contracts.CloudEventCodec;
import ru.msp.contracts.DomainEvent;
import ru.msp.support.observability.CorrelationId;
import ru.msp.support.observability.MessagingMetrics;

/**
 * Applies an event at most once per consumer in effect. The event id is remembered after the handler succeeded; a
 * redelivery finds it and changes nothing. A crash between the effect and the marker redelivers the event, so
 * handlers keep their effects idempotent too (upserts by key, or guards inside the same document for counters).
 *
 * <p>Called from a Kafka listener thread, which may block: the handler's {@link Mono} is awaited so the record is
 * acknowledged only after its effect is stored. Exceptions propagate to the container's error handler, which
 * retries with back-off and then dead-letters the record.
 */
public class IdempotentConsumer {

    private static final Logger log = LoggerFactory.getLogger(IdempotentConsumer.class);
    private static final Duration HANDLER_TIMEOUT = Duration.ofSeconds(30);

    private final ReactiveMongoTemplate mongo;
    private final MessagingMetrics metrics;

    public IdempotentConsumer(ReactiveMongoTemplate mongo, MessagingMetrics metrics) {
        this.mongo = mongo;
        this.metrics = metrics;
    }

    /**
     * Decodes the record, skips it if this consumer already applied it, otherwise runs the handler and remembers it.
     *
     * @param consumer a stable name of the effect, e.g. {@code route-suggestion}; one event may feed several
     */
    public void handle(
            ConsumerRecord<String, String> record, String consumer, Function<DomainEvent<?>, Mono<?>> handler) {
        DomainEvent<?> event = CloudEventCodec.decode(record.value());
        String previous = MDC.get(CorrelationId.MDC_KEY);
        if (event.correlationId() != null) {
            MDC.put(CorrelationId.MDC_KEY, event.correlationId());
        }
        try {
            String markerId = ProcessedEvent.idOf(consumer, event.id());
            Boolean seen = mongo.exists(query(where("_id").is(markerId)), ProcessedEvent.class)
                    .block(HANDLER_TIMEOUT);
            if (Boolean.TRUE.equals(seen)) {
                metrics.consumed(record.topic(), consumer, "duplicate");
                log.debug("event {} already applied by {}", event.id(), consumer);
                return;
            }
            handler.apply(event).then().block(HANDLER_TIMEOUT);
            remember(new ProcessedEvent(
                    markerId, consumer, event.id(), event.type().type(), Instant.now()));
            metrics.consumed(record.topic(), consumer, "processed");
        } finally {
            if (previous == null) {
                MDC.remove(CorrelationId.MDC_KEY);
            } else {
                MDC.put(CorrelationId.MDC_KEY, previous);
            }
        }
    }

    private void remember(ProcessedEvent marker) {
        try {
            mongo.insert(marker).block(HANDLER_TIMEOUT);
        } catch (DuplicateKeyException concurrentRedelivery) {
            // another instance applied it at the same moment; the marker is there, which is all we need
        }
    }
}
