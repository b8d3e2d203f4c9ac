package dev.trainer.circuitbreaker.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;
import java.util.Optional;

/**
 * The plan's circuit breaker defaults ("Recommended Circuit Breaker Defaults"), under the plan's own names:
 * {@code circuit-breaker.max_daily_loss} and so on. Each can be overridden like any setting, e.g. with the
 * environment variable {@code CIRCUIT_BREAKER_MAX_DAILY_LOSS}. Units are in {@link dev.trainer.circuitbreaker.service.Breaker}.
 * The settings of the breakers' inputs follow, under kebab-case names (e.g. {@code circuit-breaker.market.max-candle-age});
 * docs/CIRCUIT_BREAKERS.md lists them all. {@link SettingsCheck} refuses to start with values that make no sense.
 */
@ConfigMapping(prefix = "circuit-breaker", namingStrategy = ConfigMapping.NamingStrategy.SNAKE_CASE)
public interface CircuitBreakerConfig {

    /** Fraction of portfolio value that may be lost in one UTC day (0.02 = 2 %). */
    @WithDefault("0.02")
    double maxDailyLoss();

    /** Correlation coefficient between active configurations' returns at or above which the newer one pauses. */
    @WithDefault("0.8")
    double maxCorrelationSpike();

    /** Size of a move, in standard deviations of normal volatility, that marks the market as unusual. */
    @WithDefault("3.0")
    double unusualMarketThreshold();

    /** Order round-trip latency in milliseconds at or above which execution is considered impaired. */
    @WithDefault("500")
    int latencyThresholdMs();

    /** Fraction of fills followed by an adverse price move at or above which the strategy is being picked off. */
    @WithDefault("0.6")
    double maxAdverseSelection();

    /** Number of losing trades in a row after which a configuration pauses. */
    @WithDefault("5")
    int consecutiveLossesLimit();

    /** Regime classifier confidence (probability of the most likely regime) at or below which the regime is broken. */
    @WithDefault("0.3")
    double regimeBreakThreshold();

    @WithName("portfolio")
    Portfolio portfolio();

    /** The capital one configuration trades with (quote currency): its live daily return is its daily P&L over this. */
    @WithName("configuration-capital-quote")
    @WithDefault("10000")
    double configurationCapitalQuote();

    @WithName("correlation")
    Correlation correlation();

    @WithName("market")
    Market market();

    @WithName("adverse-selection")
    AdverseSelectionSettings adverseSelection();

    @WithName("regime")
    Regime regime();

    /** After a trip, how long until the breaker re-arms by itself; absent: only a manual reset (or the roll-over). */
    @WithName("cool-down")
    CoolDowns coolDown();

    /** How often the scheduled check looks for the UTC day roll-over, elapsed cool-downs and unsent events. */
    @WithName("check-interval")
    @WithDefault("PT30S")
    Duration checkInterval();

    interface Portfolio {

        /** The portfolio's value before any fill (quote currency); its value is this plus all realised P&L. */
        @WithName("starting-value-quote")
        @WithDefault("100000")
        double startingValueQuote();
    }

    interface Correlation {

        /** The most recent days both configurations have, over which their daily returns are correlated. */
        @WithName("window-days")
        @WithDefault("30")
        int windowDays();

        /** Fewer common days than this: the correlation is undefined and trips nothing. */
        @WithName("min-common-days")
        @WithDefault("10")
        int minCommonDays();
    }

    interface Market {

        /** Closes before a candle whose log returns give sigma for unusual_market_threshold (at most 100). */
        @WithName("trailing-closes")
        @WithDefault("100")
        int trailingCloses();

        /**
         * Only candles that opened within this of now are judged; older ones only fill the trailing windows (a
         * training job's years of history must not pause live trading).
         */
        @WithName("max-candle-age")
        @WithDefault("PT2H")
        Duration maxCandleAge();
    }

    interface AdverseSelectionSettings {

        /** How long after a fill the market price is compared with the filled price. */
        @WithName("horizon")
        @WithDefault("PT5M")
        Duration horizon();

        /** The judged fills of a configuration the share is taken over (the most recent ones). */
        @WithName("window-fills")
        @WithDefault("20")
        int windowFills();

        /** Judged fills needed before the share means anything. */
        @WithName("min-fills")
        @WithDefault("10")
        int minFills();
    }

    interface Regime {

        /** W: the returns of the trend and of the short volatility. */
        @WithName("trend-window-returns")
        @WithDefault("60")
        int trendWindowReturns();

        /** L: all returns of the classifier; the long volatility uses the L - W before the last W. */
        @WithName("volatility-window-returns")
        @WithDefault("600")
        int volatilityWindowReturns();
    }

    /** ISO-8601 durations, e.g. PT15M. Defaults are in application.properties. */
    interface CoolDowns {

        @WithName("max_daily_loss")
        Optional<Duration> maxDailyLoss();

        @WithName("max_correlation_spike")
        Optional<Duration> maxCorrelationSpike();

        @WithName("unusual_market_threshold")
        Optional<Duration> unusualMarketThreshold();

        @WithName("latency_threshold_ms")
        Optional<Duration> latencyThresholdMs();

        @WithName("max_adverse_selection")
        Optional<Duration> maxAdverseSelection();

        @WithName("consecutive_losses_limit")
        Optional<Duration> consecutiveLossesLimit();

        @WithName("regime_break_threshold")
        Optional<Duration> regimeBreakThreshold();
    }
}
