package dev.trainer.circuitbreaker.service;

import dev.trainer.circuitbreaker.config.CircuitBreakerConfig;
import java.util.function.Function;

/**
 * The plan's seven circuit breakers: their names (as in the plan and on {@code breaker.events}), what their
 * threshold is measured in, what they watch, and where their configured threshold comes from.
 */
public enum Breaker {

    MAX_DAILY_LOSS("max_daily_loss", "fraction of portfolio value", "PORTFOLIO",
            "Portfolio-level risk: the loss within one UTC day, as a fraction of portfolio value at the start of the day.",
            "the day's loss exceeds the threshold (0.02 = 2 %)", CircuitBreakerConfig::maxDailyLoss),
    MAX_CORRELATION_SPIKE("max_correlation_spike", "correlation coefficient (-1..1)", "PORTFOLIO",
            "Correlation protection: the correlation between the returns of the active configurations.",
            "configurations become more correlated than the threshold", CircuitBreakerConfig::maxCorrelationSpike),
    UNUSUAL_MARKET_THRESHOLD("unusual_market_threshold", "standard deviations (sigma)", "MARKET",
            "Market anomaly detection: the size of a price move measured against the market's normal volatility.",
            "a move is larger than the threshold in sigmas", CircuitBreakerConfig::unusualMarketThreshold),
    LATENCY_THRESHOLD_MS("latency_threshold_ms", "milliseconds", "EXECUTION",
            "Execution quality: order round-trip latency to the exchange.",
            "latency exceeds the threshold", CircuitBreakerConfig::latencyThresholdMs),
    MAX_ADVERSE_SELECTION("max_adverse_selection", "fraction of fills", "CONFIGURATION",
            "Execution quality: the share of fills followed by an adverse price move (healthy < 0.3, warning 0.3-0.6).",
            "the share exceeds the threshold", CircuitBreakerConfig::maxAdverseSelection),
    CONSECUTIVE_LOSSES_LIMIT("consecutive_losses_limit", "trades", "CONFIGURATION",
            "Streak protection: the number of losing trades in a row.",
            "the streak reaches the threshold", CircuitBreakerConfig::consecutiveLossesLimit),
    REGIME_BREAK_THRESHOLD("regime_break_threshold", "probability (0..1)", "MARKET",
            "Regime breakdown: the regime classifier's confidence in the most likely regime.",
            "the confidence falls below the threshold", CircuitBreakerConfig::regimeBreakThreshold);

    private final String planName;
    private final String unit;
    private final String scope;
    private final String meaning;
    private final String tripsWhen;
    private final Function<CircuitBreakerConfig, Number> threshold;

    Breaker(String planName, String unit, String scope, String meaning, String tripsWhen,
            Function<CircuitBreakerConfig, Number> threshold) {
        this.planName = planName;
        this.unit = unit;
        this.scope = scope;
        this.meaning = meaning;
        this.tripsWhen = tripsWhen;
        this.threshold = threshold;
    }

    /** The name used in the plan, the settings, the REST API and on breaker.events, e.g. max_daily_loss. */
    public String planName() {
        return planName;
    }

    public String unit() {
        return unit;
    }

    /** What one trip pauses: the whole PORTFOLIO, one MARKET, EXECUTION on an exchange, or one CONFIGURATION. */
    public String scope() {
        return scope;
    }

    public String meaning() {
        return meaning;
    }

    public String tripsWhen() {
        return tripsWhen;
    }

    /** The configured threshold: a Double, or an Integer for the counting breakers (milliseconds, trades). */
    public Number threshold(CircuitBreakerConfig config) {
        return threshold.apply(config);
    }
}
