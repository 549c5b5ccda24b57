package ru.msp.infra.kafka;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.Uuid;

/**
 * A real Apache Kafka broker in KRaft combined mode ({@code process.roles=broker,controller}) running as a child JVM
 * ({@code java -cp <classpath> kafka.Kafka server.properties}).
 *
 * <p>Everything lives in {@code dataDir}: {@code server.properties}, the logging configs, the broker's own log
 * ({@code broker.log}, plus {@code broker.out} for the child's stdout/stderr), the cluster id ({@code cluster.id}) and the
 * topic data ({@code kafka-logs/}). Storage is formatted only once, so a broker started again on the same directory
 * and ports finds its topics and records again.
 *
 * <p>The child's classpath is {@code System.getProperty("java.class.path")} unless the system property {@value
 * #CLASSPATH_PROPERTY} or {@link #create(Path, int, int, String)} says otherwise; it must hold the Kafka broker jars
 * ({@code kafka_2.13}, {@code kafka-server}, ...) and one SLF4J provider (Log4j 2 or Logback: a config for both is
 * written).
 */
public final class KraftBrokerProcess implements AutoCloseable {

    /** System property overriding the child JVM's classpath. */
    public static final String CLASSPATH_PROPERTY = "msp.infra.kafka.classpath";

    /** System property overriding the child JVM's options (default {@value #DEFAULT_JVM_OPTIONS}). */
    public static final String JVM_OPTIONS_PROPERTY = "msp.infra.kafka.jvm-options";

    static final String DEFAULT_JVM_OPTIONS = "-Xms64m -Xmx512m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss512k";
    static final String SERVER_PROPERTIES = "server.properties";
    static final String CLUSTER_ID_FILE = "cluster.id";
    static final String LOG_DIR = "kafka-logs";
    static final String BROKER_LOG = "broker.log";
    static final String BROKER_OUT = "broker.out";
    static final String LOG4J2_CONFIG = "log4j2.xml";
    static final String LOGBACK_CONFIG = "logback.xml";

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    private static final int MAX_INLINE_CLASSPATH = 64 * 1024;

    private final Path dataDir;
    private final int brokerPort;
    private final int controllerPort;
    private final String classpath;
    private final Path serverProperties;

    private volatile Process process;
    private Thread shutdownHook;

    private KraftBrokerProcess(
            Path dataDir, int brokerPort, int controllerPort, String classpath, Path serverProperties) {
        this.dataDir = dataDir;
        this.brokerPort = brokerPort;
        this.controllerPort = controllerPort;
        this.classpath = classpath;
        this.serverProperties = serverProperties;
    }

    /**
     * Writes {@code server.properties} and the logging configs into {@code dataDir} and formats the storage unless it
     * is formatted already (the cluster id is kept in {@code dataDir/cluster.id}). Does not start the broker.
     */
    public static KraftBrokerProcess create(Path dataDir, int brokerPort, int controllerPort) {
        return create(dataDir, brokerPort, controllerPort, defaultClasspath());
    }

    /** As {@link #create(Path, int, int)}, with an explicit classpath for the child JVM. */
    public static KraftBrokerProcess create(Path dataDir, int brokerPort, int controllerPort, String classpath) {
        if (brokerPort == controllerPort) {
            throw new IllegalArgumentException("broker and controller ports must differ: " + brokerPort);
        }
        if (classpath == null || classpath.isBlank()) {
            throw new IllegalArgumentException("classpath for the broker JVM is empty");
        }
        Path dir = dataDir.toAbsolutePath().normalize();
        Path properties = prepare(dir, brokerPort, controllerPort);
        writeFileLoggingConfigs(dir);
        return new KraftBrokerProcess(dir, brokerPort, controllerPort, classpath, properties);
    }

    /**
     * Starts the child JVM and waits (at most 60 s) until the broker answers a metadata request.
     *
     * @throws IllegalStateException with the tail of the broker log when it does not come up
     */
    public synchronized void start() {
        if (isRunning()) {
            return;
        }
        requirePortFree(brokerPort, "broker");
        requirePortFree(controllerPort, "controller");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String option : System.getProperty(JVM_OPTIONS_PROPERTY, DEFAULT_JVM_OPTIONS)
                .trim()
                .split("\\s+")) {
            if (!option.isEmpty()) {
                command.add(option);
            }
        }
        command.add("-Djava.awt.headless=true");
        command.add("-Dkafka.logs.dir=" + dataDir);
        command.add("-Dlog4j2.configurationFile=" + dataDir.resolve(LOG4J2_CONFIG));
        command.add("-Dlogback.configurationFile=" + dataDir.resolve(LOGBACK_CONFIG));
        command.add("-Dmsp.infra.role=kafka-broker");
        if (classpath.length() > MAX_INLINE_CLASSPATH) {
            // A single argument may not exceed 128 KiB on Linux: hand the classpath over in a JDK argument file.
            command.add("@" + writeClasspathArgFile());
        } else {
            command.add("-cp");
            command.add(classpath);
        }
        command.add("kafka.Kafka");
        command.add(serverProperties.toString());

        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(dataDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        dataDir.resolve(BROKER_OUT).toFile()));
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("Could not start the Kafka broker JVM: " + e.getMessage(), e);
        }
        registerShutdownHook();
        try {
            awaitReady();
        } catch (RuntimeException e) {
            stop();
            throw e;
        }
    }

    /** Stops the broker gracefully (SIGTERM), waiting at most 30 s before killing it. */
    public synchronized void stop() {
        Process current = process;
        if (current == null) {
            return;
        }
        try {
            terminate(current);
        } finally {
            closeQuietly(current.getOutputStream());
            process = null;
            unregisterShutdownHook();
        }
    }

    private static void terminate(Process current) {
        try {
            if (current.isAlive()) {
                current.destroy();
                if (!current.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                    current.destroyForcibly();
                    current.waitFor(10, TimeUnit.SECONDS);
                }
            }
        } catch (InterruptedException e) {
            current.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    public boolean isRunning() {
        Process current = process;
        return current != null && current.isAlive();
    }

    /** The child JVM's pid, or -1 when it has not been started. */
    public long pid() {
        Process current = process;
        return current == null ? -1 : current.pid();
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + brokerPort;
    }

    public Path dataDir() {
        return dataDir;
    }

    @Override
    public void close() {
        stop();
    }

    // ---------------------------------------------------------------- readiness

    private void awaitReady() {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, "msp-infra-readiness");
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000);
        config.put(AdminClientConfig.RECONNECT_BACKOFF_MS_CONFIG, 100);
        config.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 500);
        config.put(AdminClientConfig.RETRY_BACKOFF_MS_CONFIG, 100);
        config.put(AdminClientConfig.RETRY_BACKOFF_MAX_MS_CONFIG, 500);
        String lastProblem = "port not open";
        // Wait for the listener first: an admin client on a closed port fills the caller's log with warnings.
        while (!isPortOpen(brokerPort) && System.nanoTime() < deadline) {
            if (!isRunning()) {
                break;
            }
            sleep(100);
        }
        try (Admin admin = Admin.create(config)) {
            while (System.nanoTime() < deadline) {
                if (!isRunning()) {
                    Process dead = process;
                    throw new IllegalStateException("Kafka broker JVM exited with code "
                            + (dead == null ? "?" : dead.exitValue()) + " during start-up\n" + logTail());
                }
                try {
                    Collection<Node> nodes = admin.describeCluster(new DescribeClusterOptions().timeoutMs(2500))
                            .nodes()
                            .get(3, TimeUnit.SECONDS);
                    if (!nodes.isEmpty()) {
                        return;
                    }
                    lastProblem = "cluster has no nodes yet";
                } catch (ExecutionException | TimeoutException e) {
                    lastProblem = String.valueOf(e.getCause() == null ? e : e.getCause());
                    sleep(200);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted while waiting for the Kafka broker", e);
                }
            }
        }
        throw new IllegalStateException("Kafka broker on " + bootstrapServers() + " did not answer within "
                + START_TIMEOUT.toSeconds() + " s (" + lastProblem + ")\n" + logTail());
    }

    private String logTail() {
        StringBuilder tail = new StringBuilder();
        for (String name : List.of(BROKER_OUT, BROKER_LOG)) {
            Path file = dataDir.resolve(name);
            tail.append("---- last lines of ").append(file).append(" ----\n");
            tail.append(tail(file, 60));
        }
        return tail.toString();
    }

    static String tail(Path file, int lines) {
        if (!Files.isRegularFile(file)) {
            return "(missing)\n";
        }
        try {
            List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
            StringBuilder text = new StringBuilder();
            for (String line : all.subList(Math.max(0, all.size() - lines), all.size())) {
                text.append(line).append('\n');
            }
            return text.toString();
        } catch (IOException | UncheckedIOException e) {
            return "(unreadable: " + e.getMessage() + ")\n";
        }
    }

    // ---------------------------------------------------------------- configuration and storage

    private static String defaultClasspath() {
        return System.getProperty(CLASSPATH_PROPERTY, System.getProperty("java.class.path"));
    }

    /**
     * Writes {@code dataDir/server.properties} for a single-node KRaft broker+controller and formats the storage in
     * {@code dataDir/kafka-logs} unless it holds a formatted log already. Returns the properties file.
     */
    static Path prepare(Path dataDir, int brokerPort, int controllerPort) {
        try {
            Files.createDirectories(dataDir.resolve(LOG_DIR));
            Path properties = dataDir.resolve(SERVER_PROPERTIES);
            Files.writeString(properties, serverProperties(dataDir, brokerPort, controllerPort));
            formatIfNeeded(dataDir, properties);
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not prepare the Kafka data directory " + dataDir, e);
        }
    }

    static String serverProperties(Path dataDir, int brokerPort, int controllerPort) {
        String logDirs = dataDir.resolve(LOG_DIR).toString().replace("\\", "\\\\");
        return String.join(
                        "\n",
                        "# Written by ru.msp.infra.kafka (msp-infra) on every start; edits are overwritten.",
                        "process.roles=broker,controller",
                        "node.id=1",
                        "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                        "listeners=PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort,
                        "advertised.listeners=PLAINTEXT://127.0.0.1:" + brokerPort,
                        "controller.listener.names=CONTROLLER",
                        "inter.broker.listener.name=PLAINTEXT",
                        "listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
                        "log.dirs=" + logDirs,
                        "num.partitions=3",
                        "default.replication.factor=1",
                        "min.insync.replicas=1",
                        "offsets.topic.replication.factor=1",
                        "offsets.topic.num.partitions=10",
                        "transaction.state.log.replication.factor=1",
                        "transaction.state.log.min.isr=1",
                        "transaction.state.log.num.partitions=10",
                        "share.coordinator.state.topic.replication.factor=1",
                        "share.coordinator.state.topic.min.isr=1",
                        "group.initial.rebalance.delay.ms=0",
                        "auto.create.topics.enable=true",
                        "delete.topic.enable=true",
                        "num.network.threads=2",
                        "num.io.threads=4",
                        "num.recovery.threads.per.data.dir=1",
                        "log.retention.hours=168",
                        "log.segment.bytes=67108864",
                        // The cleaner allocates its dedupe buffer on the heap up front: 128 MiB by default.
                        "log.cleaner.dedupe.buffer.size=16777216",
                        // After a kill -9 the restarted broker cannot register until the old session expires (9 s by
                        // default).
                        "broker.session.timeout.ms=4000",
                        "broker.heartbeat.interval.ms=1000",
                        "")
                + "\n";
    }

    private static void formatIfNeeded(Path dataDir, Path properties) throws IOException {
        Path metaProperties = dataDir.resolve(LOG_DIR).resolve("meta.properties");
        Path clusterIdFile = dataDir.resolve(CLUSTER_ID_FILE);
        if (Files.isRegularFile(metaProperties)) {
            if (!Files.isRegularFile(clusterIdFile)) {
                Properties meta = new Properties();
                try (InputStream in = Files.newInputStream(metaProperties)) {
                    meta.load(in);
                }
                String id = meta.getProperty("cluster.id");
                if (id != null) {
                    Files.writeString(clusterIdFile, id + "\n");
                }
            }
            return;
        }
        String clusterId = Files.isRegularFile(clusterIdFile)
                ? Files.readString(clusterIdFile).trim()
                : Uuid.randomUuid().toString();
        Files.writeString(clusterIdFile, clusterId + "\n");
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int exitCode;
        try (PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8)) {
            // StorageTool.execute, unlike StorageTool.main, returns instead of exiting the JVM.
            exitCode = kafka.tools.StorageTool.execute(
                    new String[] {"format", "-t", clusterId, "-c", properties.toString(), "--ignore-formatted"}, out);
        } catch (RuntimeException e) {
            throw new IllegalStateException(
                    "Formatting Kafka storage in " + dataDir + " failed: " + e + "\n" + output, e);
        }
        String text = output.toString(StandardCharsets.UTF_8);
        Files.writeString(dataDir.resolve("format.out"), text, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        if (exitCode != 0 || !Files.isRegularFile(metaProperties)) {
            throw new IllegalStateException(
                    "Formatting Kafka storage in " + dataDir + " failed (exit " + exitCode + "):\n" + text);
        }
    }

    /** Log4j 2 and Logback configs for the child JVM, both writing to {@code dataDir/broker.log} only. */
    static void writeFileLoggingConfigs(Path dataDir) {
        String logFile = dataDir.resolve(BROKER_LOG).toString();
        String log4j2 = """
                <?xml version="1.0" encoding="UTF-8"?>
                <!-- Written by msp-infra: the child Kafka broker logs to broker.log only. -->
                <Configuration status="WARN">
                  <Appenders>
                    <RollingFile name="file" fileName="%1$s" filePattern="%1$s.%%i">
                      <PatternLayout pattern="[%%d] %%p %%m (%%c)%%n"/>
                      <Policies><SizeBasedTriggeringPolicy size="20 MB"/></Policies>
                      <DefaultRolloverStrategy max="2"/>
                    </RollingFile>
                  </Appenders>
                  <Loggers>
                    <Root level="INFO"><AppenderRef ref="file"/></Root>
                    <Logger name="kafka.request.logger" level="WARN"/>
                    <Logger name="org.apache.kafka.clients" level="WARN"/>
                    <Logger name="org.apache.kafka.common.config" level="WARN"/>
                    <Logger name="org.apache.kafka.common.utils.AppInfoParser" level="WARN"/>
                    <Logger name="state.change.logger" level="WARN"/>
                  </Loggers>
                </Configuration>
                """.formatted(xmlEscape(logFile));
        String logback = """
                <?xml version="1.0" encoding="UTF-8"?>
                <!-- Written by msp-infra: the child Kafka broker logs to broker.log only. -->
                <configuration>
                  <appender name="file" class="ch.qos.logback.core.rolling.RollingFileAppender">
                    <file>%1$s</file>
                    <rollingPolicy class="ch.qos.logback.core.rolling.FixedWindowRollingPolicy">
                      <fileNamePattern>%1$s.%%i</fileNamePattern>
                      <minIndex>1</minIndex>
                      <maxIndex>2</maxIndex>
                    </rollingPolicy>
                    <triggeringPolicy class="ch.qos.logback.core.rolling.SizeBasedTriggeringPolicy">
                      <maxFileSize>20MB</maxFileSize>
                    </triggeringPolicy>
                    <encoder><pattern>[%%d] %%p %%m \\(%%logger\\)%%n</pattern></encoder>
                  </appender>
                  <root level="INFO"><appender-ref ref="file"/></root>
                  <logger name="kafka.request.logger" level="WARN"/>
                  <logger name="org.apache.kafka.clients" level="WARN"/>
                  <logger name="org.apache.kafka.common.config" level="WARN"/>
                  <logger name="org.apache.kafka.common.utils.AppInfoParser" level="WARN"/>
                  <logger name="state.change.logger" level="WARN"/>
                </configuration>
                """.formatted(xmlEscape(logFile));
        try {
            Files.writeString(dataDir.resolve(LOG4J2_CONFIG), log4j2);
            Files.writeString(dataDir.resolve(LOGBACK_CONFIG), logback);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the broker logging configs into " + dataDir, e);
        }
    }

    private static String xmlEscape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }

    // ---------------------------------------------------------------- helpers

    private Path writeClasspathArgFile() {
        Path argFile = dataDir.resolve("classpath.args");
        String quoted = classpath.replace("\\", "\\\\").replace("\"", "\\\"");
        try {
            Files.writeString(argFile, "-cp \"" + quoted + "\"\n");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + argFile, e);
        }
        return argFile;
    }

    /** True when something accepts TCP connections on 127.0.0.1:{@code port}. */
    static boolean isPortOpen(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void requirePortFree(int port, String what) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port));
        } catch (IOException e) {
            throw new IllegalStateException(
                    "Kafka " + what + " port 127.0.0.1:" + port + " is in use (another broker still running?)", e);
        }
    }

    private void registerShutdownHook() {
        // Not stop(): that is synchronized, and start() may hold the lock while the JVM shuts down.
        Thread hook = new Thread(
                () -> {
                    Process current = process;
                    if (current != null) {
                        terminate(current);
                    }
                },
                "msp-kafka-broker-stop");
        try {
            Runtime.getRuntime().addShutdownHook(hook);
            shutdownHook = hook;
        } catch (IllegalStateException alreadyShuttingDown) {
            shutdownHook = null;
        }
    }

    private void unregisterShutdownHook() {
        Thread hook = shutdownHook;
        shutdownHook = null;
        if (hook != null && hook != Thread.currentThread()) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException alreadyShuttingDown) {
                // the hook runs (or ran) anyway
            }
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // nothing to do
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the Kafka broker", e);
        }
    }

    @Override
    public String toString() {
        return "KraftBrokerProcess[" + bootstrapServers() + ", controller 127.0.0.1:" + controllerPort + ", pid "
                + pid() + ", data " + dataDir + "]";
    }
}
