package dev.trainer.circuitbreaker.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The plan's circuit breaker defaults ("Recommended Circuit Breaker Defaults"), under the plan's own names:
 * {@code circuit-breaker.max_daily_loss} and so on. Each can be overridden like any setting, e.g. with the
 * environment variable {@code CIRCUIT_BREAKER_MAX_DAILY_LOSS}. Units are in {@link dev.trainer.circuitbreaker.service.Breaker}.
 */
@ConfigMapping(prefix = "circuit-breaker", namingStrategy = ConfigMapping.NamingStrategy.SNAKE_CASE)
public interface CircuitBreakerConfig {

    /** Fraction of portfolio value that may be lost in one UTC day (0.02 = 2 %). */
    @WithDefault("0.02")
    double maxDailyLoss();

    /** Correlation coefficient between active configurations' returns above which trading pauses. */
    @WithDefault("0.8")
    double maxCorrelationSpike();

    /** Size of a move, in standard deviations of normal volatility, that marks the market as unusual. */
    @WithDefault("3.0")
    double unusualMarketThreshold();

    /** Order round-trip latency in milliseconds above which execution is considered impaired. */
    @WithDefault("500")
    int latencyThresholdMs();

    /** Fraction of fills followed by an adverse price move above which the strategy is being picked off. */
    @WithDefault("0.6")
    double maxAdverseSelection();

    /** Number of losing trades in a row after which a configuration pauses. */
    @WithDefault("5")
    int consecutiveLossesLimit();

    /** Regime classifier confidence (probability of the most likely regime) below which the regime is broken. */
    @WithDefault("0.3")
    double regimeBreakThreshold();
}
