package dev.trainer.domain.optimize;

import dev.trainer.domain.backtest.BacktestSettings;
import dev.trainer.domain.backtest.Backtester;
import dev.trainer.domain.backtest.Metrics;
import dev.trainer.domain.market.CandleSeries;
import dev.trainer.domain.market.Timeframe;
import dev.trainer.domain.strategy.ParameterSet;
import dev.trainer.domain.strategy.PreparedSeries;
import dev.trainer.domain.strategy.StrategyCatalog;
import dev.trainer.domain.strategy.TradingStrategy;
import dev.trainer.domain.testing.SeriesFixtures;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ObjectiveTest {

    @Test
    void parsesSnakeCaseAndRejectsUnknownNames() {
        assertEquals(Objective.NET_PROFIT, Objective.parse("net_profit"));
        assertEquals(Objective.PROFIT_FACTOR, Objective.parse("Profit-Factor"));
        var e = assertThrows(IllegalArgumentException.class, () -> Objective.parse("alpha"));
        assertTrue(e.getMessage().contains("net_profit"));
    }

    @Test
    void scoresAreMetricsOrMinusInfinity() {
        CandleSeries s = SeriesFixtures.randomWalk(3_000, 11, Timeframe.H1, 0.004);
        TradingStrategy sma = StrategyCatalog.get("SMA_CROSSOVER");
        Metrics m = new Backtester().metrics(sma.prepare(s), sma, ParameterSet.of(Map.of("fast", 5, "slow", 40)),
                BacktestSettings.defaults());
        assertTrue(m.tradeCount() > 5);
        assertEquals(m.netProfitFraction(), Objective.NET_PROFIT.score(m, 1));
        assertEquals(m.sharpeDaily().value(), Objective.SHARPE.score(m, 1));
        assertEquals(Double.NEGATIVE_INFINITY, Objective.NET_PROFIT.score(m, m.tradeCount() + 1));
    }

    @Test
    void batchGivesTheSameMetricsAsSingleRunsOnAnyThreadCount() {
        CandleSeries s = SeriesFixtures.randomWalk(2_000, 5, Timeframe.M15, 0.003);
        TradingStrategy sma = StrategyCatalog.get("SMA_CROSSOVER");
        PreparedSeries prepared = sma.prepare(s);
        List<ParameterSet> trials = TrialPlanner.grid(sma.defaultSpace());
        BatchBacktester batch = new BatchBacktester();
        double[] one = batch.scores(prepared, sma, trials, BacktestSettings.defaults(), Objective.NET_PROFIT, 0, 1);
        double[] two = batch.scores(prepared, sma, trials, BacktestSettings.defaults(), Objective.NET_PROFIT, 0, 2);
        assertArrayEquals(one, two);
        Metrics[] all = batch.evaluateAll(prepared, sma, trials, BacktestSettings.defaults(), 2);
        for (int i = 0; i < trials.size(); i += 5) {
            Metrics single = new Backtester().run(s, sma, trials.get(i), BacktestSettings.defaults()).metrics();
            assertEquals(single, all[i]);
        }
    }

    @Test
    void parallelLiquiditySweepBatchSharesCachesSafely() {
        CandleSeries s = SeriesFixtures.bitstamp(Timeframe.M1).slice(0, 3_000);
        TradingStrategy sweep = StrategyCatalog.get("LIQUIDITY_SWEEP_V3");
        List<ParameterSet> trials = TrialPlanner.random(sweep.defaultSpace(), 3_000, 99);
        BatchBacktester batch = new BatchBacktester();
        // separate prepared series: the parallel run builds its caches concurrently from scratch
        double[] one = batch.scores(sweep.prepare(s), sweep, trials, BacktestSettings.defaults(), Objective.NET_PROFIT,
                0, 1);
        double[] two = batch.scores(sweep.prepare(s), sweep, trials, BacktestSettings.defaults(), Objective.NET_PROFIT,
                0, 2);
        assertArrayEquals(one, two);
        long traded = java.util.Arrays.stream(one).filter(x -> x != 0).count();
        assertTrue(traded > 100, "trials with trades: " + traded);
    }

    @Test
    void invalidParametersAreRejectedBeforeBacktesting() {
        CandleSeries s = SeriesFixtures.randomWalk(500, 1, Timeframe.H1, 0.004);
        TradingStrategy sma = StrategyCatalog.get("SMA_CROSSOVER");
        var e = assertThrows(IllegalArgumentException.class, () -> new Backtester().run(s, sma,
                ParameterSet.of(Map.of("fast", 50, "slow", 40)), BacktestSettings.defaults()));
        assertTrue(e.getMessage().contains("fast") && e.getMessage().contains("slow"), e.getMessage());
        var e2 = assertThrows(IllegalArgumentException.class, () -> StrategyCatalog.get("MACD"));
        assertTrue(e2.getMessage().contains("LIQUIDITY_SWEEP_V3"), e2.getMessage());
    }
}
