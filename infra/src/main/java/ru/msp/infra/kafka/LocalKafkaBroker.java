package ru.msp.infra.kafka;

import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import ru.msp.infra.CliArgs;

/**
 * The local platform's Kafka broker: {@code --data DIR --port 9092 --controller-port 9093}.
 *
 * <p>Writes {@code DIR/server.properties} (the same single-node KRaft config as {@link KraftBrokerProcess}), formats
 * {@code DIR/kafka-logs} the first time only (the cluster id stays in {@code DIR/cluster.id}), then runs {@code
 * kafka.Kafka} in this very JVM, so the launcher's pid is the broker's pid and SIGTERM runs Kafka's own controlled
 * shutdown. The broker's application log goes to stdout; its topic data stays in {@code DIR} across restarts. Prints
 * {@value #READY_MARKER} once the broker answers a metadata request.
 */
public final class LocalKafkaBroker {

    public static final String READY_MARKER = "msp-infra: kafka broker ready";

    private LocalKafkaBroker() {}

    public static void main(String[] args) {
        CliArgs.useConsoleLogging();
        CliArgs options;
        try {
            options = CliArgs.parse(args, Set.of("data", "port", "controller-port"));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println("usage: LocalKafkaBroker --data DIR [--port 9092] [--controller-port 9093]");
            System.exit(64);
            return;
        }
        Path dataDir = Path.of(options.get("data", ".platform/data/kafka"))
                .toAbsolutePath()
                .normalize();
        int port = options.getPort("port", 9092);
        int controllerPort = options.getPort("controller-port", 9093);

        Path properties;
        try {
            properties = KraftBrokerProcess.prepare(dataDir, port, controllerPort);
        } catch (RuntimeException e) {
            System.err.println("msp-infra: could not prepare Kafka storage in " + dataDir + ": " + e.getMessage());
            System.exit(1);
            return;
        }
        System.out.println("msp-infra: starting Kafka broker (KRaft) on 127.0.0.1:" + port + ", controller 127.0.0.1:"
                + controllerPort + ", data " + dataDir);
        Thread readiness = new Thread(() -> announceWhenReady(port), "msp-kafka-readiness");
        readiness.setDaemon(true);
        readiness.start();
        // Blocks until the broker shuts down; exits the JVM itself (0 after a clean shutdown, 1 on a fatal error).
        kafka.Kafka.main(new String[] {properties.toString()});
    }

    private static void announceWhenReady(int port) {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + port);
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, "msp-infra-readiness");
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000);
        config.put(AdminClientConfig.RECONNECT_BACKOFF_MS_CONFIG, 100);
        config.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 500);
        long started = System.nanoTime();
        try {
            while (!KraftBrokerProcess.isPortOpen(port)) {
                Thread.sleep(100);
            }
        } catch (InterruptedException e) {
            return;
        }
        try (Admin admin = Admin.create(config)) {
            while (true) {
                try {
                    if (!admin.describeCluster(new DescribeClusterOptions().timeoutMs(2500))
                            .nodes()
                            .get(3, TimeUnit.SECONDS)
                            .isEmpty()) {
                        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
                        System.out.println(READY_MARKER + " on 127.0.0.1:" + port + " (" + millis + " ms)");
                        return;
                    }
                } catch (InterruptedException e) {
                    return;
                } catch (Exception notYet) {
                    // keep asking until the broker answers
                }
                Thread.sleep(200);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
