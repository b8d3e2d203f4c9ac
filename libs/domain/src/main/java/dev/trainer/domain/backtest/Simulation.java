package dev.trainer.domain.backtest;

import dev.trainer.domain.market.CandleSeries;
import dev.trainer.domain.market.CloseReturnSums;
import dev.trainer.domain.market.UtcDayCalendar;
import dev.trainer.domain.strategy.PreparedSeries;
import dev.trainer.domain.strategy.SignalSet;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One backtest run: walks from signal to signal, and bar by bar only while a position is open, accumulating what
 * the metrics need in scalars (and, when asked, the trades and daily equity). Single use, not thread-safe.
 *
 * <p>Fill rules (see docs/BACKTESTING.md):
 * <ol>
 *   <li>an entry signal at the close of bar s fills at the open of bar s + 1 (nothing fills after the last bar);</li>
 *   <li>at the open of each later bar: a pending exit (signal or max holding decided at the previous close) fills at
 *   the open; otherwise, if the bar opens beyond the stop (or the target), that level's exit fills at the open;</li>
 *   <li>inside the bar: stop hit if the low (long) / high (short) reaches it, target likewise; both in one bar =
 *   ambiguous, resolved by the settings' policy (stop first by default);</li>
 *   <li>at the close: the strategy's exit signal or the holding limit schedules an exit at the next open; at the last
 *   bar an open position is closed at the close (END_OF_DATA);</li>
 *   <li>every fill pays slippage (price moved against the trader) and the fee on its notional.</li>
 * </ol>
 * Sizing: with a stop, quantity = riskFraction * equity / |entry price - stop|, capped so that notional plus entry
 * fee never exceeds equity (no leverage); without a stop, all equity. Equity &lt;= 0 ends trading.
 */
final class Simulation {

    private static final ExitReason[] REASONS = ExitReason.values();

    private final CandleSeries series;
    private final UtcDayCalendar calendar;
    private final PreparedSeries prepared;
    private final BacktestSettings settings;
    private final boolean recordDetails;

    // trade totals
    int tradeCount, winCount, lossCount, ambiguousBars;
    double sumReturn, sumWinReturn, sumLossReturn, grossProfit, grossLoss;
    long heldBars;
    final int[] reasonCounts = new int[REASONS.length];
    // per-bar return moments (flat bars contribute 0 and are only counted)
    double barSum, barSumSq, barDownSq;
    // daily return moments
    double daySum, daySumSq, dayDownSq, prevDayEquity;
    int dayPointer;
    // drawdown
    double peak, maxDrawdown;
    double cash;

    // details, only when recordDetails
    private List<Trade> trades;
    private double[] dayEquity;

    Simulation(PreparedSeries prepared, BacktestSettings settings, boolean recordDetails) {
        this.series = prepared.series();
        this.calendar = prepared.days();
        this.prepared = prepared;
        this.settings = settings;
        this.recordDetails = recordDetails;
        this.cash = settings.initialEquity();
        this.peak = cash;
        this.prevDayEquity = cash;
        if (recordDetails) {
            trades = new ArrayList<>();
            dayEquity = new double[calendar.dayCount()];
        }
    }

    void run(SignalSet signals) {
        final int n = series.size();
        final double[] open = series.openArray(), high = series.highArray(), low = series.lowArray(),
                close = series.closeArray();
        final double fee = settings.feePerSide();
        final double slip = settings.slippagePerSide();
        final double risk = settings.riskFractionPerTrade();
        final int maxHold = settings.maxHoldingBars();
        final AmbiguousBarPolicy policy = settings.ambiguousBarPolicy();
        final int[] entryBars = signals.entryBarArray();
        final byte[] sides = signals.entrySideArray();
        final double[] stopDist = signals.stopDistanceArray();
        final double[] targetDist = signals.targetDistanceArray();
        final int[] longExits = signals.longExitBarArray();
        final int[] shortExits = signals.shortExitBarArray();
        int longExitPtr = 0, shortExitPtr = 0;
        int earliestSignal = 0;

        for (int k = 0; k < entryBars.length; k++) {
            final int signalBar = entryBars[k];
            if (signalBar < earliestSignal) {
                continue;
            }
            final int f = signalBar + 1; // fill bar
            if (f >= n || !(cash > 0)) {
                break;
            }
            final int side = sides[k];
            final double rawOpen = open[f];
            final double entryPrice = rawOpen * (1 + side * slip);
            final boolean hasStop = stopDist[k] > 0; // NaN compares false
            final boolean hasTarget = targetDist[k] > 0;
            final double stop = hasStop ? rawOpen - side * stopDist[k] : Double.NaN;
            final double target = hasTarget ? rawOpen + side * targetDist[k] : Double.NaN;
            final double equityAtEntry = cash;
            final double maxQty = equityAtEntry / (entryPrice * (1 + fee));
            double qty = maxQty;
            if (hasStop) {
                double perUnitRisk = Math.abs(entryPrice - stop);
                if (perUnitRisk > 0) {
                    qty = Math.min(maxQty, equityAtEntry * risk / perUnitRisk);
                }
            }
            if (!(qty > 0) || !Double.isFinite(qty)) {
                earliestSignal = signalBar + 1;
                continue;
            }
            markFlatDaysBefore(f);
            final double base = equityAtEntry - fee * qty * entryPrice; // equity = base + side*qty*(price-entryPrice)

            // first exit signal at or after the fill bar, for this side
            int exitSignalBar = Integer.MAX_VALUE;
            if (side > 0) {
                while (longExitPtr < longExits.length && longExits[longExitPtr] < f) {
                    longExitPtr++;
                }
                if (longExitPtr < longExits.length) {
                    exitSignalBar = longExits[longExitPtr];
                }
            } else {
                while (shortExitPtr < shortExits.length && shortExits[shortExitPtr] < f) {
                    shortExitPtr++;
                }
                if (shortExitPtr < shortExits.length) {
                    exitSignalBar = shortExits[shortExitPtr];
                }
            }
            final int holdLimitBar = maxHold > 0 ? f + maxHold - 1 : Integer.MAX_VALUE;
            final int closeDecisionBar = Math.min(exitSignalBar, holdLimitBar);
            final ExitReason closeDecisionReason = exitSignalBar <= holdLimitBar ? ExitReason.SIGNAL
                    : ExitReason.MAX_HOLDING;

            // 1. find the exit: only comparisons, bar by bar, and none at all without stop or target
            int exitBar;
            double exitRaw;
            ExitReason reason;
            if (!hasStop && !hasTarget) {
                if (closeDecisionBar < n - 1) {
                    exitBar = closeDecisionBar + 1;
                    exitRaw = open[exitBar];
                    reason = closeDecisionReason;
                } else {
                    exitBar = n - 1;
                    exitRaw = close[exitBar];
                    reason = ExitReason.END_OF_DATA;
                }
            } else {
                exitBar = -1;
                exitRaw = Double.NaN;
                reason = null;
                final double longStop = side > 0 ? stop : Double.NEGATIVE_INFINITY; // NaN-free bounds for the scan
                final double shortStop = side < 0 ? stop : Double.POSITIVE_INFINITY;
                final double longTarget = side > 0 && hasTarget ? target : Double.POSITIVE_INFINITY;
                final double shortTarget = side < 0 && hasTarget ? target : Double.NEGATIVE_INFINITY;
                final double lowBound = hasStop ? longStop : Double.NEGATIVE_INFINITY;
                final double highBound = hasStop ? shortStop : Double.POSITIVE_INFINITY;
                final int lastBar = Math.min(n - 1, closeDecisionBar);
                int b = f;
                // fast path: bars that touch neither level and are not a decision bar
                while (true) {
                    while (b < lastBar && low[b] > Math.max(lowBound, shortTarget)
                            && high[b] < Math.min(highBound, longTarget)) {
                        b++;
                    }
                    if (b > f) {
                        double o = open[b];
                        if (hasStop && (side > 0 ? o <= stop : o >= stop)) {
                            exitBar = b;
                            exitRaw = o;
                            reason = ExitReason.STOP_LOSS;
                            break;
                        }
                        if (hasTarget && (side > 0 ? o >= target : o <= target)) {
                            exitBar = b;
                            exitRaw = o;
                            reason = ExitReason.TAKE_PROFIT;
                            break;
                        }
                    }
                    boolean stopHit = hasStop && (side > 0 ? low[b] <= stop : high[b] >= stop);
                    boolean targetHit = hasTarget && (side > 0 ? high[b] >= target : low[b] <= target);
                    if (stopHit || targetHit) {
                        boolean stopWins = stopHit;
                        if (stopHit && targetHit) {
                            ambiguousBars++;
                            stopWins = switch (policy) {
                                case STOP_FIRST -> true;
                                case TARGET_FIRST -> false;
                                case NEARER_TO_OPEN_FIRST -> Math.abs(open[b] - stop) <= Math.abs(target - open[b]);
                            };
                        }
                        exitBar = b;
                        exitRaw = stopWins ? stop : target;
                        reason = stopWins ? ExitReason.STOP_LOSS : ExitReason.TAKE_PROFIT;
                        break;
                    }
                    if (b == n - 1) {
                        exitBar = b;
                        exitRaw = close[b];
                        reason = ExitReason.END_OF_DATA;
                        break;
                    }
                    if (b == closeDecisionBar) {
                        // decided at this close: filled at the next open, before any stop could trigger
                        exitBar = b + 1;
                        exitRaw = open[b + 1];
                        reason = closeDecisionReason;
                        break;
                    }
                    b++;
                }
            }

            // 2. mark the bars held through their close (f .. exitBar - 1): per-bar returns, drawdown, day ends
            // all equity held long: equity is proportional to the close (base - qty * entryPrice is 0 up to rounding)
            final boolean proportional = side > 0 && qty == maxQty;
            final double prevEquity = markHeldBars(close, f, exitBar, base, side * qty, entryPrice, equityAtEntry,
                    proportional);

            final double exitPrice = exitRaw * (1 - side * slip);
            final double pnl = side * qty * (exitPrice - entryPrice) - fee * qty * entryPrice - fee * qty * exitPrice;
            cash = equityAtEntry + pnl;
            addBarReturn(cash, prevEquity);
            final int held = exitBar - f + (reason == ExitReason.SIGNAL || reason == ExitReason.MAX_HOLDING ? 0 : 1);
            recordTrade(side, f, entryPrice, exitBar, exitPrice, reason, qty, pnl, pnl / equityAtEntry, held);
            earliestSignal = exitBar;
        }
        markFlatDaysBefore(Integer.MAX_VALUE);
    }

    /**
     * Marks equity at the close of bars [from, to) of an open position; returns the last mark (or startEquity when
     * the range is empty). The hot loop of position-heavy strategies. When equity is proportional to the close, the
     * per-bar return moments after the first bar are the series' close-to-close ones, added from prefix sums, and
     * the loop only follows the peak and the day ends.
     */
    private double markHeldBars(double[] close, int from, int to, double base, double signedQty, double entryPrice,
            double startEquity, boolean proportional) {
        if (from >= to) {
            return startEquity;
        }
        double prevEquity = startEquity;
        final int[] mark = calendar.markBarArray();
        double sum = barSum, sumSq = barSumSq, downSq = barDownSq, pk = peak, mdd = maxDrawdown;
        double keep = 1 - mdd; // equity below pk * keep sets a new maximum drawdown
        if (proportional) {
            double first = base + signedQty * (close[from] - entryPrice);
            double r = prevEquity > 0 ? first / prevEquity - 1 : 0;
            CloseReturnSums sums = prepared.closeReturnSums();
            sum += r + sums.sum(from + 1, to);
            sumSq += r * r + sums.sumOfSquares(from + 1, to);
            downSq += (r < 0 ? r * r : 0) + sums.sumOfDownsideSquares(from + 1, to);
        }
        int b = from;
        while (b < to) {
            // run up to the next day-end mark without testing for it on every bar
            final int nextMark = dayPointer < mark.length ? mark[dayPointer] : Integer.MAX_VALUE;
            final int segmentEnd = nextMark < to ? nextMark + 1 : to;
            for (; b < segmentEnd; b++) {
                double equity = base + signedQty * (close[b] - entryPrice);
                if (!proportional) { // loop-invariant: the JIT compiles the loop once for each value
                    double r = prevEquity > 0 ? equity / prevEquity - 1 : 0; // a short can take equity to 0 or below
                    // r when negative, else 0, without a branch: a bar's sign is a coin flip, and a mispredicted
                    // branch costs more than the rest of the loop (exact: r - |r| is 2r or 0, halving is exact)
                    double down = (r - Math.abs(r)) * 0.5;
                    sum += r;
                    sumSq += r * r;
                    downSq += down * down;
                }
                if (equity > pk) {
                    pk = equity;
                } else if (equity < pk * keep) {
                    mdd = (pk - equity) / pk;
                    keep = 1 - mdd;
                }
                prevEquity = equity;
            }
            if (b - 1 == nextMark) {
                markDaysAt(nextMark, prevEquity);
            }
        }
        barSum = sum;
        barSumSq = sumSq;
        barDownSq = downSq;
        peak = pk;
        maxDrawdown = mdd;
        return prevEquity;
    }

    private void addBarReturn(double equity, double prevEquity) {
        double r = prevEquity > 0 ? equity / prevEquity - 1 : 0;
        barSum += r;
        barSumSq += r * r;
        if (r < 0) {
            barDownSq += r * r;
        }
        if (equity > peak) {
            peak = equity;
        } else {
            double dd = (peak - equity) / peak;
            if (dd > maxDrawdown) {
                maxDrawdown = dd;
            }
        }
    }

    // days whose mark bar lies before `bar` while flat: equity = cash
    private void markFlatDaysBefore(int bar) {
        int[] mark = calendar.markBarArray();
        while (dayPointer < mark.length && mark[dayPointer] < bar) {
            addDay(cash);
        }
    }

    private void markDaysAt(int bar, double equity) {
        int[] mark = calendar.markBarArray();
        while (dayPointer < mark.length && mark[dayPointer] == bar) {
            addDay(equity);
        }
    }

    private void addDay(double equity) {
        double r = prevDayEquity > 0 ? equity / prevDayEquity - 1 : 0;
        daySum += r;
        daySumSq += r * r;
        if (r < 0) {
            dayDownSq += r * r;
        }
        if (recordDetails) {
            dayEquity[dayPointer] = equity;
        }
        prevDayEquity = equity;
        dayPointer++;
    }

    private void recordTrade(int side, int entryBar, double entryPrice, int exitBar, double exitPrice,
            ExitReason reason, double qty, double pnl, double ret, int held) {
        tradeCount++;
        sumReturn += ret;
        if (pnl > 0) {
            winCount++;
            sumWinReturn += ret;
            grossProfit += pnl;
        } else if (pnl < 0) {
            lossCount++;
            sumLossReturn += ret;
            grossLoss -= pnl;
        }
        reasonCounts[reason.ordinal()]++;
        heldBars += held;
        if (recordDetails) {
            trades.add(new Trade(side > 0 ? Side.LONG : Side.SHORT, entryBar, series.openTimeMs(entryBar), entryPrice,
                    exitBar, series.openTimeMs(exitBar), exitPrice, reason, qty, pnl, ret));
        }
    }

    Metrics metrics() {
        final double initial = settings.initialEquity();
        final int n = series.size();
        MetricValue winRate = tradeCount == 0 ? MetricValue.undefined("no trades")
                : MetricValue.of((double) winCount / tradeCount);
        MetricValue avgWin = winCount == 0 ? MetricValue.undefined("no winning trades")
                : MetricValue.of(sumWinReturn / winCount);
        MetricValue avgLoss = lossCount == 0 ? MetricValue.undefined("no losing trades")
                : MetricValue.of(sumLossReturn / lossCount);
        MetricValue profitFactor = tradeCount == 0 ? MetricValue.undefined("no trades")
                : grossLoss == 0 ? MetricValue.undefined("no losing trades (division by zero)")
                : MetricValue.of(grossProfit / grossLoss);
        MetricValue expectancy = tradeCount == 0 ? MetricValue.undefined("no trades")
                : MetricValue.of(sumReturn / tradeCount);
        int days = calendar.dayCount();
        MetricValue sharpeDaily = sharpe(daySum, daySumSq, days, Math.sqrt(365), "daily");
        MetricValue sortinoDaily = sortino(daySum, dayDownSq, days, Math.sqrt(365), "daily");
        int barReturns = Math.max(0, n - 1);
        MetricValue sharpeBar = sharpe(barSum, barSumSq, barReturns, 1, "per-bar");
        MetricValue sortinoBar = sortino(barSum, barDownSq, barReturns, 1, "per-bar");
        MetricValue calmar = calmar(initial, n);
        MetricValue avgHolding = tradeCount == 0 ? MetricValue.undefined("no trades")
                : MetricValue.of((double) heldBars / tradeCount);
        Map<ExitReason, Integer> reasons = new EnumMap<>(ExitReason.class);
        for (ExitReason r : REASONS) {
            reasons.put(r, reasonCounts[r.ordinal()]);
        }
        return new Metrics(tradeCount, winCount, lossCount, winRate, (cash - initial) / initial, avgWin, avgLoss,
                profitFactor, expectancy, maxDrawdown, sharpeDaily, sortinoDaily, sharpeBar, sortinoBar, calmar,
                n == 0 ? 0 : (double) heldBars / n, avgHolding, reasons, ambiguousBars, initial, cash, n, days);
    }

    private static MetricValue sharpe(double sum, double sumSq, int count, double scale, String what) {
        if (count < 2) {
            return MetricValue.undefined("fewer than 2 " + what + " returns");
        }
        double mean = sum / count;
        double var = (sumSq - count * mean * mean) / (count - 1);
        // relative threshold: a constant series leaves only rounding noise in sumSq - n*mean^2
        if (!(var > 1e-12 * (sumSq / count)) || var <= 0) {
            return MetricValue.undefined("zero variance of " + what + " returns");
        }
        return MetricValue.of(mean / Math.sqrt(var) * scale);
    }

    private static MetricValue sortino(double sum, double downSq, int count, double scale, String what) {
        if (count < 2) {
            return MetricValue.undefined("fewer than 2 " + what + " returns");
        }
        if (downSq == 0) {
            return MetricValue.undefined("no negative " + what + " returns (zero downside deviation)");
        }
        return MetricValue.of(sum / count / Math.sqrt(downSq / count) * scale);
    }

    private MetricValue calmar(double initial, int n) {
        if (n == 0) {
            return MetricValue.undefined("no bars");
        }
        if (maxDrawdown == 0) {
            return MetricValue.undefined("no drawdown (division by zero)");
        }
        double spanMs = series.closeTimeMs(n - 1) - series.openTimeMs(0);
        double years = spanMs / (365.0 * UtcDayCalendar.DAY_MS);
        double growth = cash / initial;
        double annual = growth <= 0 ? -1 : Math.pow(growth, 1 / years) - 1;
        if (!Double.isFinite(annual)) {
            return MetricValue.undefined("annualised return overflows (series spans " + spanMs / 3_600_000.0
                    + " hours)");
        }
        return MetricValue.of(annual / maxDrawdown);
    }

    BacktestResult result() {
        if (!recordDetails) {
            throw new IllegalStateException("details were not recorded");
        }
        int days = calendar.dayCount();
        double[] dailyReturns = new double[days];
        double prev = settings.initialEquity();
        for (int d = 0; d < days; d++) {
            dailyReturns[d] = prev > 0 ? dayEquity[d] / prev - 1 : 0;
            prev = dayEquity[d];
        }
        return new BacktestResult(metrics(), trades, dailyReturns, calendar.dayStartArray().clone(),
                Arrays.copyOf(dayEquity, days));
    }
}
