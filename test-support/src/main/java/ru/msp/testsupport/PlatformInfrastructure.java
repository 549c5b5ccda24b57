package ru.msp.testsupport;

import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;
import ru.msp.infra.mongo.LocalMongoServer;

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
            quietInfrastructureLogs();
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

    /**
     * Before Spring Boot configures logging (then {@code logging.level.*} of the platform defaults apply), logback
     * runs its basic DEBUG configuration: keep the broker's and clients' start-up chatter out of test output.
     */
    private static void quietInfrastructureLogs() {
        if (LoggerFactory.getILoggerFactory() instanceof ch.qos.logback.classic.LoggerContext context) {
            context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(ch.qos.logback.classic.Level.INFO);
            for (String noisy : new String[] {
                "org.apache.kafka",
                "kafka",
                "state.change.logger",
                "org.testcontainers",
                "de.bwaldvogel",
                "com.github.dockerjava"
            }) {
                context.getLogger(noisy).setLevel(ch.qos.logback.classic.Level.WARN);
            }
            // Docker detection logs an ERROR block when no engine answers: the expected embedded case
            context.getLogger("org.testcontainers.dockerclient").setLevel(ch.qos.logback.classic.Level.OFF);
        }
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
        // in memory, and answering the health indicator's `hello` as the local platform's server does
        LocalMongoServer mongo = LocalMongoServer.start(0, null);
        // Stopped when the JVM ends, after the tests: Spring's cached contexts close in their own hook.
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            mongo.close();
                            broker.destroy();
                        },
                        "test-infrastructure-stop"));
        String mongoUri = "mongodb://" + LocalMongoServer.HOST + ":" + mongo.port() + "/" + DATABASE;
        return new Endpoints(broker.getBrokersAsString(), mongoUri, "embedded");
    }
}
