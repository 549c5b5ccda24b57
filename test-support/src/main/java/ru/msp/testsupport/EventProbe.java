package ru.msp.testsupport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import ru.msp.contracts.CloudEventCodec;
import ru.msp.contracts.DomainEvent;
import ru.msp.contracts.MalformedEventException;

/**
 * Reads a topic of the shared broker from the beginning, as an outside consumer would, and waits for events. The
 * broker is shared by every test of the JVM, so tests look for their own events with a predicate.
 */
public final class EventProbe implements AutoCloseable {

    private final KafkaConsumer<String, String> consumer;
    private final List<ConsumerRecord<String, String>> seen = new ArrayList<>();

    public EventProbe(String topic) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                PlatformInfrastructure.start().kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG,
                "probe-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                "false",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class));
        consumer.subscribe(List.of(topic));
    }

    /** Every decodable event seen so far that matches, after polling for at most {@code within}. */
    public List<DomainEvent<?>> events(Predicate<DomainEvent<?>> filter, Duration within) {
        poll(within);
        return decoded().stream().filter(filter).toList();
    }

    /** Waits until at least {@code count} matching events have arrived and returns them. */
    public List<DomainEvent<?>> await(Predicate<DomainEvent<?>> filter, int count, Duration timeout) {
        org.awaitility.Awaitility.await()
                .atMost(timeout)
                .pollInterval(Duration.ofMillis(50))
                .until(() -> {
                    poll(Duration.ofMillis(200));
                    return decoded().stream().filter(filter).count() >= count;
                });
        return decoded().stream().filter(filter).toList();
    }

    /** Raw records, including ones that are not valid events (for dead-letter checks). */
    public List<ConsumerRecord<String, String>> records(Duration within) {
        poll(within);
        return List.copyOf(seen);
    }

    public List<ConsumerRecord<String, String>> awaitRecords(
            Predicate<ConsumerRecord<String, String>> filter, int count, Duration timeout) {
        org.awaitility.Awaitility.await()
                .atMost(timeout)
                .pollInterval(Duration.ofMillis(50))
                .until(() -> {
                    poll(Duration.ofMillis(200));
                    return seen.stream().filter(filter).count() >= count;
                });
        return seen.stream().filter(filter).toList();
    }

    private void poll(Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        do {
            consumer.poll(Duration.ofMillis(100)).forEach(seen::add);
        } while (System.nanoTime() < deadline);
    }

    private List<DomainEvent<?>> decoded() {
        List<DomainEvent<?>> events = new ArrayList<>();
        for (ConsumerRecord<String, String> record : seen) {
            try {
                events.add(CloudEventCodec.decode(record.value()));
            } catch (MalformedEventException ignored) {
                // poison records are tests' own fixtures; callers that want them use records()
            }
        }
        return events;
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(2));
    }
}
