package ru.msp.indicators.fact;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import ru.msp.contracts.DomainEvent;
import ru.msp.support.consumer.IdempotentConsumer;

/**
 * One listener for the four topics the facts come from. One container thread applies them one after another, so
 * changes of one fact document rarely race (the version guard handles the rest, e.g. a second instance).
 */
@Component
class FactListener {

    private final IdempotentConsumer consumer;
    private final FactFeed feed;
    private final FactStore facts;
    private final Clock clock;
    private final Timer latency;

    FactListener(IdempotentConsumer consumer, FactFeed feed, FactStore facts, Clock clock, MeterRegistry meters) {
        this.consumer = consumer;
        this.feed = feed;
        this.facts = facts;
        this.clock = clock;
        this.latency = Timer.builder("msp_event_to_indicator_seconds")
                .description("From an event's time to the indicator counters it changes being updated")
                .publishPercentiles(0.5, 0.99)
                .register(meters);
    }

    @KafkaListener(
            topics = {"teacher.v1", "diagnostics.v1", "routes.v1", "activities.v1"},
            groupId = "indicators-service.facts")
    void on(List<ConsumerRecord<String, String>> records) {
        // the facts are read once per poll, change event by event, and their counters are written once per poll (a
        // municipality's counters are touched by every event of it)
        FactsToDrain changed = new FactsToDrain();
        try {
            consumer.handleOnly(
                    records,
                    "indicator-facts",
                    FactFeed::concerns,
                    toApply -> feed.preload(toApply).contextWrite(changed::into),
                    event -> feed.apply(event).contextWrite(changed::into),
                    applied -> facts.drain(changed).doOnSuccess(done -> counted(applied)));
        } finally {
            facts.pollEnded(changed);
        }
    }

    private void counted(List<DomainEvent<?>> events) {
        for (DomainEvent<?> event : events) {
            Duration took = Duration.between(event.time(), clock.instant());
            if (!took.isNegative()) {
                latency.record(took);
            }
        }
    }

    /** Counters forget the facts settled a while ago (see FactStore#releaseSettled). */
    @Scheduled(fixedDelayString = "${msp.indicators.release-interval:10s}", initialDelayString = "10s")
    void releaseSettled() {
        facts.releaseSettled(Duration.ofSeconds(60), FactStore.RELEASE_PER_PASS).block(Duration.ofMinutes(5));
    }

    /** What a crash left between a fact write and its counter deltas. */
    @Scheduled(fixedDelayString = "${msp.indicators.drain-interval:30s}", initialDelayString = "5s")
    void drainLeftovers() {
        facts.drainLeftovers().block(Duration.ofMinutes(5));
    }
}
