package dev.trainer.domain.backtest;

import dev.trainer.domain.market.CandleSeries;
import dev.trainer.domain.market.Timeframe;
import dev.trainer.domain.strategy.ParameterSet;
import dev.trainer.domain.strategy.PreparedSeries;
import dev.trainer.domain.strategy.StrategyCatalog;
import dev.trainer.domain.strategy.TradingStrategy;
import dev.trainer.domain.testing.SeriesFixtures;
import org.junit.jupiter.api.Test;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.BaseStrategy;
import org.ta4j.core.Position;
import org.ta4j.core.TradingRecord;
import org.ta4j.core.backtest.BarSeriesManager;
import org.ta4j.core.backtest.TradeOnNextOpenModel;
import org.ta4j.core.indicators.averages.SMAIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.num.DoubleNumFactory;
import org.ta4j.core.rules.CrossedDownIndicatorRule;
import org.ta4j.core.rules.CrossedUpIndicatorRule;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Our SMA_CROSSOVER with zero costs must trade exactly like ta4j 0.18's BarSeriesManager running
 * CrossedUp/CrossedDown rules with TradeOnNextOpenModel: same entry and exit bars and prices.
 */
class SmaCrossoverVsTa4jTest {

    private static final int[][] PAIRS = {{5, 40}, {10, 60}, {15, 100}, {20, 150}, {30, 200}, {3, 7}};

    static BarSeries toTa4j(CandleSeries s) {
        BarSeries series = new BaseBarSeriesBuilder().withName("test").withNumFactory(DoubleNumFactory.getInstance())
                .build();
        Duration period = Duration.ofMillis(s.timeframe().durationMs());
        for (int i = 0; i < s.size(); i++) {
            series.barBuilder().timePeriod(period).endTime(Instant.ofEpochMilli(s.closeTimeMs(i)))
                    .openPrice(s.open(i)).highPrice(s.high(i)).lowPrice(s.low(i)).closePrice(s.close(i))
                    .volume(s.volume(i)).add();
        }
        return series;
    }

    static TradingRecord runTa4j(BarSeries series, int fast, int slow) {
        ClosePriceIndicator close = new ClosePriceIndicator(series);
        SMAIndicator f = new SMAIndicator(close, fast);
        SMAIndicator sl = new SMAIndicator(close, slow);
        BaseStrategy strategy = new BaseStrategy(new CrossedUpIndicatorRule(f, sl), new CrossedDownIndicatorRule(f, sl),
                slow);
        return new BarSeriesManager(series, new TradeOnNextOpenModel()).run(strategy);
    }

    private void assertSameTrades(CandleSeries s) {
        TradingStrategy sma = StrategyCatalog.get("SMA_CROSSOVER");
        PreparedSeries prepared = sma.prepare(s);
        BarSeries ta4jSeries = toTa4j(s);
        int totalTrades = 0;
        for (int[] pair : PAIRS) {
            ParameterSet p = ParameterSet.of(Map.of("fast", pair[0], "slow", pair[1]));
            List<Trade> ours = new Backtester().run(prepared, sma, p, BacktestSettings.zeroCost()).trades();
            TradingRecord theirs = runTa4j(ta4jSeries, pair[0], pair[1]);
            List<Position> closed = theirs.getPositions();
            boolean theirsOpen = theirs.getCurrentPosition().isOpened();
            boolean oursEndOfData = !ours.isEmpty()
                    && ours.get(ours.size() - 1).exitReason() == ExitReason.END_OF_DATA;
            assertEquals(theirsOpen, oursEndOfData, "open position at the end, " + p);
            assertEquals(closed.size() + (theirsOpen ? 1 : 0), ours.size(), "trade count for " + p);
            for (int i = 0; i < closed.size(); i++) {
                Position pos = closed.get(i);
                Trade t = ours.get(i);
                String where = p + " trade " + i;
                assertEquals(pos.getEntry().getIndex(), t.entryIndex(), where);
                assertEquals(pos.getExit().getIndex(), t.exitIndex(), where);
                assertEquals(pos.getEntry().getNetPrice().doubleValue(), t.entryPrice(), 0, where);
                assertEquals(pos.getExit().getNetPrice().doubleValue(), t.exitPrice(), 0, where);
                assertEquals(ExitReason.SIGNAL, t.exitReason(), where);
            }
            if (theirsOpen) {
                Trade last = ours.get(ours.size() - 1);
                assertEquals(theirs.getCurrentPosition().getEntry().getIndex(), last.entryIndex());
                assertEquals(s.size() - 1, last.exitIndex());
            }
            totalTrades += closed.size();
        }
        assertTrue(totalTrades > 20, "the comparison must involve real trades, had " + totalTrades);
    }

    @Test
    void sameTradesAsTa4jOnGeneratedSeries() {
        for (long seed = 1; seed <= 5; seed++) {
            assertSameTrades(SeriesFixtures.randomWalk(3_000, seed, Timeframe.M5, 0.002));
        }
    }

    @Test
    void sameTradesAsTa4jOnBitstampTrades() {
        for (Timeframe tf : new Timeframe[] {Timeframe.M1, Timeframe.M5}) {
            CandleSeries s = SeriesFixtures.bitstamp(tf);
            assertTrue(s.size() > 1_000, tf + " candles: " + s.size());
            assertSameTrades(s);
        }
    }
}
