package dev.trainer.devinfra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * PostgreSQL (zonky embedded binaries) on 127.0.0.1 with a database {@value #DATABASE}. PostgreSQL refuses to run
 * as root, so when the caller is root this class must run in a child JVM started by {@link InfraProcess}.
 */
public final class PostgresServer implements AutoCloseable {

    public static final String DATABASE = "trainer";
    public static final String USERNAME = "postgres";
    public static final String PASSWORD = "postgres";
    /** pg_ctl's fast stop gives up after 5 s; past that the postmaster is killed. */
    private static final Duration STOP_GRACE = Duration.ofSeconds(10);

    private final EmbeddedPostgres postgres;
    private final Path dataDir;
    private boolean closed;

    private PostgresServer(EmbeddedPostgres postgres, Path dataDir) {
        this.postgres = postgres;
        this.dataDir = dataDir;
    }

    /**
     * Runs initdb when the data directory is new, starts the server and creates the database if it is absent.
     *
     * @param port    the port on 127.0.0.1, 0 for a free one
     * @param dataDir kept across restarts; null for a temporary directory deleted on close
     */
    public static PostgresServer start(int port, Path dataDir) throws IOException {
        if (Users.isRoot()) {
            throw new IllegalStateException("PostgreSQL refuses to run as root (uid 0). Start it with "
                    + "InfraProcess.postgres(...), which runs it as user nobody, or as an ordinary user.");
        }
        Path workDir = binariesDirectory();
        // zonky also keeps a "parent directory" for stray data directories; keep it beside the binaries
        if (System.getProperty("ot.epg.working-dir") == null) {
            System.setProperty("ot.epg.working-dir", workDir.resolve("instances").toString());
        }
        boolean temporary = dataDir == null;
        Path dir = temporary ? Files.createTempDirectory("trainer-postgres-") : dataDir.toAbsolutePath();
        Files.createDirectories(dir);
        EmbeddedPostgres postgres;
        try {
            postgres = EmbeddedPostgres.builder()
                    .setPort(port == 0 ? LoopbackPorts.free() : port)
                    .setDataDirectory(dir.toFile())
                    .setCleanDataDirectory(temporary)
                    .setOverrideWorkingDirectory(workDir.toFile())
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    // no Unix socket: its default directory may not be writable, and nothing here uses it
                    .setServerConfig("unix_socket_directories", "''")
                    .setLocaleConfig("locale", "C")
                    .setPGStartupWait(Duration.ofSeconds(60))
                    // ours (close() via InfraMain) waits for the postmaster; two racing hooks would not
                    .setRegisterShutdownHook(false)
                    .start();
        } catch (IOException | RuntimeException | Error e) {
            if (temporary) {
                Dirs.deleteRecursively(dir);
            }
            throw e;
        }
        PostgresServer server = new PostgresServer(postgres, dir);
        try {
            server.createDatabaseIfAbsent();
        } catch (SQLException e) {
            server.close();
            throw new IOException("PostgreSQL started but database " + DATABASE + " could not be prepared: " + e, e);
        }
        return server;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + DATABASE;
    }

    public int port() {
        return postgres.getPort();
    }

    public Path dataDirectory() {
        return dataDir;
    }

    /** Stops the postmaster (fast mode); kills it if pg_ctl gave up, so no server outlives this object. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        Optional<ProcessHandle> postmaster = Postmaster.of(dataDir);
        try {
            postgres.close();
        } catch (IOException e) {
            System.err.println("dev-infra: error while stopping PostgreSQL: " + e);
        }
        postmaster.ifPresent(process -> Postmaster.awaitExitOrKill(process, STOP_GRACE));
    }

    private void createDatabaseIfAbsent() throws SQLException {
        String maintenanceUrl = "jdbc:postgresql://127.0.0.1:" + port() + "/postgres";
        try (Connection connection = DriverManager.getConnection(maintenanceUrl, USERNAME, PASSWORD);
             Statement statement = connection.createStatement()) {
            try (ResultSet rs = statement.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'")) {
                if (!rs.next()) {
                    statement.execute("create database " + DATABASE);
                }
            }
            // initdb trusts local connections; the password only matters if someone switches to md5/scram
            statement.execute("alter user " + USERNAME + " password '" + PASSWORD + "'");
        }
    }

    /**
     * Where zonky unpacks the binaries, kept between runs to skip the unpacking. One per uid, because a directory
     * left by another user (root, say) cannot be written by nobody.
     */
    private static Path binariesDirectory() throws IOException {
        Path dir = Path.of(System.getProperty("java.io.tmpdir"), "trainer-devinfra-pg-" + Users.effectiveUid());
        try {
            Files.createDirectories(dir);
            int owner = (Integer) Files.getAttribute(dir, "unix:uid");
            if (owner == Users.effectiveUid() && Files.isWritable(dir)) {
                removeHalfUnpackedBinaries(dir);
                return dir;
            }
        } catch (IOException | UnsupportedOperationException e) {
            // fall through to a private directory
        }
        return Files.createTempDirectory("trainer-devinfra-pg-");
    }

    /**
     * zonky marks a finished unpacking with a file .exists and never retries one that died half-way (out of memory,
     * killed), so such a directory would fail every later start. One whose lock nobody holds is not in progress.
     */
    private static void removeHalfUnpackedBinaries(Path dir) throws IOException {
        try (Stream<Path> children = Files.list(dir)) {
            for (Path pgDir : children.filter(p -> p.getFileName().toString().startsWith("PG-")).toList()) {
                if (Files.exists(pgDir.resolve(".exists"))) {
                    continue;
                }
                try (FileChannel channel = FileChannel.open(pgDir.resolve("epg-lock"),
                        StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                     FileLock lock = channel.tryLock()) {
                    if (lock != null) {
                        System.err.println("dev-infra: removing half-unpacked PostgreSQL binaries " + pgDir);
                        Dirs.deleteRecursively(pgDir);
                    }
                } catch (IOException | OverlappingFileLockException e) {
                    // being unpacked right now, by this or another JVM
                }
            }
        }
    }
}
