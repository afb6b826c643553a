package kg.testserver;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.io.ByteUnit;
import org.neo4j.kernel.internal.Version;
import org.neo4j.logging.Level;
import org.neo4j.logging.log4j.Log4jLogProvider;

/**
 * Throwaway Neo4j community DBMS for the test suite.
 *
 * <p>Usage: {@code java -cp ... kg.testserver.Neo4jTestServer <port> <homeDir> [--ignore-stdin]
 * [--delete-home-on-exit]}
 *
 * <p>Embedded instead of a server tarball because only Maven Central is reachable. Bolt listens
 * on 127.0.0.1:port without auth or TLS. Once Bolt accepts connections, exactly one line
 * {@code NEO4J_READY bolt://127.0.0.1:<port> <version>} goes to stdout; everything else goes to
 * stderr (or to debug.log under the home dir). The DBMS shuts down cleanly when stdin reaches EOF
 * (so it dies with its parent even if the parent is killed) or on SIGTERM/SIGINT.
 */
public final class Neo4jTestServer {
    private static final Object LOCK = new Object();
    private static DatabaseManagementService service;
    private static Log4jLogProvider userLog;
    private static boolean stopped;
    private static Path homeToDelete;

    private Neo4jTestServer() {}

    public static void main(String[] args) {
        // Keep stdout for the protocol line only: stray library prints would confuse the parent.
        PrintStream protocolOut = System.out;
        System.setOut(System.err);

        if (args.length < 2) {
            System.err.println(
                    "usage: Neo4jTestServer <port> <homeDir> [--ignore-stdin] [--delete-home-on-exit]");
            System.exit(2);
        }
        int port = Integer.parseInt(args[0]);
        Path home = Path.of(args[1]).toAbsolutePath();
        boolean ignoreStdin = false;
        for (int i = 2; i < args.length; i++) {
            switch (args[i]) {
                case "--ignore-stdin" -> ignoreStdin = true;
                // The parent may be SIGKILLed and never clean up; then we do it ourselves.
                case "--delete-home-on-exit" -> homeToDelete = home;
                default -> {
                    System.err.println("unknown option: " + args[i]);
                    System.exit(2);
                }
            }
        }

        Runtime.getRuntime().addShutdownHook(new Thread(Neo4jTestServer::stop, "neo4j-test-server-shutdown"));

        String version;
        try {
            start(port, home);
            waitUntilReady(port, 120_000);
            version = Version.getNeo4jVersion();
        } catch (Throwable t) {
            t.printStackTrace(System.err);
            Throwable root = t;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            // Summary after the stack trace, so the parent's "stderr tail" shows the real reason.
            System.err.println("NEO4J_FAILED " + root);
            stop();
            System.exit(1);
            return;
        }

        protocolOut.println("NEO4J_READY bolt://127.0.0.1:" + port + " " + version);
        protocolOut.flush();

        if (ignoreStdin) {
            waitForever();
        } else {
            drain(System.in);
        }
        stop();
        System.exit(0);
    }

    private static void start(int port, Path home) {
        SocketAddress bolt = new SocketAddress("127.0.0.1", port);
        userLog = new Log4jLogProvider(System.err, Level.WARN);
        DatabaseManagementService started = new DatabaseManagementServiceBuilder(home)
                .setUserLogProvider(userLog)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, bolt)
                .setConfig(BoltConnector.advertised_address, bolt)
                .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                .setConfig(GraphDatabaseSettings.auth_enabled, false)
                // Modest footprint: this shares a small box with other processes.
                .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(256))
                .setConfig(GraphDatabaseSettings.memory_transaction_global_max_size, ByteUnit.mebiBytes(512))
                .setConfig(GraphDatabaseSettings.pagecache_warmup_enabled, false)
                // Temp dirs: do not preallocate 250MB transaction log files.
                .setConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
                .setConfig(GraphDatabaseSettings.logical_log_rotation_threshold, ByteUnit.mebiBytes(16))
                // No phoning home: the only allowed network is loopback.
                .setConfig(GraphDatabaseSettings.udc_enabled, false)
                .setConfig(GraphDatabaseInternalSettings.udc_network_enabled, false)
                // Netty's graceful-shutdown quiet period otherwise adds ~10s to every stop().
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_timeout, Duration.ofSeconds(5))
                .build();
        synchronized (LOCK) {
            service = started;
            if (stopped) {
                // A signal arrived while we were starting; honour it.
                started.shutdown();
                throw new IllegalStateException("stopped during startup");
            }
        }
    }

    /** The default database may still be starting when build() returns; Bolt must accept too. */
    private static void waitUntilReady(int port, long timeoutMillis) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        GraphDatabaseService db = service.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
        while (!db.isAvailable(1_000)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("default database did not become available");
            }
        }
        db.executeTransactionally("RETURN 1");
        while (true) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 1_000);
                return;
            } catch (IOException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(100);
            }
        }
    }

    private static void drain(InputStream in) {
        byte[] buffer = new byte[4096];
        try {
            while (in.read(buffer) != -1) {
                // Input is ignored; only EOF matters.
            }
        } catch (IOException e) {
            System.err.println("stdin closed: " + e);
        }
    }

    private static void waitForever() {
        Object forever = new Object();
        synchronized (forever) {
            while (true) {
                try {
                    forever.wait();
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    private static void deleteRecursively(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    System.err.println("could not delete " + path + ": " + e);
                }
            });
        } catch (IOException e) {
            System.err.println("could not delete " + root + ": " + e);
        }
    }

    /** Idempotent: called from main on stdin EOF and from the shutdown hook on signals. */
    private static void stop() {
        synchronized (LOCK) {
            if (stopped) {
                return;
            }
            stopped = true;
            if (service != null) {
                try {
                    service.shutdown();
                } catch (Throwable t) {
                    System.err.println("shutdown failed: " + t);
                    t.printStackTrace(System.err);
                }
            }
            if (userLog != null) {
                userLog.close();
            }
            if (homeToDelete != null) {
                deleteRecursively(homeToDelete);
            }
            System.err.println("NEO4J_STOPPED");
            System.err.flush();
        }
    }
}
