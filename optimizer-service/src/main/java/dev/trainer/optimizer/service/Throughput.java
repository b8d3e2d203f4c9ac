package dev.trainer.optimizer.service;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Trials recorded per second by this optimizer, smoothed (an exponentially weighted mean over intervals of at least
 * a second), so the sweeper can tell how long the trials in flight should take instead of guessing a fixed timeout.
 * Zero until something has been measured, e.g. right after a start.
 */
@ApplicationScoped
public class Throughput {

    private static final long INTERVAL_NANOS = 1_000_000_000L;
    private static final double WEIGHT = 0.3;

    private long intervalStart = System.nanoTime();
    private long trialsInInterval;
    private double trialsPerSecond;

    public synchronized void recorded(int trials) {
        trialsInInterval += trials;
        long now = System.nanoTime();
        long elapsed = now - intervalStart;
        if (elapsed >= INTERVAL_NANOS) {
            double rate = trialsInInterval * 1e9 / elapsed;
            // a long idle interval says nothing about the workers' speed: start afresh from this one
            trialsPerSecond = trialsPerSecond == 0 || elapsed > 30 * INTERVAL_NANOS ? rate
                    : (1 - WEIGHT) * trialsPerSecond + WEIGHT * rate;
            intervalStart = now;
            trialsInInterval = 0;
        }
    }

    /** Trials per second, or 0 when nothing has been measured yet. */
    public synchronized double trialsPerSecond() {
        return trialsPerSecond;
    }
}
