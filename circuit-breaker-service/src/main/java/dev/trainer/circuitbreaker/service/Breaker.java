package dev.trainer.circuitbreaker.service;

import dev.trainer.circuitbreaker.config.CircuitBreakerConfig;
import dev.trainer.domain.risk.ThresholdRules;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

/**
 * The plan's seven circuit breakers: their names (as in the plan and on {@code breaker.events}), what their
 * threshold is measured in and which values it may take, the kind of scope their state belongs to, and where their
 * configured threshold and cool-down come from. docs/CIRCUIT_BREAKERS.md defines what each computes.
 */
public enum Breaker {

    MAX_DAILY_LOSS("max_daily_loss", "fraction of portfolio value", ScopeKind.PORTFOLIO, ThresholdRange.FRACTION,
            "Portfolio-level risk: the realised loss since 00:00 UTC, as a fraction of the portfolio value at 00:00 UTC.",
            "the day's loss reaches the threshold (0.02 = 2 %); re-arms at the UTC day roll-over",
            CircuitBreakerConfig::maxDailyLoss, c -> c.coolDown().maxDailyLoss()),
    MAX_CORRELATION_SPIKE("max_correlation_spike", "correlation coefficient (-1..1)", ScopeKind.CONFIG,
            ThresholdRange.FRACTION,
            "Correlation protection: the Pearson correlation of a configuration's daily returns with those of each "
                    + "configuration watched before it, over their last common days.",
            "the correlation with an older configuration reaches the threshold; the newer one pauses",
            CircuitBreakerConfig::maxCorrelationSpike, c -> c.coolDown().maxCorrelationSpike()),
    UNUSUAL_MARKET_THRESHOLD("unusual_market_threshold", "standard deviations (sigma)", ScopeKind.MARKET,
            ThresholdRange.POSITIVE,
            "Market anomaly detection: a candle's close-to-close log return measured against the standard deviation "
                    + "of the returns before it.",
            "a fresh candle's move reaches the threshold in sigmas", CircuitBreakerConfig::unusualMarketThreshold,
            c -> c.coolDown().unusualMarketThreshold()),
    LATENCY_THRESHOLD_MS("latency_threshold_ms", "milliseconds", ScopeKind.EXCHANGE, ThresholdRange.WHOLE,
            "Execution quality: a fill's order round-trip latency to the exchange.",
            "a fill's latency reaches the threshold", CircuitBreakerConfig::latencyThresholdMs,
            c -> c.coolDown().latencyThresholdMs()),
    MAX_ADVERSE_SELECTION("max_adverse_selection", "fraction of fills", ScopeKind.CONFIG, ThresholdRange.FRACTION,
            "Execution quality: the share of a configuration's recent fills after which the price moved against them "
                    + "(healthy < 0.3, warning 0.3-0.6).",
            "the share reaches the threshold", CircuitBreakerConfig::maxAdverseSelection,
            c -> c.coolDown().maxAdverseSelection()),
    CONSECUTIVE_LOSSES_LIMIT("consecutive_losses_limit", "trades", ScopeKind.CONFIG, ThresholdRange.WHOLE,
            "Streak protection: the number of losing closing fills in a row.",
            "the streak reaches the threshold", CircuitBreakerConfig::consecutiveLossesLimit,
            c -> c.coolDown().consecutiveLossesLimit()),
    REGIME_BREAK_THRESHOLD("regime_break_threshold", "probability (0..1)", ScopeKind.MARKET,
            ThresholdRange.PROBABILITY,
            "Regime breakdown: the regime classifier's probability of the most likely of four regimes "
                    + "(up or down, calm or volatile).",
            "the probability falls to or below the threshold", CircuitBreakerConfig::regimeBreakThreshold,
            c -> c.coolDown().regimeBreakThreshold());

    private final String planName;
    private final String unit;
    private final ScopeKind scopeKind;
    private final ThresholdRange range;
    private final String meaning;
    private final String tripsWhen;
    private final Function<CircuitBreakerConfig, Number> threshold;
    private final Function<CircuitBreakerConfig, Optional<Duration>> coolDown;

    Breaker(String planName, String unit, ScopeKind scopeKind, ThresholdRange range, String meaning, String tripsWhen,
            Function<CircuitBreakerConfig, Number> threshold,
            Function<CircuitBreakerConfig, Optional<Duration>> coolDown) {
        this.planName = planName;
        this.unit = unit;
        this.scopeKind = scopeKind;
        this.range = range;
        this.meaning = meaning;
        this.tripsWhen = tripsWhen;
        this.threshold = threshold;
        this.coolDown = coolDown;
    }

    /** The breaker with that plan name; IllegalArgumentException naming the known ones. */
    public static Breaker of(String planName) {
        for (Breaker b : values()) {
            if (b.planName.equals(planName)) {
                return b;
            }
        }
        throw new IllegalArgumentException("no breaker named '" + planName + "'; the breakers are "
                + java.util.Arrays.stream(values()).map(Breaker::planName).toList());
    }

    /** The name used in the plan, the settings, the REST API and on breaker.events, e.g. max_daily_loss. */
    public String planName() {
        return planName;
    }

    public String unit() {
        return unit;
    }

    /** The kind of scope this breaker's state belongs to. */
    public ScopeKind scopeKind() {
        return scopeKind;
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

    /** The configured cool-down; empty: re-armed only by hand (or, for max_daily_loss, by the UTC day roll-over). */
    public Optional<Duration> coolDown(CircuitBreakerConfig config) {
        return coolDown.apply(config);
    }

    /**
     * Why a threshold cannot be set for this breaker, or empty when it can: the domain's rule
     * ({@link ThresholdRules}), narrowed where a value the computation accepts would make no sense as a setting (a
     * correlation threshold must be above 0, a regime threshold strictly between 0 and 1: at 0 it never trips, at 1
     * always).
     */
    public Optional<String> thresholdProblem(double value) {
        try {
            ThresholdRules.require(planName, value);
        } catch (IllegalArgumentException | ArithmeticException e) {
            return Optional.of(e.getMessage());
        }
        return switch (range) {
            case FRACTION -> value > 0 ? Optional.empty()
                    : Optional.of("must be in (0, 1] (" + unit + "), got " + value);
            case PROBABILITY -> value > 0 && value < 1 ? Optional.empty()
                    : Optional.of("must be in (0, 1) (" + unit + "), got " + value);
            case POSITIVE, WHOLE -> Optional.empty();
        };
    }

    /** A threshold as it is shown: whole numbers for the counting breakers. */
    public Number shown(double value) {
        return range == ThresholdRange.WHOLE ? (Number) Math.round(value) : (Number) value;
    }

    /** The values a threshold may take, as far as the settings narrow the domain's rule. */
    enum ThresholdRange {
        /** (0, 1]. */
        FRACTION,
        /** > 0. */
        POSITIVE,
        /** A whole number >= 1. */
        WHOLE,
        /** (0, 1). */
        PROBABILITY
    }
}
