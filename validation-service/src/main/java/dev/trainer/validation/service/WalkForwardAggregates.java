package dev.trainer.validation.service;

import dev.trainer.contracts.events.OptimizationCompleted.Window;
import dev.trainer.validation.service.MetricMap.Defined;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * What the validation windows add up to. Out of sample, the test windows are taken as one continuous record:
 * trade counts add up, net profits compound, and the daily and trade returns are concatenated before Sharpe,
 * Sortino, drawdown and the trade statistics are computed. In sample, each metric is the mean over the windows.
 * Window metric keys are those of the backtests: {@code net_profit_fraction}, {@code sharpe_daily},
 * {@code trade_count}, {@code max_drawdown_fraction}, {@code gross_win_rate_fraction}, ...
 */
public final class WalkForwardAggregates {

    /** Days per year used to annualise daily figures: crypto markets trade every day. */
    public static final double DAYS_PER_YEAR = 365.0;

    /** A standard deviation below this is rounding noise of returns that do not vary. */
    static final double FLAT_TOLERANCE = 1e-12;

    private static final long DAY_MS = 86_400_000L;

    static final String TRADE_COUNT = "trade_count";
    static final String NET_PROFIT = "net_profit_fraction";
    static final String SHARPE = "sharpe_daily";
    static final String MAX_DRAWDOWN = "max_drawdown_fraction";
    static final String WIN_RATE = "gross_win_rate_fraction";

    private final List<Window> windows;
    private final double[] dailyReturns;
    private final double[] tradeReturns;
    private final long tradeCount;

    public WalkForwardAggregates(List<Window> windows) {
        this.windows = windows == null ? List.of() : List.copyOf(windows);
        this.dailyReturns = concat(this.windows.stream().map(Window::outOfSampleDailyReturns).toList());
        this.tradeReturns = concat(this.windows.stream().map(Window::outOfSampleTradeReturns).toList());
        long trades = 0;
        for (Window w : this.windows) {
            trades += windowTradeCount(w);
        }
        this.tradeCount = trades;
    }

    public int windowCount() {
        return windows.size();
    }

    /** The out-of-sample trade returns of every test window, in window order (fractions of equity at entry). */
    public double[] tradeReturns() {
        return tradeReturns.clone();
    }

    /** The out-of-sample daily returns of every test window, concatenated in window order. */
    public double[] dailyReturns() {
        return dailyReturns.clone();
    }

    /**
     * The start (00:00 UTC, epoch ms) of each day of {@link #dailyReturns()}. The engine returns one entry per UTC day
     * that has candles, and a cleaned series has candles every day, so a window's i-th day is the i-th day from the
     * day its test slice starts.
     */
    public long[] dayStartsMs() {
        long[] starts = new long[dailyReturns.length];
        int at = 0;
        for (Window w : windows) {
            double[] daily = w.outOfSampleDailyReturns();
            long first = Math.floorDiv(w.testFrom().toEpochMilli(), DAY_MS) * DAY_MS;
            for (int i = 0; daily != null && i < daily.length; i++) {
                starts[at++] = first + i * DAY_MS;
            }
        }
        return starts;
    }

    /** Each test window's trade returns, for the stability across windows. */
    public double[][] tradeReturnsByWindow() {
        return windows.stream().map(w -> w.outOfSampleTradeReturns() == null ? new double[0] : w.outOfSampleTradeReturns().clone())
                .toArray(double[][]::new);
    }

    /** Out-of-sample closed trades: the sum of the test windows' trade counts. */
    public long tradeCount() {
        return tradeCount;
    }

    /** Out-of-sample net profit: the test windows' net profits compounded, as a fraction of starting equity. */
    public Defined netProfitFraction() {
        if (windows.isEmpty()) {
            return Defined.undefined("no validation windows");
        }
        double growth = 1.0;
        for (Window w : windows) {
            Double net = MetricMap.read(w.outOfSampleMetrics(), NET_PROFIT);
            if (net == null) {
                double[] daily = w.outOfSampleDailyReturns();
                if (daily == null) {
                    return Defined.undefined("window " + w.windowIndex() + " has neither " + NET_PROFIT + " nor daily returns");
                }
                net = compound(daily);
            }
            growth *= 1.0 + net;
        }
        return Defined.of(growth - 1.0, "net profit is not finite");
    }

    /** Sharpe ratio of the concatenated out-of-sample daily returns, annualised with sqrt(365). */
    public Defined sharpeDaily() {
        int n = dailyReturns.length;
        if (n < 2) {
            return Defined.undefined("fewer than 2 out-of-sample days");
        }
        double mean = mean(dailyReturns);
        double sd = sampleStandardDeviation(dailyReturns, mean);
        if (sd < FLAT_TOLERANCE) {
            return Defined.undefined("out-of-sample daily returns do not vary");
        }
        return Defined.of(mean / sd * Math.sqrt(DAYS_PER_YEAR), "Sharpe ratio is not finite");
    }

    /** Sortino ratio of the concatenated daily returns (downside deviation against 0), annualised with sqrt(365). */
    public Defined sortinoDaily() {
        int n = dailyReturns.length;
        if (n < 2) {
            return Defined.undefined("fewer than 2 out-of-sample days");
        }
        double downside = 0.0;
        for (double r : dailyReturns) {
            if (r < 0) {
                downside += r * r;
            }
        }
        if (downside == 0.0) {
            return Defined.undefined("no losing out-of-sample day");
        }
        return Defined.of(mean(dailyReturns) / Math.sqrt(downside / n) * Math.sqrt(DAYS_PER_YEAR), "Sortino ratio is not finite");
    }

    /**
     * Largest peak-to-trough fall of equity, as a positive fraction of the peak: the larger of the drawdown of the
     * concatenated daily equity curve (which spans windows) and the windows' own max_drawdown_fraction (which sees
     * intraday lows). Both are lower bounds of the true figure.
     */
    public Defined maxDrawdownFraction() {
        Double worst = null;
        for (Window w : windows) {
            Double dd = MetricMap.read(w.outOfSampleMetrics(), MAX_DRAWDOWN);
            if (dd != null) {
                worst = worst == null ? Math.abs(dd) : Math.max(worst, Math.abs(dd));
            }
        }
        if (dailyReturns.length > 0) {
            double equity = 1.0;
            double peak = 1.0;
            double daily = 0.0;
            for (double r : dailyReturns) {
                equity *= 1.0 + r;
                peak = Math.max(peak, equity);
                daily = Math.max(daily, (peak - equity) / peak);
            }
            worst = worst == null ? daily : Math.max(worst, daily);
        }
        return worst == null ? Defined.undefined("no daily returns and no window drawdowns") : Defined.of(worst, "drawdown is not finite");
    }

    /**
     * Share of winning out-of-sample trades: the windows' gross_win_rate_fraction weighted by their trade counts
     * when every window with trades reports it, otherwise the share of positive trade returns.
     */
    public Defined grossWinRateFraction() {
        if (tradeCount == 0) {
            return Defined.undefined("no out-of-sample trades");
        }
        double weighted = 0.0;
        boolean complete = true;
        for (Window w : windows) {
            long trades = windowTradeCount(w);
            if (trades == 0) {
                continue;
            }
            Double rate = MetricMap.read(w.outOfSampleMetrics(), WIN_RATE);
            if (rate == null) {
                complete = false;
                break;
            }
            weighted += rate * trades;
        }
        if (complete) {
            return Defined.of(weighted / tradeCount, "win rate is not finite");
        }
        if (tradeReturns.length == 0) {
            return Defined.undefined("windows report no win rate and no trade returns");
        }
        long wins = java.util.Arrays.stream(tradeReturns).filter(r -> r > 0).count();
        return Defined.of((double) wins / tradeReturns.length, "win rate is not finite");
    }

    /** Expectancy: the mean out-of-sample trade return, as a fraction of equity at entry. */
    public Defined meanTradeReturnFraction() {
        return tradeReturns.length == 0 ? Defined.undefined("no out-of-sample trade returns")
                : Defined.of(mean(tradeReturns), "mean trade return is not finite");
    }

    /** Sum of winning trade returns over the absolute sum of losing ones. */
    public Defined profitFactor() {
        double wins = 0.0;
        double losses = 0.0;
        for (double r : tradeReturns) {
            if (r > 0) {
                wins += r;
            } else {
                losses -= r;
            }
        }
        if (tradeReturns.length == 0) {
            return Defined.undefined("no out-of-sample trade returns");
        }
        if (losses == 0.0) {
            return Defined.undefined("no losing out-of-sample trade");
        }
        return Defined.of(wins / losses, "profit factor is not finite");
    }

    public int dayCount() {
        return dailyReturns.length;
    }

    /** Compound annual growth rate of the out-of-sample record, over its days, as a fraction. */
    public Defined annualisedReturnFraction() {
        Defined net = netProfitFraction();
        if (!net.isDefined()) {
            return net;
        }
        double days = dailyReturns.length > 0 ? dailyReturns.length : totalDays(false);
        if (days <= 0) {
            return Defined.undefined("out-of-sample period has no length");
        }
        return Defined.of(Math.pow(1.0 + net.value(), DAYS_PER_YEAR / days) - 1.0, "annualised return is not finite");
    }

    /** Annualised return over maximum drawdown. */
    public Defined calmarRatio() {
        Defined annual = annualisedReturnFraction();
        Defined dd = maxDrawdownFraction();
        if (!annual.isDefined()) {
            return annual;
        }
        if (!dd.isDefined() || dd.value() == 0.0) {
            return Defined.undefined("no drawdown out of sample");
        }
        return Defined.of(annual.value() / dd.value(), "Calmar ratio is not finite");
    }

    /** Mean over the windows of the in-sample sharpe_daily. */
    public Defined inSampleSharpeDaily() {
        return inSampleMean(SHARPE);
    }

    /**
     * Walk-forward efficiency: the out-of-sample return per day (test windows' net profits over their days) over
     * the mean in-sample return per day (each window's in-sample net profit over its train days). Undefined when
     * the in-sample return is not positive, where the ratio means nothing.
     */
    public Defined walkForwardEfficiencyRatio() {
        if (windows.isEmpty()) {
            return Defined.undefined("no validation windows");
        }
        double oosNet = 0.0;
        double inRateSum = 0.0;
        for (Window w : windows) {
            Double is = MetricMap.read(w.inSampleMetrics(), NET_PROFIT);
            Double oos = MetricMap.read(w.outOfSampleMetrics(), NET_PROFIT);
            double trainDays = days(w, true);
            if (is == null || oos == null) {
                return Defined.undefined("window " + w.windowIndex() + " lacks an in- or out-of-sample " + NET_PROFIT);
            }
            if (trainDays <= 0) {
                return Defined.undefined("window " + w.windowIndex() + " has no train period");
            }
            oosNet += oos;
            inRateSum += is / trainDays;
        }
        double testDays = totalDays(false);
        if (testDays <= 0) {
            return Defined.undefined("test windows have no length");
        }
        double inRate = inRateSum / windows.size();
        if (inRate <= 0) {
            return Defined.undefined("in-sample return is not positive");
        }
        return Defined.of((oosNet / testDays) / inRate, "walk-forward efficiency is not finite");
    }

    /** The in-sample metrics as the mean of the windows' values, key by key; window_count first. */
    public Map<String, Object> inSampleSummary() {
        MetricMap out = new MetricMap().count("window_count", windows.size());
        TreeSet<String> keys = new TreeSet<>();
        for (Window w : windows) {
            if (w.inSampleMetrics() != null) {
                w.inSampleMetrics().forEach((k, v) -> {
                    if (!k.endsWith(MetricMap.UNDEFINED_SUFFIX) && (v == null || v instanceof Number)) {
                        keys.add(k);
                    }
                });
            }
        }
        for (String key : keys) {
            out.number(key, inSampleMean(key));
        }
        return out.build();
    }

    private Defined inSampleMean(String key) {
        double sum = 0.0;
        int n = 0;
        for (Window w : windows) {
            Double v = MetricMap.read(w.inSampleMetrics(), key);
            if (v != null) {
                sum += v;
                n++;
            }
        }
        if (n > 0) {
            return Defined.of(sum / n, "mean is not finite");
        }
        if (windows.isEmpty()) {
            return Defined.undefined("no validation windows");
        }
        Window first = windows.get(0);
        Object why = first.inSampleMetrics() == null ? null : first.inSampleMetrics().get(key + MetricMap.UNDEFINED_SUFFIX);
        return Defined.undefined("undefined in every window" + (why == null ? "" : " (window " + first.windowIndex() + ": " + why + ")"));
    }

    /** The out-of-sample metrics of the whole walk-forward record. */
    public Map<String, Object> outOfSampleSummary() {
        MetricMap out = new MetricMap()
                .count("window_count", windows.size())
                .count("day_count", dayCount())
                .count(TRADE_COUNT, tradeCount);
        for (String key : List.of("win_count", "loss_count")) {
            Long sum = outOfSampleSum(key);
            if (sum == null) {
                out.undefined(key, "not reported by every test window");
            } else {
                out.count(key, sum);
            }
        }
        return out
                .number(NET_PROFIT, netProfitFraction())
                .number("annualised_return_fraction", annualisedReturnFraction())
                .number(SHARPE, sharpeDaily())
                .number("sortino_daily", sortinoDaily())
                .number(MAX_DRAWDOWN, maxDrawdownFraction())
                .number("calmar", calmarRatio())
                .number(WIN_RATE, grossWinRateFraction())
                .number("expectancy_fraction", meanTradeReturnFraction())
                .number("profit_factor", profitFactor())
                .build();
    }

    /** The sum of a count over the test windows, or null if a window does not report it. */
    private Long outOfSampleSum(String key) {
        long sum = 0;
        for (Window w : windows) {
            Double v = MetricMap.read(w.outOfSampleMetrics(), key);
            if (v == null) {
                return null;
            }
            sum += Math.round(v);
        }
        return sum;
    }

    private static long windowTradeCount(Window w) {
        Double count = MetricMap.read(w.outOfSampleMetrics(), TRADE_COUNT);
        if (count != null) {
            return Math.round(count);
        }
        return w.outOfSampleTradeReturns() == null ? 0 : w.outOfSampleTradeReturns().length;
    }

    private double totalDays(boolean train) {
        double total = 0.0;
        for (Window w : windows) {
            total += days(w, train);
        }
        return total;
    }

    private static double days(Window w, boolean train) {
        var from = train ? w.trainFrom() : w.testFrom();
        var until = train ? w.trainUntil() : w.testUntil();
        if (from == null || until == null) {
            return 0.0;
        }
        return Duration.between(from, until).toMillis() / 86_400_000.0;
    }

    private static double[] concat(List<double[]> parts) {
        List<double[]> present = new ArrayList<>();
        int n = 0;
        for (double[] p : parts) {
            if (p != null) {
                present.add(p);
                n += p.length;
            }
        }
        double[] out = new double[n];
        int at = 0;
        for (double[] p : present) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }

    private static double compound(double[] returns) {
        double growth = 1.0;
        for (double r : returns) {
            growth *= 1.0 + r;
        }
        return growth - 1.0;
    }

    private static double mean(double[] xs) {
        double sum = 0.0;
        for (double x : xs) {
            sum += x;
        }
        return sum / xs.length;
    }

    private static double sampleStandardDeviation(double[] xs, double mean) {
        double ss = 0.0;
        for (double x : xs) {
            ss += (x - mean) * (x - mean);
        }
        return Math.sqrt(ss / (xs.length - 1));
    }
}
