package dev.trainer.exchanges;

import java.time.Clock;

/**
 * One exchange's request rate: requests start at least {@code 1 / requestsPerSecond} apart, across every fetch that
 * shares the pacer, and none starts while the exchange has asked to be left alone (after a 429 or 418).
 */
public final class RequestPacer {

    private final long intervalMs;
    private final Clock clock;
    private final Sleeper sleeper;
    private long nextStartMs = Long.MIN_VALUE;

    public RequestPacer(double requestsPerSecond, Clock clock, Sleeper sleeper) {
        if (!(requestsPerSecond > 0) || Double.isInfinite(requestsPerSecond)) {
            throw new IllegalArgumentException("requests per second must be a positive number, got " + requestsPerSecond);
        }
        this.intervalMs = Math.max(1, Math.round(1000 / requestsPerSecond));
        this.clock = clock;
        this.sleeper = sleeper;
    }

    public long intervalMs() {
        return intervalMs;
    }

    /** Waits for this request's turn. */
    public void acquire() throws InterruptedException {
        long waitMs;
        synchronized (this) {
            long now = clock.millis();
            long start = Math.max(now, nextStartMs);
            nextStartMs = start + intervalMs;
            waitMs = start - now;
        }
        if (waitMs > 0) {
            sleeper.sleep(waitMs);
        }
    }

    /** No request of this exchange starts in the next {@code waitMs}. */
    public synchronized void holdFor(long waitMs) {
        nextStartMs = Math.max(nextStartMs, clock.millis() + waitMs);
    }
}
