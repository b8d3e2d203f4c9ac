package dev.trainer.support;

import dev.trainer.contracts.serde.JsonEventDeserializer;
import dev.trainer.contracts.serde.JsonEventSerializer;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * A service's first job pays for what the JVM and the libraries do once: Jackson building its (de)serializers for each
 * event type and the JIT compiling the paths a job takes. Measured on 2 cores, the first 5,000-candle job after a start
 * took 22 s against 7 s for the next ones, and a fresh JVM read its first 440 KB backtest results in 1.1 s, the second
 * in 0.07 s. A warm-up runs a service's own path on data of its own making for a bounded time after start, on a daemon
 * thread of low priority, and the service's readiness check reports it ready only afterwards, so {@code bin/trainer up}
 * and a Kubernetes readiness probe wait for it. A budget of 0 turns it off (the tests do).
 */
public final class StartupWarmUp {

    private static final Logger LOG = Logger.getLogger(StartupWarmUp.class);

    private final String name;
    private final Duration budget;
    private volatile boolean done;
    private volatile int passes;

    public StartupWarmUp(String name, Duration budget) {
        this.name = name;
        this.budget = budget;
    }

    /**
     * Runs {@code pass} over and over until the budget is spent; the first pass always runs whole (it is what the first
     * job would otherwise pay), the later ones only start while time is left. A failure ends the warm-up without
     * stopping the service: the first job then pays instead.
     */
    public void start(Runnable pass) {
        if (budget.isZero() || budget.isNegative()) {
            done = true;
            return;
        }
        Thread thread = new Thread(() -> run(pass), name + "-warm-up");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
    }

    private void run(Runnable pass) {
        long started = System.nanoTime();
        long deadline = started + budget.toNanos();
        try {
            do {
                pass.run();
                passes++;
            } while (System.nanoTime() < deadline);
        } catch (RuntimeException e) {
            LOG.warnf(e, "%s: the warm-up stopped early; the first job pays for it instead", name);
        } finally {
            done = true;
            LOG.infof("%s warmed up: %d passes in %.1f s", name, passes, (System.nanoTime() - started) / 1e9);
        }
    }

    public boolean done() {
        return done;
    }

    public int passes() {
        return passes;
    }

    /** An event through the topic's JSON serializer and deserializer, as a producer and a consumer handle it. */
    @SuppressWarnings("unchecked")
    public static <T> T roundTrip(String topic, T event) {
        try (JsonEventSerializer serializer = new JsonEventSerializer();
                JsonEventDeserializer deserializer = new JsonEventDeserializer(event.getClass())) {
            return (T) deserializer.deserialize(topic, serializer.serialize(topic, event));
        }
    }
}
