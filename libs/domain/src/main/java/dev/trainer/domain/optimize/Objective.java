package dev.trainer.domain.optimize;

import dev.trainer.domain.backtest.MetricValue;
import dev.trainer.domain.backtest.Metrics;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What an optimiser maximises. Higher is better for all of them. */
public enum Objective {
    /** {@link Metrics#netProfitFraction()} */
    NET_PROFIT,
    /** {@link Metrics#sharpeDaily()} */
    SHARPE,
    /** {@link Metrics#sortinoDaily()} */
    SORTINO,
    /** {@link Metrics#calmar()} */
    CALMAR,
    /** {@link Metrics#profitFactor()} */
    PROFIT_FACTOR,
    /** {@link Metrics#expectancyFraction()} */
    EXPECTANCY;

    /** Accepts "net_profit", "NET_PROFIT", "net-profit", "sharpe", ... */
    public static Objective parse(String s) {
        if (s != null) {
            String norm = s.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
            for (Objective o : values()) {
                if (o.name().equals(norm)) {
                    return o;
                }
            }
        }
        throw new IllegalArgumentException("Unknown objective '" + s + "'; accepted: " + Arrays.stream(values())
                .map(o -> o.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", ")));
    }

    /** snake_case name, as in messages. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The score to maximise, or {@link Double#NEGATIVE_INFINITY} when the metric is undefined or the backtest has
     * fewer than {@code minTrades} trades (so such trials always rank last instead of winning by accident).
     */
    public double score(Metrics m, int minTrades) {
        if (m.tradeCount() < minTrades) {
            return Double.NEGATIVE_INFINITY;
        }
        MetricValue v = switch (this) {
            case NET_PROFIT -> MetricValue.of(m.netProfitFraction());
            case SHARPE -> m.sharpeDaily();
            case SORTINO -> m.sortinoDaily();
            case CALMAR -> m.calmar();
            case PROFIT_FACTOR -> m.profitFactor();
            case EXPECTANCY -> m.expectancyFraction();
        };
        return v.isDefined() ? v.value() : Double.NEGATIVE_INFINITY;
    }
}
