package dev.trainer.domain.backtest;

import dev.trainer.domain.market.Candle;
import dev.trainer.domain.market.CandleSeries;
import dev.trainer.domain.market.Timeframe;
import dev.trainer.domain.strategy.SignalSet;
import dev.trainer.domain.testing.FixedSignalStrategy;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static dev.trainer.domain.testing.SeriesFixtures.START_MS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Small series whose every number can be checked by hand. */
class BacktesterHandComputedTest {

    private static final double FEE = 0.001;
    private static final double SLIP = 0.0005;
    private static final double EPS = 1e-9;
    private static final long HOUR = 3_600_000L;
    private final Backtester backtester = new Backtester();

    /** bar: open, high, low, close (volume 1). Hourly, starting at a UTC midnight. */
    private static CandleSeries series(double[][] ohlc) {
        List<Candle> candles = new ArrayList<>();
        for (int i = 0; i < ohlc.length; i++) {
            candles.add(new Candle(START_MS + i * HOUR, ohlc[i][0], ohlc[i][1], ohlc[i][2], ohlc[i][3], 1));
        }
        return CandleSeries.of(Timeframe.H1, candles);
    }

    private static final double[][] RISING = {
            {100, 101, 99, 100}, {100, 102, 99, 101}, {102, 104, 101, 103}, {104, 106, 103, 105},
            {105, 107, 104, 106}, {106, 108, 105, 107}};

    private BacktestResult run(CandleSeries s, SignalSet signals, BacktestSettings settings) {
        return backtester.run(s, new FixedSignalStrategy(signals), FixedSignalStrategy.noParams(), settings);
    }

    private static BacktestSettings costs() {
        return BacktestSettings.defaults().withFeePerSide(FEE).withSlippagePerSide(SLIP);
    }

    @Test
    void longFillsAtNextOpenWithFeesAndSlippage() {
        SignalSet signals = new SignalSet.Builder().entry(1, SignalSet.LONG, Double.NaN, Double.NaN).longExit(3)
                .build();
        BacktestResult r = run(series(RISING), signals, costs());

        assertEquals(1, r.trades().size());
        Trade t = r.trades().get(0);
        double entry = 102 * 1.0005; // open of bar 2, bought 0.05 % higher
        double exit = 105 * 0.9995; // open of bar 4, sold 0.05 % lower
        double qty = 10_000 / (entry * 1.001); // all equity, entry fee included
        double pnl = qty * (exit - entry) - 0.001 * qty * entry - 0.001 * qty * exit;
        assertEquals(Side.LONG, t.side());
        assertEquals(2, t.entryIndex());
        assertEquals(START_MS + 2 * HOUR, t.entryTimeMs());
        assertEquals(entry, t.entryPrice(), EPS);
        assertEquals(4, t.exitIndex());
        assertEquals(START_MS + 4 * HOUR, t.exitTimeMs());
        assertEquals(exit, t.exitPrice(), EPS);
        assertEquals(ExitReason.SIGNAL, t.exitReason());
        assertEquals(qty, t.quantity(), EPS);
        assertEquals(pnl, t.pnl(), 1e-7);
        assertEquals(pnl / 10_000, t.returnFraction(), 1e-12);
        assertEquals(2, t.holdingBars());
        // 102.051 -> 104.9475 is +2.84 %, minus about 0.2 % fees
        assertEquals(0.0264, t.returnFraction(), 0.0005);
        Metrics m = r.metrics();
        assertEquals(pnl / 10_000, m.netProfitFraction(), 1e-12);
        assertEquals(10_000 + pnl, m.finalEquity(), 1e-7);
        assertEquals(1, m.winCount());
        assertEquals(2.0 / 6, m.exposureFraction(), EPS);
    }

    @Test
    void shortTradeProfitsFromFallAndPaysCostsTheOtherWay() {
        double[][] falling = {{100, 101, 99, 100}, {100, 101, 98, 99}, {98, 99, 96, 97}, {97, 98, 94, 95},
                {94, 95, 92, 93}};
        SignalSet signals = new SignalSet.Builder().entry(1, SignalSet.SHORT, Double.NaN, Double.NaN).shortExit(3)
                .build();
        Trade t = run(series(falling), signals, costs()).trades().get(0);

        double entry = 98 * 0.9995; // sold short at bar 2's open, 0.05 % lower
        double exit = 94 * 1.0005; // bought back at bar 4's open, 0.05 % higher
        double qty = 10_000 / (entry * 1.001);
        double pnl = qty * (entry - exit) - 0.001 * qty * (entry + exit);
        assertEquals(Side.SHORT, t.side());
        assertEquals(2, t.entryIndex());
        assertEquals(4, t.exitIndex());
        assertEquals(entry, t.entryPrice(), EPS);
        assertEquals(exit, t.exitPrice(), EPS);
        assertEquals(pnl, t.pnl(), 1e-7);
        assertTrue(t.pnl() > 0);
    }

    @Test
    void longExitSignalsDoNotCloseShorts() {
        double[][] falling = {{100, 101, 99, 100}, {100, 101, 98, 99}, {98, 99, 96, 97}, {97, 98, 94, 95}};
        SignalSet signals = new SignalSet.Builder().entry(0, SignalSet.SHORT, Double.NaN, Double.NaN).longExit(1)
                .build();
        Trade t = run(series(falling), signals, BacktestSettings.zeroCost()).trades().get(0);
        assertEquals(ExitReason.END_OF_DATA, t.exitReason());
        assertEquals(3, t.exitIndex());
        assertEquals(95, t.exitPrice(), EPS);
    }

    @Test
    void stopGappedThroughFillsAtTheOpenAndRiskSizesThePosition() {
        double[][] gap = {{100, 101, 99, 100}, {100, 102, 99, 101}, {102, 103, 101, 102}, {98, 99, 97, 98.5},
                {99, 100, 98, 99}};
        SignalSet signals = new SignalSet.Builder().entry(1, SignalSet.LONG, 2.0, Double.NaN).build();
        BacktestResult r = run(series(gap), signals, costs());
        Trade t = r.trades().get(0);

        double entry = 102 * 1.0005;
        double stop = 102 - 2.0; // measured from the raw open of the fill bar
        double qty = 10_000 * 0.01 / (entry - stop); // 1 % of equity at risk
        assertEquals(qty, t.quantity(), EPS);
        assertEquals(ExitReason.STOP_LOSS, t.exitReason());
        assertEquals(3, t.exitIndex());
        assertEquals(98 * 0.9995, t.exitPrice(), EPS); // the open, not the stop: the bar opened below it
        double pnl = qty * (98 * 0.9995 - entry) - 0.001 * qty * (entry + 98 * 0.9995);
        assertEquals(pnl, t.pnl(), 1e-7);
        assertTrue(t.returnFraction() < -0.01, "gapping through the stop loses more than the 1 % planned");
        assertEquals(0, r.metrics().ambiguousBarCount());
    }

    @Test
    void stopInsideTheBarFillsAtTheStop() {
        double[][] dip = {{100, 101, 99, 100}, {100, 102, 99, 101}, {102, 103, 101, 102}, {101, 101.5, 99.5, 101},
                {101, 102, 100, 101}};
        SignalSet signals = new SignalSet.Builder().entry(1, SignalSet.LONG, 2.0, Double.NaN).build();
        Trade t = run(series(dip), signals, BacktestSettings.zeroCost()).trades().get(0);
        assertEquals(ExitReason.STOP_LOSS, t.exitReason());
        assertEquals(3, t.exitIndex());
        assertEquals(100, t.exitPrice(), EPS);
        assertEquals(-100, t.pnl(), 1e-9); // exactly the 1 % risked, no costs
    }

    @Test
    void ambiguousBarFollowsThePolicyAndIsCounted() {
        double[][] wide = {{100, 101, 99, 100}, {100, 102, 99, 101}, {102, 103, 101, 102}, {102, 106, 99, 103},
                {103, 104, 102, 103}};
        SignalSet signals = new SignalSet.Builder().entry(1, SignalSet.LONG, 2.0, 3.0).build(); // stop 100, target 105

        BacktestResult stopFirst = run(series(wide), signals, BacktestSettings.zeroCost());
        Trade s = stopFirst.trades().get(0);
        assertEquals(ExitReason.STOP_LOSS, s.exitReason());
        assertEquals(100, s.exitPrice(), EPS);
        assertEquals(1, stopFirst.metrics().ambiguousBarCount());

        BacktestResult targetFirst = run(series(wide), signals,
                BacktestSettings.zeroCost().withAmbiguousBarPolicy(AmbiguousBarPolicy.TARGET_FIRST));
        Trade tf = targetFirst.trades().get(0);
        assertEquals(ExitReason.TAKE_PROFIT, tf.exitReason());
        assertEquals(105, tf.exitPrice(), EPS);
        assertEquals(1, targetFirst.metrics().ambiguousBarCount());

        // open 102 is 2 from the stop and 3 from the target: the stop is nearer
        BacktestResult nearer = run(series(wide), signals,
                BacktestSettings.zeroCost().withAmbiguousBarPolicy(AmbiguousBarPolicy.NEARER_TO_OPEN_FIRST));
        assertEquals(ExitReason.STOP_LOSS, nearer.trades().get(0).exitReason());
    }

    @Test
    void targetHitShortFillsAtTarget() {
        double[][] down = {{100, 101, 99, 100}, {100, 101, 99, 100}, {100, 100.5, 99, 99.5}, {99.5, 99.6, 96, 97},
                {97, 98, 96, 97}};
        SignalSet signals = new SignalSet.Builder().entry(1, SignalSet.SHORT, 1.0, 2.0).build();
        Trade t = run(series(down), signals, BacktestSettings.zeroCost()).trades().get(0);
        assertEquals(ExitReason.TAKE_PROFIT, t.exitReason());
        assertEquals(3, t.exitIndex());
        assertEquals(98, t.exitPrice(), EPS);
        assertEquals(t.quantity() * 2, t.pnl(), 1e-9);
    }

    @Test
    void tinyStopIsCappedAtAvailableEquity() {
        SignalSet signals = new SignalSet.Builder().entry(1, SignalSet.LONG, 0.01, Double.NaN).build();
        Trade t = run(series(RISING), signals, costs()).trades().get(0);
        double entry = 102 * 1.0005;
        double uncapped = 100 / (entry - (102 - 0.01));
        double cap = 10_000 / (entry * 1.001);
        assertTrue(uncapped > cap);
        assertEquals(cap, t.quantity(), EPS);
    }

    @Test
    void maxHoldingClosesAtTheOpenAfterThatManyBars() {
        SignalSet signals = new SignalSet.Builder().entry(1, SignalSet.LONG, Double.NaN, Double.NaN).build();
        Trade t = run(series(RISING), signals, BacktestSettings.zeroCost().withMaxHoldingBars(2)).trades().get(0);
        assertEquals(2, t.entryIndex());
        assertEquals(ExitReason.MAX_HOLDING, t.exitReason());
        assertEquals(4, t.exitIndex());
        assertEquals(105, t.exitPrice(), EPS);
        assertEquals(2, t.holdingBars());
    }

    @Test
    void openPositionIsClosedAtTheLastCloseAndSignalsOnTheLastBarNeverFill() {
        SignalSet signals = new SignalSet.Builder().entry(2, SignalSet.LONG, Double.NaN, Double.NaN).longExit(5)
                .build();
        BacktestResult r = run(series(RISING), signals, costs());
        Trade t = r.trades().get(0);
        assertEquals(3, t.entryIndex());
        assertEquals(ExitReason.END_OF_DATA, t.exitReason());
        assertEquals(5, t.exitIndex());
        assertEquals(107 * 0.9995, t.exitPrice(), EPS);
        assertEquals(3, t.holdingBars());

        SignalSet last = new SignalSet.Builder().entry(5, SignalSet.LONG, Double.NaN, Double.NaN).build();
        BacktestResult none = run(series(RISING), last, costs());
        assertTrue(none.trades().isEmpty());
        assertEquals(0, none.metrics().netProfitFraction(), 0);
        assertFalse(none.metrics().grossWinRateFraction().isDefined());
    }

    @Test
    void oneDecisionPerCloseAndEntriesWaitForTheExit() {
        double[][] bars = new double[10][];
        for (int i = 0; i < bars.length; i++) {
            bars[i] = new double[] {100 + i, 101 + i, 99 + i, 100.5 + i};
        }
        // entries at 1, 2 (ignored: in position), 4 (ignored: the close of bar 4 decided the exit), 5
        SignalSet signals = new SignalSet.Builder().entry(1, SignalSet.LONG, Double.NaN, Double.NaN)
                .entry(2, SignalSet.LONG, Double.NaN, Double.NaN).entry(4, SignalSet.LONG, Double.NaN, Double.NaN)
                .entry(5, SignalSet.LONG, Double.NaN, Double.NaN).longExit(4).longExit(7).build();
        List<Trade> trades = run(series(bars), signals, BacktestSettings.zeroCost()).trades();
        assertEquals(2, trades.size());
        assertEquals(2, trades.get(0).entryIndex());
        assertEquals(5, trades.get(0).exitIndex());
        assertEquals(6, trades.get(1).entryIndex());
        assertEquals(8, trades.get(1).exitIndex());
    }

    @Test
    void dailyReturnsMarkEquityAtEachUtcDayEndIncludingEmptyDays() {
        // day 0: 24 hourly bars; day 1: no bars; day 2: 2 bars
        List<Candle> candles = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            double p = 100 + i;
            candles.add(new Candle(START_MS + i * HOUR, p, p + 1, p - 1, p + 0.5, 1));
        }
        candles.add(new Candle(START_MS + 48 * HOUR, 130, 131, 129, 130, 1));
        candles.add(new Candle(START_MS + 49 * HOUR, 130, 131, 129, 120, 1));
        CandleSeries s = CandleSeries.of(Timeframe.H1, candles);
        SignalSet signals = new SignalSet.Builder().entry(9, SignalSet.LONG, Double.NaN, Double.NaN).build();
        BacktestResult r = run(s, signals, BacktestSettings.zeroCost());

        double qty = 10_000 / 110.0; // filled at bar 10's open
        double day0 = 10_000 + qty * (123.5 - 110); // marked at bar 23's close
        double day2 = 10_000 + qty * (120 - 110); // closed at the last close
        double[] daily = r.dailyReturns();
        assertEquals(3, daily.length);
        assertEquals(day0 / 10_000 - 1, daily[0], 1e-12);
        assertEquals(0, daily[1], 0);
        assertEquals(day2 / day0 - 1, daily[2], 1e-12);
        long[] times = r.dailyTimesMs();
        assertEquals(START_MS, times[0]);
        assertEquals(START_MS + 48 * HOUR, times[2]);
        assertEquals(3, r.metrics().dayCount());
        // drawdown is marked at closes: the peak is bar 24's close (130), the end the last close (120)
        double peak = 10_000 + qty * (130 - 110);
        assertEquals((peak - day2) / peak, r.metrics().maxDrawdownFraction(), 1e-12);
    }

    @Test
    void metricsWithoutLossesSayWhyProfitFactorIsUndefined() {
        SignalSet signals = new SignalSet.Builder().entry(1, SignalSet.LONG, Double.NaN, Double.NaN).longExit(3)
                .build();
        Metrics m = run(series(RISING), signals, BacktestSettings.zeroCost()).metrics();
        assertFalse(m.profitFactor().isDefined());
        assertTrue(m.profitFactor().undefinedReason().contains("no losing trades"));
        assertFalse(m.averageLossFraction().isDefined());
        assertEquals(1.0, m.grossWinRateFraction().value(), 0);
        var json = m.toJsonLike();
        assertTrue(json.containsKey("profit_factor"));
        assertEquals(null, json.get("profit_factor"));
        assertEquals(m.profitFactor().undefinedReason(), json.get("profit_factor_undefined_reason"));
        assertEquals(m.netProfitFraction(), (double) json.get("net_profit_fraction"), 0);
        assertFalse(json.containsKey("net_profit_fraction_undefined_reason"));
    }
}
