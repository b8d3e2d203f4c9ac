package dev.trainer.domain.risk;

/**
 * The outcome of one breaker check: the measured value, the threshold it was compared with, whether it trips, and a
 * sentence naming value, threshold and unit (e.g. "loss since 00:00 UTC is 2.31 % of the start-of-day value
 * 100000.00; limit 2.00 %").
 *
 * @param value     the measured value; NaN when the check is undefined (not enough data)
 * @param threshold the threshold the value was compared with
 * @param tripped   whether the breaker trips; always false when the value is NaN
 * @param reason    the sentence above, or why the check is undefined
 */
public record Measurement(double value, double threshold, boolean tripped, String reason) {

    public Measurement {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a measurement needs a reason");
        }
        if (Double.isNaN(value) && tripped) {
            throw new IllegalArgumentException("an undefined measurement cannot trip: " + reason);
        }
    }

    /** A check without enough data: value NaN, not tripped, and the reason says why. */
    public static Measurement undefined(double threshold, String why) {
        return new Measurement(Double.NaN, threshold, false, why);
    }

    /** False when there was not enough data to measure. */
    public boolean defined() {
        return !Double.isNaN(value);
    }
}
