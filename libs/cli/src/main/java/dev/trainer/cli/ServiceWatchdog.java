package dev.trainer.cli;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Keeps the local stack's services running, as Kubernetes' liveness probe and restart policy do when deployed. A
 * service whose process exited, or whose liveness check ({@code /q/health/live}) answers DOWN on several checks in
 * a row, is killed and started again. Why the liveness check: a messaging channel that SmallRye marked failed (for
 * instance after a record went unacknowledged too long) never reads its topic again while the process stays up and
 * its liveness reports DOWN; without a restart the service's step of every job stops for good.
 *
 * <p>Restarts of one service wait a backoff that doubles from {@code firstBackoff} up to {@code maxBackoff}, so a
 * service that cannot start does not spin; the backoff starts over once a restarted service has stayed up and live
 * for {@code stableAfter}. A process that is up but does not answer at all (starting, or hung) is left alone: only
 * an answer of DOWN counts.
 */
public final class ServiceWatchdog implements AutoCloseable {

    /** What the watchdog needs of a service. */
    public interface Supervised {
        String name();

        boolean alive();

        /** The exit code of a process that is not alive. */
        int exitCode();

        /** The HTTP status of the liveness check: 200 live, 503 DOWN, negative when nothing answers. */
        int liveness();

        /** Kills the process if it is alive and starts it again, without waiting for it to be ready. */
        void restart();
    }

    public record Settings(Duration checkInterval, int downChecks, Duration firstBackoff, Duration maxBackoff,
            Duration stableAfter) {
        /**
         * As the Kubernetes manifests and kubelet do: a check every 10 s, a restart after 3 DOWN answers in a row (a
         * broker outage shorter than that restarts nothing: liveness also reports the consumer's connection), a
         * backoff of 10 s doubling to 5 min (CrashLoopBackOff's), starting over after 5 min up.
         */
        public static final Settings DEFAULTS = new Settings(Duration.ofSeconds(10), 3, Duration.ofSeconds(10),
                Duration.ofMinutes(5), Duration.ofMinutes(5));
    }

    /** A restart done: the service, when, why, and its restarts so far. */
    public record Restart(String service, Instant at, String reason, int count) {
    }

    private static final class Watched {
        final Supervised service;
        int downInARow;
        int restarts;
        Duration backoff;
        Instant notBefore = Instant.MIN;
        Instant lastRestart;

        Watched(Supervised service, Duration firstBackoff) {
            this.service = service;
            this.backoff = firstBackoff;
        }
    }

    private final List<Watched> watched = new ArrayList<>();
    private final Settings settings;
    private final Consumer<Restart> onRestart;
    private final Thread thread;
    private volatile boolean stopping;

    /** Starts watching at once, on a daemon thread. {@code onRestart} is called after each restart was launched. */
    public ServiceWatchdog(List<? extends Supervised> services, Settings settings, Consumer<Restart> onRestart) {
        services.forEach(s -> watched.add(new Watched(s, settings.firstBackoff())));
        this.settings = settings;
        this.onRestart = onRestart;
        this.thread = Thread.ofPlatform().daemon().name("service-watchdog").start(this::run);
    }

    private void run() {
        while (!stopping) {
            for (Watched w : watched) {
                if (stopping) {
                    return;
                }
                try {
                    check(w, Instant.now());
                } catch (RuntimeException e) {
                    // a restart that failed to launch: tried again after the backoff
                    System.err.println("[watchdog] " + w.service.name() + ": " + e.getMessage());
                }
            }
            try {
                Thread.sleep(settings.checkInterval().toMillis());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void check(Watched w, Instant now) {
        String reason = null;
        if (!w.service.alive()) {
            reason = "its process exited with code " + w.service.exitCode();
        } else {
            int live = w.service.liveness();
            w.downInARow = live == 503 ? w.downInARow + 1 : 0;
            if (w.downInARow >= settings.downChecks()) {
                reason = "its liveness check answered DOWN " + w.downInARow + " times in a row";
            } else if (live == 200 && w.lastRestart != null
                    && Duration.between(w.lastRestart, now).compareTo(settings.stableAfter()) >= 0) {
                w.backoff = settings.firstBackoff();
            }
        }
        if (reason == null || now.isBefore(w.notBefore)) {
            return;
        }
        w.restarts++;
        w.downInARow = 0;
        w.lastRestart = now;
        w.notBefore = now.plus(w.backoff);
        Duration doubled = w.backoff.multipliedBy(2);
        w.backoff = doubled.compareTo(settings.maxBackoff()) > 0 ? settings.maxBackoff() : doubled;
        w.service.restart();
        onRestart.accept(new Restart(w.service.name(), now, reason, w.restarts));
    }

    /** Stops watching (and waits for a restart under way to be launched). */
    @Override
    public void close() {
        stopping = true;
        thread.interrupt();
        try {
            thread.join(Duration.ofSeconds(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
