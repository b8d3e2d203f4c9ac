package dev.trainer.contracts;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The instants a request may name: from 1970-01-01T00:00:00Z (inclusive) to 2100-01-01T00:00:00Z (exclusive).
 * Wider than any market's history, and narrow enough that every instant in it has epoch milliseconds and a
 * PostgreSQL timestamp, so a time a client writes (e.g. year -999999999) is refused naming its field instead of
 * overflowing where it is converted.
 */
public final class TimeBounds {

    public static final Instant MIN = Instant.parse("1970-01-01T00:00:00Z");
    public static final Instant MAX_EXCLUSIVE = Instant.parse("2100-01-01T00:00:00Z");

    private TimeBounds() {
    }

    /** Why the instant is out of range, or empty when it is within it (or null: absence is the caller's business). */
    public static Optional<String> problem(Instant t) {
        if (t == null || (!t.isBefore(MIN) && t.isBefore(MAX_EXCLUSIVE))) {
            return Optional.empty();
        }
        return Optional.of(t + " is outside " + MIN + " to " + MAX_EXCLUSIVE + " (exclusive)");
    }

    /** As {@link #problem(Instant)}, for a UTC day. */
    public static Optional<String> problem(LocalDate day) {
        if (day == null) {
            return Optional.empty();
        }
        if (day.isBefore(LocalDate.parse("1970-01-01")) || !day.isBefore(LocalDate.parse("2100-01-01"))) {
            return Optional.of(day + " is outside 1970-01-01 to 2100-01-01 (exclusive)");
        }
        return Optional.empty();
    }
}
