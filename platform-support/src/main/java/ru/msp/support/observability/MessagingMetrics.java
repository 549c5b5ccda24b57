package ru.msp.support.observability;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.Supplier;

/**
 * The messaging counters every service exposes on {@code /actuator/prometheus}: {@code msp_events_published_total},
 * {@code msp_events_consumed_total} (outcome processed / duplicate / ignored), {@code msp_events_retried_total},
 * {@code msp_events_dead_lettered_total} and the gauge {@code msp_outbox_pending_events}. Tags are topics and
 * consumer names only: bounded cardinality.
 */
public class MessagingMetrics {

    private final MeterRegistry registry;

    public MessagingMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void published(String topic) {
        Counter.builder("msp.events.published")
                .description("Events published from outboxes and acknowledged by Kafka")
                .tag("topic", topic)
                .register(registry)
                .increment();
    }

    public void consumed(String topic, String consumer, String outcome) {
        Counter.builder("msp.events.consumed")
                .description(
                        "Events handled by idempotent consumers; outcome processed, duplicate or ignored (of no concern to the consumer)")
                .tag("topic", topic)
                .tag("consumer", consumer)
                .tag("outcome", outcome)
                .register(registry)
                .increment();
    }

    public void retried(String topic) {
        Counter.builder("msp.events.retried")
                .description("Failed deliveries that will be retried with back-off")
                .tag("topic", topic)
                .register(registry)
                .increment();
    }

    public void deadLettered(String topic) {
        Counter.builder("msp.events.dead.lettered")
                .description("Records sent to <topic>.DLT after retries or because they cannot be read")
                .tag("topic", topic)
                .register(registry)
                .increment();
    }

    public void outboxPendingGauge(Supplier<Number> pending) {
        Gauge.builder("msp.outbox.pending.events", pending)
                .description("Events written but not yet acknowledged by Kafka, as of the last outbox sweep")
                .register(registry);
    }
}
