package ru.msp.infra.mongo;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.AbstractMongoBackend;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.h2.mvstore.MVStore;
import ru.msp.infra.CliArgs;

/**
 * The local platform's MongoDB endpoint: a MongoDB wire-protocol server (de.bwaldvogel mongo-java-server) on
 * 127.0.0.1.
 *
 * <p>{@code --port N} (default 27018), {@code --file PATH}: an H2 MVStore file, so data survives a restart; without
 * it the data lives in memory only; {@code --cache-mb N} (default 256): the H2 page cache. SIGTERM (or {@link #close()}) stops listening and closes the store.
 *
 * <p>Unlike plain mongo-java-server, non-unique indexes exist ({@link SecondaryIndex}) and a query uses the index
 * that narrows it most even when it has more fields than the index ({@link QueryPlanner}).
 *
 * <p>Besides what mongo-java-server answers, the {@code hello} command (sent by Spring Boot's MongoDB health indicator
 * and by drivers that saw {@code helloOk}) is answered like {@code isMaster}, plus {@code isWritablePrimary: true}.
 * {@code listDatabases} (the same health indicator's first call) answers from the databases already open: the library
 * opened a new copy of every database for it, which on the H2 backend rebuilt every secondary index from every
 * document, so each service health check read the whole store and left the copies to the garbage collector.
 */
public final class LocalMongoServer implements AutoCloseable {

    public static final int DEFAULT_PORT = 27018;
    public static final String HOST = "127.0.0.1";
    public static final int DEFAULT_CACHE_MB = 256;
    /** H2's own default: chunks less than 90% live are rewritten in the background. */
    public static final int DEFAULT_COMPACT_FILL_RATE = 90;

    private final MongoServer server;
    private final MongoBackend backend;
    private final CountCommand counts;
    private final AtomicLong databasesOpened;
    private final int port;
    private final Path file;
    private boolean closed;

    private LocalMongoServer(
            MongoServer server,
            MongoBackend backend,
            CountCommand counts,
            AtomicLong databasesOpened,
            int port,
            Path file) {
        this.server = server;
        this.backend = backend;
        this.counts = counts;
        this.databasesOpened = databasesOpened;
        this.port = port;
        this.file = file;
    }

    /**
     * Binds a server on 127.0.0.1:{@code port} ({@code 0}: any free port) backed by the H2 MVStore {@code file}, or by
     * memory when {@code file} is null.
     */
    public static LocalMongoServer start(int port, Path file) {
        return start(port, file, DEFAULT_CACHE_MB);
    }

    /** As {@link #start(int, Path)}, with the H2 page cache of {@code cacheMegabytes} (ignored in memory). */
    public static LocalMongoServer start(int port, Path file, int cacheMegabytes) {
        return start(port, file, cacheMegabytes, DEFAULT_COMPACT_FILL_RATE);
    }

    /**
     * As {@link #start(int, Path, int)}; H2 rewrites chunks whose live share fell below {@code compactFillRate}
     * percent (0: never; the file then grows with the writes until chunks empty entirely).
     */
    public static LocalMongoServer start(int port, Path file, int cacheMegabytes, int compactFillRate) {
        MongoBackend backend;
        CountCommand counts = new CountCommand();
        AtomicLong databasesOpened = new AtomicLong();
        Path absolute = null;
        if (file != null) {
            absolute = file.toAbsolutePath().normalize();
            try {
                if (absolute.getParent() != null) {
                    Files.createDirectories(absolute.getParent());
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Could not create the directory of " + absolute, e);
            }
            backend = new H2BackendWithHello(
                    counts,
                    databasesOpened,
                    new MVStore.Builder()
                            .fileName(absolute.toString())
                            // Pages in the cache keep their documents decoded: each page read from the file costs
                            // decoding every document on it. The default 16 MB made scans of a few thousand teachers
                            // take seconds.
                            .cacheSize(cacheMegabytes)
                            .autoCompactFillRate(compactFillRate)
                            .open());
        } else {
            backend = new MemoryBackendWithHello(counts, databasesOpened);
        }
        MongoServer server = new MongoServer(backend);
        try {
            server.bind(HOST, port);
        } catch (RuntimeException e) {
            backend.close();
            throw new IllegalStateException("Could not bind mongo-java-server to " + HOST + ":" + port, e);
        }
        return new LocalMongoServer(
                server,
                backend,
                counts,
                databasesOpened,
                server.getLocalAddress().getPort(),
                absolute);
    }

    public int port() {
        return port;
    }

    /** {@code mongodb://127.0.0.1:<port>}. */
    public String connectionString() {
        return "mongodb://" + HOST + ":" + port;
    }

    /** The H2 MVStore file, or null for the in-memory backend. */
    public Path file() {
        return file;
    }

    /** The index choices of a collection, to check in tests which index a query would use. */
    QueryPlanner<?> plannerOf(String database, String collection) {
        MongoCollection<?> resolved =
                ((AbstractMongoBackend) backend).resolveDatabase(database).resolveCollection(collection, true);
        if (resolved instanceof PlannedH2Collection h2) {
            return h2.planner();
        }
        return ((PlannedMemoryCollection) resolved).planner();
    }

    /** How many {@code countDocuments} were answered through the collection's query (see {@link CountCommand}). */
    long countsAnswered() {
        return counts.answered();
    }

    /**
     * How many database objects the backend created since it started (those of a file's existing databases not
     * counted): one per database, however often databases are listed.
     */
    long databasesOpened() {
        return databasesOpened.get();
    }

    /** Stops listening, closes the client connections and the backend (commits and closes the H2 store). */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            server.shutdown(); // also closes the backend (commits and closes the H2 store)
        } catch (RuntimeException e) {
            backend.close(); // make sure the MVStore is closed even if the shutdown failed half-way
            throw e;
        }
    }

    public static void main(String[] args) throws InterruptedException {
        CliArgs.useConsoleLogging();
        CliArgs options;
        try {
            options = CliArgs.parse(args, Set.of("port", "file", "cache-mb", "compact-fill-rate"));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println("usage: LocalMongoServer [--port 27018] [--file PATH.mv] [--cache-mb 256]"
                    + " [--compact-fill-rate 90]");
            System.exit(64);
            return;
        }
        int port = options.getPort("port", DEFAULT_PORT);
        String fileOption = options.get("file");
        Path file = fileOption == null || fileOption.isBlank() ? null : Path.of(fileOption);

        LocalMongoServer mongo;
        try {
            mongo = start(
                    port,
                    file,
                    options.getPositive("cache-mb", DEFAULT_CACHE_MB),
                    options.getPercent("compact-fill-rate", DEFAULT_COMPACT_FILL_RATE));
        } catch (RuntimeException e) {
            System.err.println("msp-infra: " + e.getMessage() + (e.getCause() == null ? "" : ": " + e.getCause()));
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            System.out.println("msp-infra: mongo-java-server shutting down");
                            try {
                                mongo.close();
                            } finally {
                                System.out.println("msp-infra: mongo-java-server stopped");
                                stopped.countDown();
                            }
                        },
                        "msp-mongo-shutdown"));
        System.out.println("mongo-java-server listening on " + HOST + ":" + mongo.port() + " ("
                + (mongo.file() == null ? "in-memory" : "H2 file " + mongo.file()) + ")");
        stopped.await();
    }

    /** {@code hello} is the newer name of {@code isMaster}; mongo-java-server 1.47 knows only the old one. */
    static Document answerHello(Document isMasterAnswer) {
        isMasterAnswer.put("isWritablePrimary", Boolean.TRUE);
        isMasterAnswer.put("helloOk", Boolean.TRUE);
        return isMasterAnswer;
    }

    private static boolean isHello(String command) {
        return "hello".equalsIgnoreCase(command);
    }

    private static boolean isListDatabases(String databaseName, String command) {
        return "admin".equals(databaseName) && "listDatabases".equalsIgnoreCase(command);
    }

    /** The library's answer to {@code listDatabases}, built from the databases {@code resolve} keeps open. */
    static Document listDatabases(Set<String> names, Function<String, MongoDatabase> resolve) {
        List<Document> databases = new ArrayList<>();
        for (String name : names.stream().sorted().toList()) {
            MongoDatabase database = resolve.apply(name);
            Document entry = new Document("name", database.getDatabaseName());
            entry.put("empty", database.isEmpty());
            databases.add(entry);
        }
        Document answer = new Document("databases", databases);
        Utils.markOkay(answer);
        return answer;
    }

    private static final class H2BackendWithHello extends H2Backend {
        private final CountCommand counts;
        private final AtomicLong opened;

        H2BackendWithHello(CountCommand counts, AtomicLong opened, MVStore store) {
            super(store);
            this.counts = counts;
            this.opened = opened;
        }

        @Override
        protected MongoDatabase openOrCreateDatabase(String databaseName) {
            if (opened != null) { // null while the library's constructor opens the databases found in the file
                opened.incrementAndGet();
            }
            return new IndexedH2Database(databaseName, getMvStore(), getCursorRegistry());
        }

        @Override
        public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
            if (isHello(command)) {
                return answerHello(super.handleCommand(channel, databaseName, "isMaster", query));
            }
            if (isListDatabases(databaseName, command)) {
                return listDatabases(listDatabaseNames(), this::resolveDatabase);
            }
            Document count = counts.answer(this, databaseName, command, query);
            return count != null ? count : super.handleCommand(channel, databaseName, command, query);
        }
    }

    private static final class MemoryBackendWithHello extends MemoryBackend {
        private final CountCommand counts;
        private final AtomicLong opened;

        MemoryBackendWithHello(CountCommand counts, AtomicLong opened) {
            this.counts = counts;
            this.opened = opened;
        }

        @Override
        public MemoryDatabase openOrCreateDatabase(String databaseName) {
            opened.incrementAndGet();
            return new IndexedMemoryDatabase(databaseName, getCursorRegistry());
        }

        @Override
        public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
            if (isHello(command)) {
                return answerHello(super.handleCommand(channel, databaseName, "isMaster", query));
            }
            if (isListDatabases(databaseName, command)) {
                return listDatabases(listDatabaseNames(), this::resolveDatabase);
            }
            Document count = counts.answer(this, databaseName, command, query);
            return count != null ? count : super.handleCommand(channel, databaseName, command, query);
        }
    }
}
