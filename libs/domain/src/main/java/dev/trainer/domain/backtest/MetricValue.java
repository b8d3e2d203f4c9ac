package dev.trainer.domain.backtest;

/**
 * A metric that may be undefined. Undefined metrics carry the reason (e.g. "no losing trades") instead of a
 * misleading 0 or null, so that nobody ranks a strategy by a profit factor that does not exist.
 *
 * @param value           the value, NaN when undefined
 * @param undefinedReason null when defined
 */
public record MetricValue(double value, String undefinedReason) {

    public MetricValue {
        if (undefinedReason == null && !Double.isFinite(value)) {
            throw new IllegalArgumentException("a defined metric must be finite, was " + value);
        }
        if (undefinedReason != null) {
            value = Double.NaN;
        }
    }

    public static MetricValue of(double value) {
        return Double.isFinite(value) ? new MetricValue(value, null)
                : new MetricValue(Double.NaN, "not a finite number (" + value + ")");
    }

    public static MetricValue undefined(String reason) {
        return new MetricValue(Double.NaN, reason);
    }

    public boolean isDefined() {
        return undefinedReason == null;
    }

    /** The value, or {@code fallback} when undefined. */
    public double orElse(double fallback) {
        return isDefined() ? value : fallback;
    }

    @Override
    public String toString() {
        return isDefined() ? Double.toString(value) : "undefined (" + undefinedReason + ")";
    }
}
