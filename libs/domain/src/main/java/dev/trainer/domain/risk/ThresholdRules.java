package dev.trainer.domain.risk;

/**
 * Whether a threshold is usable by its breaker, by the breaker's plan name, so an override can be refused when it is
 * set instead of failing later at every check. Delegates to each breaker's own {@code requireValidThreshold}.
 */
public final class ThresholdRules {

    private ThresholdRules() {
    }

    /**
     * @param planName  max_daily_loss, max_correlation_spike, unusual_market_threshold, latency_threshold_ms,
     *                  max_adverse_selection, consecutive_losses_limit or regime_break_threshold
     * @throws IllegalArgumentException naming the allowed range, or for an unknown plan name
     */
    public static void require(String planName, double threshold) {
        switch (planName == null ? "" : planName) {
            case "max_daily_loss" -> DailyLoss.requireValidThreshold(threshold);
            case "max_correlation_spike" -> ReturnCorrelation.requireValidThreshold(threshold);
            case "unusual_market_threshold" -> UnusualMove.requireValidThreshold(threshold);
            case "latency_threshold_ms" -> Latency.requireValidThreshold(whole(threshold, "the latency threshold (ms)"));
            case "max_adverse_selection" -> AdverseSelection.requireValidThreshold(threshold);
            case "consecutive_losses_limit" -> LossStreak.requireValidThreshold(
                    Math.toIntExact(whole(threshold, "the consecutive losses limit (trades)")));
            case "regime_break_threshold" -> RegimeBreak.requireValidThreshold(threshold);
            default -> throw new IllegalArgumentException("unknown breaker '" + planName + "'");
        }
    }

    private static long whole(double value, String name) {
        Checks.finite(value, name);
        if (value != Math.rint(value) || Math.abs(value) > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(name + " must be a whole number, got " + value);
        }
        return (long) value;
    }
}
