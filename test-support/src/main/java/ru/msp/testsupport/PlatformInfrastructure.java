package ru.msp.testsupport;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * The one Kafka broker and MongoDB endpoint of a test JVM. With a Docker engine: Testcontainers (real MongoDB, real
 * Kafka). Without: an in-JVM Apache Kafka KRaft broker and mongo-java-server. Choose explicitly with the system
 * property or environment variable {@code MSP_TEST_INFRASTRUCTURE=docker|embedded} (default {@code auto}).
 */
public final class PlatformInfrastructure {

    public static final int PARTITIONS = 3;
    public static final String DATABASE = "msp_test";
    private static final Logger log = LoggerFactory.getLogger(PlatformInfrastructure.class);
    private static Endpoints endpoints;

    /** Where the shared infrastructure answers. */
    public record Endpoints(String kafkaBootstrapServers, String mongoUri, String mode) {}

    private PlatformInfrastructure() {}

    public static synchronized Endpoints start() {
        if (endpoints == null) {
            long started = System.nanoTime();
            endpoints = useDocker() ? startContainers() : startEmbedded();
            log.info(
                    "Test infrastructure ({}) ready in {} ms: kafka {}, mongo {}",
                    endpoints.mode(),
                    (System.nanoTime() - started) / 1_000_000,
                    endpoints.kafkaBootstrapServers(),
                    endpoints.mongoUri());
        }
        return endpoints;
    }

    private static boolean useDocker() {
        String choice = System.getProperty("MSP_TEST_INFRASTRUCTURE", System.getenv("MSP_TEST_INFRASTRUCTURE"));
        String mode = choice == null ? "auto" : choice.toLowerCase(Locale.ROOT);
        return switch (mode) {
            case "docker" -> true;
            case "embedded" -> false;
            default -> dockerAnswers();
        };
    }

    private static boolean dockerAnswers() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    @SuppressWarnings("resource") // containers live as long as the JVM; Testcontainers' reaper removes them
    private static Endpoints startContainers() {
        KafkaContainer kafka = new KafkaContainer("apache/kafka:3.9.1");
        MongoDBContainer mongo = new MongoDBContainer("mongo:8.0");
        kafka.start();
        mongo.start();
        return new Endpoints(kafka.getBootstrapServers(), mongo.getConnectionString() + "/" + DATABASE, "docker");
    }

    private static Endpoints startEmbedded() {
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, PARTITIONS);
        broker.brokerProperty("auto.create.topics.enable", "true");
        broker.brokerProperty("group.initial.rebalance.delay.ms", "0");
        broker.afterPropertiesSet();
        MongoServer mongo = new MongoServer(new MemoryBackend());
        mongo.bind("127.0.0.1", 0);
        InetSocketAddress address = mongo.getLocalAddress();
        // Stopped when the JVM ends, after the tests: Spring's cached contexts close in their own hook.
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            mongo.shutdownNow();
                            broker.destroy();
                        },
                        "test-infrastructure-stop"));
        String mongoUri = "mongodb://" + address.getHostString() + ":" + address.getPort() + "/" + DATABASE;
        return new Endpoints(broker.getBrokersAsString(), mongoUri, "embedded");
    }
}
