package dev.trainer.domain.backtest;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Performance of one backtest. Units are in the names; fractions are never percent (0.05 = 5 %). Ratio-like
 * metrics are {@link MetricValue}s that say why they are undefined when they are.
 *
 * @param tradeCount           closed trades (including the END_OF_DATA one)
 * @param winCount             trades with pnl &gt; 0 (after costs)
 * @param lossCount            trades with pnl &lt; 0 (after costs); pnl == 0 counts as neither
 * @param grossWinRateFraction winCount / tradeCount
 * @param netProfitFraction    (final equity - initial equity) / initial equity
 * @param averageWinFraction   mean returnFraction of winning trades (positive)
 * @param averageLossFraction  mean returnFraction of losing trades (negative)
 * @param profitFactor         sum of winning pnl / |sum of losing pnl|
 * @param expectancyFraction   mean returnFraction over all trades
 * @param maxDrawdownFraction  largest fall of the close-marked equity curve from its running peak, / peak (&gt;= 0)
 * @param sharpeDaily          mean / sample standard deviation of daily returns, times sqrt(365)
 * @param sortinoDaily         mean daily return / downside deviation (root mean square of min(r, 0) over all days),
 *                             times sqrt(365)
 * @param sharpePerBar         mean / sample standard deviation of per-bar returns, NOT annualised
 * @param sortinoPerBar        mean per-bar return / per-bar downside deviation, NOT annualised
 * @param calmar               annualised compound return / maxDrawdownFraction
 * @param exposureFraction     sum of {@link Trade#holdingBars()} / all bars
 * @param averageHoldingBars   mean of {@link Trade#holdingBars()}
 * @param exitReasonCounts     trades per exit reason (every reason present, possibly 0)
 * @param ambiguousBarCount    bars whose range contained both the stop and the target of the open position
 * @param initialEquity        starting equity, quote currency
 * @param finalEquity          ending equity, quote currency
 * @param barCount             bars in the backtested series
 * @param dayCount             UTC calendar days spanned (the number of daily returns)
 */
public record Metrics(int tradeCount, int winCount, int lossCount, MetricValue grossWinRateFraction,
        double netProfitFraction, MetricValue averageWinFraction, MetricValue averageLossFraction,
        MetricValue profitFactor, MetricValue expectancyFraction, double maxDrawdownFraction, MetricValue sharpeDaily,
        MetricValue sortinoDaily, MetricValue sharpePerBar, MetricValue sortinoPerBar, MetricValue calmar,
        double exposureFraction, MetricValue averageHoldingBars, Map<ExitReason, Integer> exitReasonCounts,
        int ambiguousBarCount, double initialEquity, double finalEquity, int barCount, int dayCount) {

    public Metrics {
        EnumMap<ExitReason, Integer> counts = new EnumMap<>(ExitReason.class);
        for (ExitReason r : ExitReason.values()) {
            counts.put(r, 0);
        }
        counts.putAll(exitReasonCounts);
        exitReasonCounts = Collections.unmodifiableMap(counts);
    }

    /**
     * Snake_case keys, plain JSON types. An undefined metric is written as {@code key: null} plus
     * {@code key_undefined_reason: "..."}.
     */
    public Map<String, Object> toJsonLike() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("trade_count", tradeCount);
        m.put("win_count", winCount);
        m.put("loss_count", lossCount);
        put(m, "gross_win_rate_fraction", grossWinRateFraction);
        m.put("net_profit_fraction", netProfitFraction);
        put(m, "average_win_fraction", averageWinFraction);
        put(m, "average_loss_fraction", averageLossFraction);
        put(m, "profit_factor", profitFactor);
        put(m, "expectancy_fraction", expectancyFraction);
        m.put("max_drawdown_fraction", maxDrawdownFraction);
        put(m, "sharpe_daily", sharpeDaily);
        put(m, "sortino_daily", sortinoDaily);
        put(m, "sharpe_per_bar", sharpePerBar);
        put(m, "sortino_per_bar", sortinoPerBar);
        put(m, "calmar", calmar);
        m.put("exposure_fraction", exposureFraction);
        put(m, "average_holding_bars", averageHoldingBars);
        Map<String, Object> reasons = new LinkedHashMap<>();
        exitReasonCounts.forEach((k, v) -> reasons.put(k.name(), v));
        m.put("exit_reason_counts", reasons);
        m.put("ambiguous_bar_count", ambiguousBarCount);
        m.put("initial_equity", initialEquity);
        m.put("final_equity", finalEquity);
        m.put("bar_count", barCount);
        m.put("day_count", dayCount);
        return m;
    }

    private static void put(Map<String, Object> m, String key, MetricValue v) {
        if (v.isDefined()) {
            m.put(key, v.value());
        } else {
            m.put(key, null);
            m.put(key + "_undefined_reason", v.undefinedReason());
        }
    }
}
