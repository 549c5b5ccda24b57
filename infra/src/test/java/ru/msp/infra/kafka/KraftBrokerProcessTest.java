package ru.msp.infra.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KraftBrokerProcessTest {

    private static final String TOPIC = "msp.infra.test";

    @TempDir
    Path dataDir;

    @Test
    void brokerKeepsRecordsOnDiskAcrossARestart() throws Exception {
        int brokerPort = freePort();
        int controllerPort = freePort();
        RecordMetadata written;

        try (KraftBrokerProcess broker = KraftBrokerProcess.create(dataDir, brokerPort, controllerPort)) {
            assertThat(broker.isRunning()).isFalse();
            assertThat(broker.pid()).isEqualTo(-1);
            broker.start();
            assertThat(broker.isRunning()).isTrue();
            assertThat(broker.pid())
                    .isPositive()
                    .isNotEqualTo(ProcessHandle.current().pid());
            assertThat(broker.bootstrapServers()).isEqualTo("127.0.0.1:" + brokerPort);

            written = produce(broker.bootstrapServers(), "teacher-1", "{\"hello\":\"kafka\"}");
            assertThat(readFromStart(broker.bootstrapServers(), written))
                    .extracting(ConsumerRecord::value)
                    .containsExactly("{\"hello\":\"kafka\"}");

            long pid = broker.pid();
            broker.stop();
            assertThat(broker.isRunning()).isFalse();
            assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false))
                    .isFalse();
        }
        assertThat(dataDir.resolve("kafka-logs").resolve(TOPIC + "-" + written.partition()))
                .isDirectory();
        assertThat(dataDir.resolve("broker.log")).isNotEmptyFile();
        String clusterId = Files.readString(dataDir.resolve("cluster.id")).trim();

        // Same directory and ports: storage is not formatted again, the record is still there.
        try (KraftBrokerProcess again = KraftBrokerProcess.create(dataDir, brokerPort, controllerPort)) {
            again.start();
            assertThat(Files.readString(dataDir.resolve("cluster.id")).trim()).isEqualTo(clusterId);
            assertThat(readFromStart(again.bootstrapServers(), written))
                    .extracting(ConsumerRecord::key, ConsumerRecord::value)
                    .containsExactly(tuple("teacher-1", "{\"hello\":\"kafka\"}"));
        }
    }

    @Test
    void failsWithTheLogTailWhenTheBrokerJvmCannotStart() throws Exception {
        KraftBrokerProcess broker = KraftBrokerProcess.create(
                dataDir, freePort(), freePort(), dataDir.resolve("missing.jar").toString());
        assertThatThrownBy(broker::start)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("exited")
                .hasMessageContaining("kafka.Kafka"); // "Could not find or load main class kafka.Kafka"
        assertThat(broker.isRunning()).isFalse();
    }

    private static RecordMetadata produce(String bootstrap, String key, String value) throws Exception {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            return producer.send(new ProducerRecord<>(TOPIC, key, value)).get();
        }
    }

    private static List<ConsumerRecord<String, String>> readFromStart(String bootstrap, RecordMetadata written) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        TopicPartition partition = new TopicPartition(written.topic(), written.partition());
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            consumer.assign(List.of(partition));
            consumer.seek(partition, 0);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (records.size() <= written.offset() && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
        }
        return records;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
