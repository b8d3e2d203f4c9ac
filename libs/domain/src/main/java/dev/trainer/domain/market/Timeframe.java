package dev.trainer.domain.market;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Candle length. Candles of a timeframe start at UTC multiples of its duration since the epoch (so a 4h candle
 * starts at 00:00, 04:00, ... UTC and a 1d candle at UTC midnight), which is what exchanges do too.
 */
public enum Timeframe {
    M1("1m", 60_000L),
    M5("5m", 5 * 60_000L),
    M15("15m", 15 * 60_000L),
    H1("1h", 60 * 60_000L),
    H4("4h", 4 * 60 * 60_000L),
    D1("1d", 24 * 60 * 60_000L);

    private final String label;
    private final long durationMs;

    Timeframe(String label, long durationMs) {
        this.label = label;
        this.durationMs = durationMs;
    }

    /** The exchange-style label: "1m", "5m", "15m", "1h", "4h", "1d". */
    public String label() {
        return label;
    }

    public long durationMs() {
        return durationMs;
    }

    /** Open time of the candle of this timeframe that contains {@code timeMs} (floor to a UTC multiple). */
    public long alignDown(long timeMs) {
        return Math.floorDiv(timeMs, durationMs) * durationMs;
    }

    /** Parses a label such as "5m" (case-insensitive; the enum name, e.g. "M5", is accepted too). */
    public static Timeframe parse(String label) {
        if (label != null) {
            String trimmed = label.trim();
            for (Timeframe tf : values()) {
                if (tf.label.equalsIgnoreCase(trimmed) || tf.name().equalsIgnoreCase(trimmed)) {
                    return tf;
                }
            }
        }
        throw new IllegalArgumentException("Unknown timeframe '" + label + "'; accepted: "
                + Arrays.stream(values()).map(Timeframe::label).collect(Collectors.joining(", ")));
    }

    @Override
    public String toString() {
        return label;
    }
}
