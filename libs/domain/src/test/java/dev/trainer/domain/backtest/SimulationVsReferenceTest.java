package dev.trainer.domain.backtest;

import dev.trainer.domain.market.CandleSeries;
import dev.trainer.domain.market.Timeframe;
import dev.trainer.domain.market.UtcDayCalendar;
import dev.trainer.domain.strategy.PreparedSeries;
import dev.trainer.domain.strategy.SignalSet;
import dev.trainer.domain.testing.SeriesFixtures;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The engine skips from signal to signal and scans only for level touches; this test replays random signal sets
 * through a deliberately naive bar-by-bar state machine written from the rules and demands identical results.
 */
class SimulationVsReferenceTest {

    private record Ref(List<Trade> trades, double[] barEquity, double finalCash, int ambiguous) {
    }

    /** Bar by bar: open (pending exit / pending entry / gaps), inside the bar (levels), close (decisions, mark). */
    private static Ref reference(CandleSeries s, SignalSet sig, BacktestSettings st) {
        int n = s.size();
        double cash = st.initialEquity();
        double[] eq = new double[n];
        List<Trade> trades = new ArrayList<>();
        int ambiguous = 0;
        boolean inPos = false;
        int side = 0, f = -1;
        double qty = 0, entryPrice = 0, stop = Double.NaN, target = Double.NaN, equityAtEntry = 0;
        ExitReason pendingExit = null;
        int pendingEntry = -1;
        int[] longExits = sig.longExitBarArray(), shortExits = sig.shortExitBarArray();
        for (int b = 0; b < n; b++) {
            double exitRaw = Double.NaN;
            ExitReason reason = null;
            if (inPos && pendingExit != null) {
                exitRaw = s.open(b);
                reason = pendingExit;
            } else if (!inPos && pendingEntry >= 0) {
                int k = pendingEntry;
                side = sig.entrySide(k);
                f = b;
                double raw = s.open(b);
                entryPrice = raw * (1 + side * st.slippagePerSide());
                stop = sig.stopDistance(k) > 0 ? raw - side * sig.stopDistance(k) : Double.NaN;
                target = sig.targetDistance(k) > 0 ? raw + side * sig.targetDistance(k) : Double.NaN;
                equityAtEntry = cash;
                double max = cash / (entryPrice * (1 + st.feePerSide()));
                qty = Double.isNaN(stop) ? max
                        : Math.min(max, cash * st.riskFractionPerTrade() / Math.abs(entryPrice - stop));
                inPos = true;
            }
            pendingExit = null;
            pendingEntry = -1;
            if (inPos && reason == null) {
                double o = s.open(b);
                boolean gapStop = b > f && !Double.isNaN(stop) && (side > 0 ? o <= stop : o >= stop);
                boolean gapTarget = b > f && !Double.isNaN(target) && (side > 0 ? o >= target : o <= target);
                if (gapStop) {
                    exitRaw = o;
                    reason = ExitReason.STOP_LOSS;
                } else if (gapTarget) {
                    exitRaw = o;
                    reason = ExitReason.TAKE_PROFIT;
                } else {
                    boolean sh = !Double.isNaN(stop) && (side > 0 ? s.low(b) <= stop : s.high(b) >= stop);
                    boolean th = !Double.isNaN(target) && (side > 0 ? s.high(b) >= target : s.low(b) <= target);
                    if (sh && th) {
                        ambiguous++;
                        boolean stopFirst = switch (st.ambiguousBarPolicy()) {
                            case STOP_FIRST -> true;
                            case TARGET_FIRST -> false;
                            case NEARER_TO_OPEN_FIRST -> Math.abs(o - stop) <= Math.abs(target - o);
                        };
                        exitRaw = stopFirst ? stop : target;
                        reason = stopFirst ? ExitReason.STOP_LOSS : ExitReason.TAKE_PROFIT;
                    } else if (sh) {
                        exitRaw = stop;
                        reason = ExitReason.STOP_LOSS;
                    } else if (th) {
                        exitRaw = target;
                        reason = ExitReason.TAKE_PROFIT;
                    }
                }
            }
            if (inPos && reason == null && b == n - 1) {
                exitRaw = s.close(b);
                reason = ExitReason.END_OF_DATA;
            }
            if (inPos && reason != null) {
                double exitPrice = exitRaw * (1 - side * st.slippagePerSide());
                double pnl = side * qty * (exitPrice - entryPrice) - st.feePerSide() * qty * (entryPrice + exitPrice);
                cash = equityAtEntry + pnl;
                trades.add(new Trade(side > 0 ? Side.LONG : Side.SHORT, f, s.openTimeMs(f), entryPrice, b,
                        s.openTimeMs(b), exitPrice, reason, qty, pnl, pnl / equityAtEntry));
                inPos = false;
            }
            // close of bar b
            if (inPos) {
                int[] exits = side > 0 ? longExits : shortExits;
                if (Arrays.binarySearch(exits, b) >= 0) {
                    pendingExit = ExitReason.SIGNAL;
                } else if (st.maxHoldingBars() > 0 && b - f + 1 >= st.maxHoldingBars()) {
                    pendingExit = ExitReason.MAX_HOLDING;
                }
                eq[b] = equityAtEntry - st.feePerSide() * qty * entryPrice + side * qty * (s.close(b) - entryPrice);
            } else {
                eq[b] = cash;
                int k = Arrays.binarySearch(sig.entryBarArray(), b);
                if (k >= 0 && b + 1 < n && cash > 0) {
                    pendingEntry = k;
                }
            }
        }
        return new Ref(trades, eq, cash, ambiguous);
    }

    private static SignalSet randomSignals(SplittableRandom rng, CandleSeries s) {
        SignalSet.Builder b = new SignalSet.Builder();
        double typicalRange = 0;
        for (int i = 0; i < s.size(); i++) {
            typicalRange += (s.high(i) - s.low(i)) / s.size();
        }
        boolean stops = rng.nextBoolean(), targets = rng.nextBoolean();
        for (int i = 0; i < s.size(); i++) {
            if (rng.nextDouble() < 0.06) {
                double sd = stops && rng.nextDouble() < 0.8 ? typicalRange * (0.2 + 3 * rng.nextDouble()) : Double.NaN;
                double td = targets && rng.nextDouble() < 0.8 ? typicalRange * (0.2 + 4 * rng.nextDouble()) : Double.NaN;
                b.entry(i, rng.nextBoolean() ? SignalSet.LONG : SignalSet.SHORT, sd, td);
            }
            if (rng.nextDouble() < 0.04) {
                b.longExit(i);
            }
            if (rng.nextDouble() < 0.04) {
                b.shortExit(i);
            }
        }
        return b.build();
    }

    @Test
    void engineMatchesTheNaiveReferenceOnRandomSignals() {
        SplittableRandom rng = new SplittableRandom(2024);
        int totalTrades = 0;
        int[] reasons = new int[ExitReason.values().length];
        for (int round = 0; round < 150; round++) {
            CandleSeries s = SeriesFixtures.randomWalk(300 + rng.nextInt(700), rng.nextLong(),
                    rng.nextBoolean() ? Timeframe.H1 : Timeframe.M15, 0.004);
            SignalSet sig = randomSignals(rng, s);
            BacktestSettings st = BacktestSettings.defaults()
                    .withFeePerSide(rng.nextDouble() * 0.002).withSlippagePerSide(rng.nextDouble() * 0.001)
                    .withRiskFractionPerTrade(0.005 + rng.nextDouble() * 0.05)
                    .withMaxHoldingBars(new int[] {0, 3, 20}[rng.nextInt(3)])
                    .withAmbiguousBarPolicy(AmbiguousBarPolicy.values()[rng.nextInt(3)]);
            BacktestResult ours = new Backtester().run(PreparedSeries.of(s), sig, st);
            Ref ref = reference(s, sig, st);
            String where = "round " + round;

            assertEquals(ref.trades().size(), ours.trades().size(), where);
            for (int i = 0; i < ref.trades().size(); i++) {
                Trade a = ref.trades().get(i), b = ours.trades().get(i);
                assertEquals(a.side(), b.side(), where + " trade " + i);
                assertEquals(a.entryIndex(), b.entryIndex(), where + " trade " + i);
                assertEquals(a.exitIndex(), b.exitIndex(), where + " trade " + i);
                assertEquals(a.exitReason(), b.exitReason(), where + " trade " + i);
                assertEquals(a.entryPrice(), b.entryPrice(), 1e-9, where + " trade " + i);
                assertEquals(a.exitPrice(), b.exitPrice(), 1e-9, where + " trade " + i);
                assertEquals(a.quantity(), b.quantity(), 1e-9 * a.quantity(), where + " trade " + i);
                assertEquals(a.pnl(), b.pnl(), 1e-6, where + " trade " + i);
                reasons[a.exitReason().ordinal()]++;
            }
            totalTrades += ref.trades().size();
            Metrics m = ours.metrics();
            assertEquals(ref.ambiguous(), m.ambiguousBarCount(), where);
            assertEquals(ref.finalCash() / st.initialEquity() - 1, m.netProfitFraction(), 1e-9, where);

            // per-bar returns, drawdown and daily returns recomputed from the reference equity marks
            double[] e = ref.barEquity();
            double sum = 0, sumSq = 0, downSq = 0, peak = st.initialEquity(), mdd = 0;
            for (int i = 1; i < e.length; i++) {
                double r = e[i] / e[i - 1] - 1;
                sum += r;
                sumSq += r * r;
                downSq += r < 0 ? r * r : 0;
            }
            for (double v : e) {
                peak = Math.max(peak, v);
                mdd = Math.max(mdd, (peak - v) / peak);
            }
            int cnt = e.length - 1;
            double mean = sum / cnt;
            double sd = Math.sqrt((sumSq - cnt * mean * mean) / (cnt - 1));
            if (m.sharpePerBar().isDefined()) {
                assertEquals(mean / sd, m.sharpePerBar().value(), 1e-6, where);
                assertEquals(mean / Math.sqrt(downSq / cnt), m.sortinoPerBar().value(), 1e-6, where);
            } else {
                assertEquals(0, ref.trades().size(), where);
            }
            assertEquals(mdd, m.maxDrawdownFraction(), 1e-9, where);
            UtcDayCalendar cal = UtcDayCalendar.of(s);
            double[] daily = ours.dailyReturns();
            double prev = st.initialEquity();
            for (int d = 0; d < cal.dayCount(); d++) {
                double mark = e[cal.markBar(d)];
                assertEquals(mark / prev - 1, daily[d], 1e-9, where + " day " + d);
                prev = mark;
            }
        }
        assertTrue(totalTrades > 1_000, "trades compared: " + totalTrades);
        for (ExitReason r : ExitReason.values()) {
            assertTrue(reasons[r.ordinal()] > 10, "too few " + r + " exits to trust the comparison");
        }
    }
}
