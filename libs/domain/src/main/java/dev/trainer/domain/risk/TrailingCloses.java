package dev.trainer.domain.risk;

import java.util.Arrays;

/** The most recent closes of one series, oldest first, at most {@code capacity} of them (a ring buffer). */
public final class TrailingCloses {

    /**
     * Enough closes for both market breakers: the default regime classifier's {@code closesNeeded()} (601), which
     * also covers {@link UnusualMove#TRAILING_CLOSES} (100).
     */
    public static final int DEFAULT_CAPACITY = Math.max(
            RegimeClassifier.DEFAULT_VOLATILITY_WINDOW_RETURNS + 1, UnusualMove.TRAILING_CLOSES);

    private final double[] ring;
    private int start;
    private int size;

    public TrailingCloses(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be >= 1 closes, got " + capacity);
        }
        this.ring = new double[capacity];
    }

    /** Restores a buffer from {@link #toArray()}; keeps the last {@code capacity} closes when given more. */
    public static TrailingCloses of(double[] closes, int capacity) {
        if (closes == null) {
            throw new IllegalArgumentException("closes must not be null");
        }
        TrailingCloses buffer = new TrailingCloses(capacity);
        for (double close : closes) {
            buffer.add(close);
        }
        return buffer;
    }

    /**
     * Restores a buffer with capacity {@link #DEFAULT_CAPACITY}, or the array's length if that is longer, so a
     * persisted buffer that was not yet full does not come back smaller than it was.
     */
    public static TrailingCloses of(double[] closes) {
        return of(closes, Math.max(DEFAULT_CAPACITY, closes == null ? 0 : closes.length));
    }

    /** Appends the newest close, dropping the oldest when full. */
    public void add(double close) {
        Checks.positive(close, "close");
        ring[(start + size) % ring.length] = close;
        if (size < ring.length) {
            size++;
        } else {
            start = (start + 1) % ring.length;
        }
    }

    /** The closes, oldest first. */
    public double[] toArray() {
        double[] out = new double[size];
        for (int i = 0; i < size; i++) {
            out[i] = ring[(start + i) % ring.length];
        }
        return out;
    }

    public int size() {
        return size;
    }

    public int capacity() {
        return ring.length;
    }

    @Override
    public String toString() {
        return "TrailingCloses" + Arrays.toString(toArray());
    }
}
