package dev.trainer.domain.risk;

/** latency_threshold_ms: one fill's order round-trip latency; trips at or above the threshold. */
public final class Latency {

    private Latency() {
    }

    /** The limit must be > 0 ms. */
    public static void requireValidThreshold(long thresholdMs) {
        if (thresholdMs <= 0) {
            throw new IllegalArgumentException("the latency threshold must be > 0 ms, got " + thresholdMs + " ms");
        }
    }

    /**
     * @param latencyMs   the fill's latency in milliseconds (>= 0)
     * @param thresholdMs the limit in milliseconds (> 0)
     */
    public static Measurement measure(long latencyMs, long thresholdMs) {
        if (latencyMs < 0) {
            throw new IllegalArgumentException("latency must be >= 0 ms, got " + latencyMs + " ms");
        }
        requireValidThreshold(thresholdMs);
        return new Measurement(latencyMs, thresholdMs, latencyMs >= thresholdMs,
                "fill latency is " + latencyMs + " ms; limit " + thresholdMs + " ms");
    }
}
