package dev.trainer.devinfra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** PostgreSQL as services get it: a child process started by InfraProcess, as user nobody when we are root. */
class PostgresServerTest {

    // not @TempDir: JUnit makes that mode 700, which nobody could not enter
    private static Path dataDir;

    @BeforeAll
    static void chooseDataDirectory() {
        dataDir = Path.of(System.getProperty("java.io.tmpdir"), "dev-infra-test-pg-" + UUID.randomUUID());
    }

    @AfterAll
    static void removeDataDirectory() {
        Dirs.deleteRecursively(dataDir);
    }

    @Test
    void servesTheTrainerDatabaseKeepsItsDataAcrossRestartsAndLeavesNothingRunning() throws Exception {
        InfraProcess postgres = timedStart(dataDir);
        int port;
        try {
            assertTrue(postgres.address().matches("jdbc:postgresql://127\\.0\\.0\\.1:\\d+/trainer"), postgres.address());
            port = port(postgres.address());
            assertEquals(1, queryInt(postgres.address(), "select 1"));
            execute(postgres.address(), "create table kept (id int primary key, name text)",
                    "insert into kept values (7, 'seven')");
            assertEquals(7, queryInt(postgres.address(), "select id from kept where name = 'seven'"));
            if (Users.isRoot()) {
                assertRunsAsNobody(postgres);
            }
        } finally {
            postgres.close();
        }
        assertNothingLeftOf(dataDir, port);

        InfraProcess restarted = timedStart(dataDir);
        try {
            assertEquals(7, queryInt(restarted.address(), "select id from kept where name = 'seven'"));
        } finally {
            restarted.close();
        }
        assertNothingLeftOf(dataDir, port(restarted.address()));
        assertTrue(Files.exists(dataDir.resolve("PG_VERSION")), "a given data directory is kept");
    }

    @Test
    void removesItsTemporaryDataDirectoryOnClose() throws Exception {
        InfraProcess postgres = timedStart(null);
        Path dir = postgres.directory();
        try {
            assertEquals(1, queryInt(postgres.address(), "select 1"));
            assertTrue(Files.exists(dir.resolve("PG_VERSION")));
        } finally {
            postgres.close();
        }
        assertNothingLeftOf(dir, port(postgres.address()));
        assertFalse(Files.exists(dir), dir + " should be gone");
    }

    @Test
    void refusesToRunInsideARootJvm() {
        assumeTrue(Users.isRoot(), "only root is refused");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> PostgresServer.start(0, null));
        assertTrue(e.getMessage().contains("root"), e.getMessage());
    }

    private static InfraProcess timedStart(Path dir) {
        long start = System.nanoTime();
        InfraProcess started = InfraProcess.postgres(0, dir);
        System.out.printf("PostgreSQL ready after %d ms at %s (log %s)%n",
                (System.nanoTime() - start) / 1_000_000, started.address(), started.logFile());
        return started;
    }

    private static void assertRunsAsNobody(InfraProcess postgres) {
        Optional<ProcessHandle> postmaster = Postmaster.of(postgres.directory());
        assertTrue(postmaster.isPresent(), "postmaster.pid in " + postgres.directory());
        assertEquals(Optional.of("nobody"), postmaster.get().info().user());
        assertEquals(Optional.of("nobody"), ProcessHandle.of(postgres.pid()).orElseThrow().info().user());
    }

    private static void assertNothingLeftOf(Path dir, int port) {
        List<String> leftovers = ProcessHandle.allProcesses()
                .map(p -> p.info().commandLine().orElse(""))
                .filter(commandLine -> commandLine.contains(dir.toString()))
                .toList();
        assertEquals(List.of(), leftovers, "processes still using " + dir);
        assertFalse(LoopbackPorts.isListening(port), "nothing should listen on " + port + " after close");
    }

    private static int queryInt(String url, String sql) throws SQLException {
        try (Connection connection = connect(url);
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(sql)) {
            assertTrue(rs.next(), "a row from " + sql);
            return rs.getInt(1);
        }
    }

    private static void execute(String url, String... statements) throws SQLException {
        try (Connection connection = connect(url); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private static Connection connect(String url) throws SQLException {
        return DriverManager.getConnection(url, PostgresServer.USERNAME, PostgresServer.PASSWORD);
    }

    private static int port(String jdbcUrl) {
        String afterHost = jdbcUrl.substring("jdbc:postgresql://127.0.0.1:".length());
        return Integer.parseInt(afterHost.substring(0, afterHost.indexOf('/')));
    }
}
