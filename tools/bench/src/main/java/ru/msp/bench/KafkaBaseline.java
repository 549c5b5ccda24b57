package ru.msp.bench;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The yardstick: N records of a diagnostic result's size produced to and consumed from the same broker directly,
 * with the platform's producer settings (acks=all, idempotent). The platform cannot be faster end to end than one
 * pass through the broker; the ratio says how much the services add.
 */
final class KafkaBaseline {

    record Result(int records, int recordBytes, double seconds, double recordsPerSecond) {}

    private KafkaBaseline() {}

    static Result run(String bootstrap, int records, int recordBytes) {
        String topic = "msp.bench.baseline." + UUID.randomUUID();
        Properties common = new Properties();
        common.put("bootstrap.servers", bootstrap);
        try (Admin admin = Admin.create(common)) {
            admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get();
        } catch (Exception e) {
            throw new IllegalStateException("could not create the baseline topic: " + e.getMessage(), e);
        }
        byte[] payload = new byte[recordBytes];
        java.util.Arrays.fill(payload, (byte) 'x');
        Properties producerProps = new Properties();
        producerProps.putAll(common);
        producerProps.putAll(Map.of(
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true",
                ProducerConfig.LINGER_MS_CONFIG, "5",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName()));
        Properties consumerProps = new Properties();
        consumerProps.putAll(common);
        consumerProps.putAll(Map.of(
                ConsumerConfig.GROUP_ID_CONFIG,
                "msp-bench-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                ByteArrayDeserializer.class.getName()));
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(consumerProps);
                KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerProps)) {
            consumer.subscribe(List.of(topic));
            consumer.poll(Duration.ofMillis(500)); // join the group before the clock starts
            long started = System.nanoTime();
            for (int i = 0; i < records; i++) {
                producer.send(new ProducerRecord<>(topic, "teacher-" + i, payload));
            }
            producer.flush();
            int seen = 0;
            long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
            while (seen < records && System.nanoTime() < deadline) {
                ConsumerRecords<String, byte[]> batch = consumer.poll(Duration.ofMillis(200));
                seen += batch.count();
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            if (seen < records) {
                throw new IllegalStateException("baseline: consumed " + seen + " of " + records + " in 5 minutes");
            }
            try (Admin admin = Admin.create(common)) {
                admin.deleteTopics(List.of(topic)).all().get();
            } catch (Exception e) {
                // left for the broker's retention; not worth failing the report
            }
            return new Result(records, recordBytes, seconds, records / seconds);
        }
    }
}
