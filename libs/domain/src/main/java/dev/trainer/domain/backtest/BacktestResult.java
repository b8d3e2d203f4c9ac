package dev.trainer.domain.backtest;

import java.util.List;

/**
 * Outcome of one backtest: metrics, every closed trade, and the daily return series used for Sharpe and the
 * statistical tests.
 */
public final class BacktestResult {

    private final Metrics metrics;
    private final List<Trade> trades;
    private final double[] dailyReturns;
    private final long[] dailyTimesMs;
    private final double[] dailyEquity;

    BacktestResult(Metrics metrics, List<Trade> trades, double[] dailyReturns, long[] dailyTimesMs,
            double[] dailyEquity) {
        this.metrics = metrics;
        this.trades = List.copyOf(trades);
        this.dailyReturns = dailyReturns;
        this.dailyTimesMs = dailyTimesMs;
        this.dailyEquity = dailyEquity;
    }

    public Metrics metrics() {
        return metrics;
    }

    public List<Trade> trades() {
        return trades;
    }

    /**
     * Return of each UTC calendar day from the first bar's day to the last bar's day: equity marked to market at
     * the close of the day's last bar, divided by the previous day's mark (the initial equity for the first day),
     * minus 1. Days without a position, and days without any bar, are included (with return 0).
     */
    public double[] dailyReturns() {
        return dailyReturns.clone();
    }

    /** Start (00:00 UTC, epoch ms) of the day of each entry of {@link #dailyReturns()}. */
    public long[] dailyTimesMs() {
        return dailyTimesMs.clone();
    }

    /** Equity marked at each day's end, quote currency (same indexing as {@link #dailyReturns()}). */
    public double[] dailyEquity() {
        return dailyEquity.clone();
    }

    @Override
    public String toString() {
        return "BacktestResult[trades=" + trades.size() + ", netProfitFraction=" + metrics.netProfitFraction() + "]";
    }
}
