package dev.trainer.devinfra;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs {@link InfraMain} in a child JVM and waits for its READY line. The child dies with this JVM: close() and a
 * shutdown hook stop it, and it watches its stdin, which the OS closes when this JVM dies in any way. When this JVM
 * runs as root, PostgreSQL's child runs as user nobody (uid 65534) through setpriv, because PostgreSQL refuses root.
 */
public final class InfraProcess implements AutoCloseable {

    public static final Duration READY_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    private static final String TEMP_DIR_PREFIX = "trainer-devinfra-";
    private static final Duration LOG_RETENTION = Duration.ofDays(2);

    static {
        // The shutdown hook may run after a test framework closed the class loader that loaded us; load what
        // close() needs now.
        Dirs.class.getName();
        Postmaster.class.getName();
    }

    private final InfraKind kind;
    private final Process process;
    private final Path logFile;
    private final Path dir;
    private final boolean deleteDir;
    private final Thread shutdownHook;
    private volatile String address;
    private volatile List<Thread> logCopiers = List.of();
    private boolean closed;

    private InfraProcess(InfraKind kind, Process process, Path logFile, Path dir, boolean deleteDir) {
        this.kind = kind;
        this.process = process;
        this.logFile = logFile;
        this.dir = dir;
        this.deleteDir = deleteDir;
        this.shutdownHook = new Thread(this::stop, "dev-infra-stop-" + kind.cliName());
    }

    /** A Kafka broker; {@link #address()} is its bootstrap servers, 127.0.0.1:PORT. */
    public static InfraProcess kafka(int port, Path logDir) {
        return start(InfraKind.KAFKA, port, logDir);
    }

    /** PostgreSQL; {@link #address()} is the JDBC URL of database trainer (user and password postgres). */
    public static InfraProcess postgres(int port, Path dataDir) {
        return start(InfraKind.POSTGRES, port, dataDir);
    }

    /**
     * @param port 0 for a free port
     * @param dir  kept across restarts; null for a temporary directory deleted when the child stops
     */
    public static InfraProcess start(InfraKind kind, int port, Path dir) {
        try {
            return launch(kind, port, dir);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + kind.cliName() + " in a child process: "
                    + e.getMessage(), e);
        }
    }

    public InfraKind kind() {
        return kind;
    }

    /** Kafka: {@code 127.0.0.1:PORT}; PostgreSQL: {@code jdbc:postgresql://127.0.0.1:PORT/trainer}. */
    public String address() {
        return address;
    }

    /** The child's stdout and stderr, kept after close for post-mortems. */
    public Path logFile() {
        return logFile;
    }

    /** The data or log directory the child was given; null for a Kafka broker in its own temporary directory. */
    public Path directory() {
        return dir;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** SIGTERM, which lets the child stop its server cleanly; SIGKILL only if it has not exited after 30 s. */
    @Override
    public void close() {
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // already shutting down: the hook is what called us, or will find us closed
        }
    }

    private synchronized void stop() {
        if (closed) {
            return;
        }
        closed = true;
        Optional<ProcessHandle> postmaster = kind == InfraKind.POSTGRES && dir != null
                ? Postmaster.of(dir) : Optional.empty();
        // not process.destroy(), which also closes our ends of its pipes and so loses how the server stopped
        process.toHandle().destroy();
        boolean exited = waitFor(STOP_TIMEOUT);
        if (!exited) {
            System.err.println("dev-infra: " + kind.cliName() + " child " + process.pid()
                    + " ignored SIGTERM for " + STOP_TIMEOUT + ", killing it (log: " + logFile + ")");
            process.destroyForcibly();
            waitFor(Duration.ofSeconds(10));
        }
        try {
            process.getOutputStream().close();
        } catch (IOException e) {
            // the pipe went with the child
        }
        if (postmaster.isPresent() && postmaster.get().isAlive()) {
            Postmaster.kill(postmaster.get());
        }
        if (deleteDir) {
            Dirs.deleteRecursively(dir);
        }
        awaitLogCopiers();
    }

    /** The child's last words (how its server stopped) are worth having in the log even when this JVM is exiting. */
    private void awaitLogCopiers() {
        for (Thread copier : logCopiers) {
            try {
                copier.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private boolean waitFor(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static InfraProcess launch(InfraKind kind, int port, Path requestedDir) throws IOException {
        boolean asNobody = kind == InfraKind.POSTGRES && Users.isRoot();
        Path dir = requestedDir == null ? null : requestedDir.toAbsolutePath();
        boolean deleteDir = false;
        if (kind == InfraKind.POSTGRES && dir == null) {
            // our own temp directory rather than the child's, so we can find its postmaster if the child hangs
            dir = Files.createTempDirectory(TEMP_DIR_PREFIX + "postgres-");
            deleteDir = true;
        }
        if (dir != null) {
            if (asNobody) {
                requireReachableByNobody(dir);
            }
            Files.createDirectories(dir);
            if (asNobody) {
                requireReachableByNobody(dir);
                handToNobody(dir);
            }
        }

        List<Path> classpath = ChildClasspath.entries();
        if (asNobody) {
            classpath = ChildClasspath.readableByOthers(classpath);
        }
        List<String> command = command(kind, port, dir, deleteDir, asNobody, ChildClasspath.join(classpath));
        Path logFile = newLogFile(kind);

        ProcessBuilder builder = new ProcessBuilder(command)
                // the caller's working directory may be unreadable for nobody (root's home, say)
                .directory(Path.of(System.getProperty("java.io.tmpdir")).toFile());
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            if (deleteDir) {
                Dirs.deleteRecursively(dir);
            }
            throw e;
        }

        InfraProcess child = new InfraProcess(kind, process, logFile, dir, deleteDir);
        Runtime.getRuntime().addShutdownHook(child.shutdownHook);
        try {
            CompletableFuture<String> ready = new CompletableFuture<>();
            child.logCopiers = copyOutputToLog(process, logFile, String.join(" ", command), ready);
            child.address = awaitReady(kind, process, ready, logFile);
            return child;
        } catch (IOException | RuntimeException e) {
            child.close();
            throw e;
        }
    }

    /** One directory for all child logs; those older than LOG_RETENTION are pruned so the temp dir stays tidy. */
    private static Path newLogFile(InfraKind kind) throws IOException {
        Path logs = Path.of(System.getProperty("java.io.tmpdir"), TEMP_DIR_PREFIX + "logs");
        Files.createDirectories(logs);
        long cutoff = System.currentTimeMillis() - LOG_RETENTION.toMillis();
        try (var old = Files.list(logs)) {
            for (Path log : old.toList()) {
                try {
                    if (Files.getLastModifiedTime(log).toMillis() < cutoff) {
                        Files.deleteIfExists(log);
                    }
                } catch (IOException e) {
                    // someone else's log, or already gone
                }
            }
        }
        return Files.createTempFile(logs, kind.cliName() + "-", ".log");
    }

    private static List<String> command(InfraKind kind, int port, Path dir, boolean deleteDir, boolean asNobody,
                                        String classpath) {
        List<String> command = new ArrayList<>();
        if (asNobody) {
            command.addAll(List.of("setpriv", "--reuid=" + Users.UNPRIVILEGED_ID, "--regid=" + Users.UNPRIVILEGED_ID,
                    "--clear-groups", "--inh-caps=-all"));
        }
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        if (Runtime.version().feature() >= 24) {
            // Kafka's and snappy's use of sun.misc.Unsafe and native code is expected, not worth warnings in the log
            command.addAll(List.of("--sun-misc-unsafe-memory-access=allow", "--enable-native-access=ALL-UNNAMED"));
        }
        command.addAll(List.of(
                // a small, quickly started JVM: these are development servers on a shared, possibly 2-core machine
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:-UsePerfData",
                // zonky holds the whole PostgreSQL archive and its files in memory while unpacking
                kind == InfraKind.KAFKA ? "-Xmx512m" : "-Xmx256m",
                "-Djava.net.preferIPv4Stack=true",
                "-cp", classpath,
                InfraMain.class.getName(), kind.cliName(), "--port", String.valueOf(port)));
        if (dir != null) {
            command.addAll(List.of("--dir", dir.toString()));
        }
        if (deleteDir) {
            command.add("--delete-dir-on-exit");
        }
        command.add("--exit-on-stdin-eof");
        return command;
    }

    /** Copies the child's stdout and stderr into the log, until it exits, so it never blocks on a full pipe. */
    private static List<Thread> copyOutputToLog(Process process, Path logFile, String command,
                                                CompletableFuture<String> ready) throws IOException {
        Writer log = Files.newBufferedWriter(logFile, StandardCharsets.UTF_8);
        log.write("# " + command + "\n");
        log.flush();
        AtomicInteger open = new AtomicInteger(2);
        return List.of(
                pump(process.getInputStream(), log, open, ready, "stdout"),
                pump(process.getErrorStream(), log, open, null, "stderr"));
    }

    private static Thread pump(InputStream stream, Writer log, AtomicInteger open, CompletableFuture<String> ready,
                               String name) {
        Thread thread = new Thread(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    synchronized (log) {
                        log.write(line);
                        log.write('\n');
                        log.flush();
                    }
                    if (ready != null && line.startsWith(InfraMain.READY_PREFIX)) {
                        ready.complete(line);
                    }
                }
            } catch (IOException e) {
                // the child is gone; nothing left to copy
            } finally {
                if (ready != null) {
                    ready.complete(null);
                }
                if (open.decrementAndGet() == 0) {
                    synchronized (log) {
                        try {
                            log.close();
                        } catch (IOException e) {
                            // nothing more to write anyway
                        }
                    }
                }
            }
        }, "dev-infra-log-" + name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static String awaitReady(InfraKind kind, Process process, CompletableFuture<String> ready, Path logFile)
            throws IOException {
        String line;
        try {
            line = ready.get(READY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IOException(kind.cliName() + " was not ready after " + READY_TIMEOUT + "; log: " + logFile
                    + "\n" + tail(logFile));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for " + kind.cliName(), e);
        } catch (ExecutionException e) {
            throw new IOException(e.getCause());
        }
        if (line == null) {
            waitQuietly(process);
            throw new IOException(kind.cliName() + " child exited"
                    + (process.isAlive() ? "" : " with status " + process.exitValue())
                    + " before it was ready; log: " + logFile + "\n" + tail(logFile));
        }
        String expected = InfraMain.READY_PREFIX + kind.cliName() + " ";
        if (!line.startsWith(expected)) {
            throw new IOException("unexpected line from " + kind.cliName() + " child: " + line);
        }
        return line.substring(expected.length()).trim();
    }

    private static void waitQuietly(Process process) {
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String tail(Path logFile) {
        try {
            List<String> lines = Files.readAllLines(logFile, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    /** PostgreSQL insists on owning its data directory; a kept one owned by nobody already is left alone. */
    private static void handToNobody(Path dir) throws IOException {
        if ((Integer) Files.getAttribute(dir, "unix:uid") == Users.UNPRIVILEGED_ID) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path path : paths.toList()) {
                Files.setAttribute(path, "unix:uid", Users.UNPRIVILEGED_ID, LinkOption.NOFOLLOW_LINKS);
                Files.setAttribute(path, "unix:gid", Users.UNPRIVILEGED_ID, LinkOption.NOFOLLOW_LINKS);
            }
        }
    }

    /**
     * nobody needs to traverse every ancestor. Checked before creating anything, so a hopeless directory is refused
     * without leaving traces, and again after, in case a restrictive umask made the new ones unreachable.
     */
    private static void requireReachableByNobody(Path dir) throws IOException {
        Path ancestor = firstBlockingAncestor(dir);
        if (ancestor != null) {
            throw new IOException("PostgreSQL runs as user nobody (uid " + Users.UNPRIVILEGED_ID
                    + ") because this JVM is root, but nobody cannot reach " + dir + ": " + ancestor
                    + " is not searchable by others. Choose a data directory elsewhere, e.g. under /tmp or "
                    + "/var/tmp, or chmod o+x " + ancestor);
        }
    }

    private static Path firstBlockingAncestor(Path dir) throws IOException {
        for (Path ancestor = dir.toAbsolutePath().getParent(); ancestor != null; ancestor = ancestor.getParent()) {
            if (Files.exists(ancestor)
                    && !Files.getPosixFilePermissions(ancestor).contains(PosixFilePermission.OTHERS_EXECUTE)) {
                return ancestor;
            }
        }
        return null;
    }

    /**
     * A kept PostgreSQL data directory PostgreSQL can use: {@code preferred}, unless this JVM is root and nobody (whom
     * PostgreSQL then runs as) cannot reach it, as in a checkout under /root; then one under the temporary directory,
     * named after {@code preferred} so the same checkout finds the same data again.
     */
    public static Path reachablePostgresDir(Path preferred) {
        try {
            if (!Users.isRoot() || firstBlockingAncestor(preferred) == null) {
                return preferred;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String name = Integer.toHexString(preferred.toAbsolutePath().normalize().toString().hashCode());
        return Path.of(System.getProperty("java.io.tmpdir"), "trainer-postgres-" + name);
    }
}
