package dev.trainer.cli;

import dev.trainer.domain.backtest.BacktestSettings;
import dev.trainer.domain.backtest.Backtester;
import dev.trainer.domain.backtest.Metrics;
import dev.trainer.domain.market.CandleSeries;
import dev.trainer.domain.market.Timeframe;
import dev.trainer.domain.optimize.BatchBacktester;
import dev.trainer.domain.optimize.Objective;
import dev.trainer.domain.optimize.TrialPlanner;
import dev.trainer.domain.strategy.ParameterSet;
import dev.trainer.domain.strategy.PreparedSeries;
import dev.trainer.domain.strategy.StrategyCatalog;
import dev.trainer.domain.strategy.TradingStrategy;
import dev.trainer.domain.market.TradesCsv;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.BaseStrategy;
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
import java.util.Locale;
import java.util.Map;

/**
 * {@code bin/trainer bench [--threads N] [--all]}: throughput of the engine on 5,000 one-minute candles of the bundled
 * Bitstamp trades. The whole default grid of LIQUIDITY_SWEEP_V3 (201,600 backtests; with --all every pattern
 * strategy's grid), and SMA_CROSSOVER per backtest against ta4j's BarSeriesManager on the same data, in the same run.
 * A benchmark, not a test: figures depend on the machine and on what else runs on it, so CPU time is reported
 * beside wall time.
 */
public final class Benchmark {

    private static final String DATASET = "bitstamp_trades_from_20131125_usd.csv";

    private Benchmark() {
    }

    public static int run(java.util.List<String> args) {
        int threads = args.contains("--threads") ? Integer.parseInt(args.get(args.indexOf("--threads") + 1))
                : Runtime.getRuntime().availableProcessors();
        CandleSeries bitstamp = bitstamp1m();
        CandleSeries real = bitstamp.slice(0, Math.min(5_000, bitstamp.size()));
        System.out.printf(Locale.ROOT, "cores=%d threads=%d java=%s%n", Runtime.getRuntime().availableProcessors(),
                threads, System.getProperty("java.version"));
        for (String name : StrategyCatalog.names()) {
            if (name.equals("LIQUIDITY_SWEEP_V3") || args.contains("--all") && !name.equals("SMA_CROSSOVER")
                    && !name.equals("RSI_MEAN_REVERSION")) {
                grid(name, "bitstamp 1m", real, threads);
            }
        }
        smaVersusTa4j(real);
        return 0;
    }

    private static CandleSeries bitstamp1m() {
        try (var in = Benchmark.class.getClassLoader().getResourceAsStream(DATASET)) {
            if (in == null) {
                throw new IllegalStateException(DATASET + " is not on the classpath (org.ta4j:ta4j-examples:0.18)");
            }
            return CandleSeries.of(Timeframe.M1,
                    TradesCsv.parse(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8))
                            .candles(Timeframe.M1));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void grid(String name, String label, CandleSeries series, int threads) {
        TradingStrategy s = StrategyCatalog.get(name);
        List<ParameterSet> trials = TrialPlanner.grid(s.defaultSpace());
        BatchBacktester batch = new BatchBacktester();
        BacktestSettings settings = BacktestSettings.defaults();
        for (int round = 1; round <= 3; round++) {
            long t0 = System.nanoTime();
            long c0 = cpuNanos();
            PreparedSeries prepared = s.prepare(series); // fresh: caches rebuilt every round, included in the time
            double[] scores = batch.scores(prepared, s, trials, settings, Objective.NET_PROFIT, 0, threads);
            long t1 = System.nanoTime();
            double cpu = (cpuNanos() - c0) / 1e9;
            double best = Double.NEGATIVE_INFINITY;
            for (double x : scores) {
                best = Math.max(best, x);
            }
            Metrics bestMetrics = null;
            for (int i = 0; i < scores.length; i++) {
                if (scores[i] == best) {
                    bestMetrics = new Backtester().metrics(prepared, s, trials.get(i), settings);
                    break;
                }
            }
            double sec = (t1 - t0) / 1e9;
            System.out.printf(Locale.ROOT,
                    "%s grid on %s (%d candles): %d backtests in %.3f s wall, %.3f s CPU (%.0f backtests per CPU-second;"
                            + " round %d); best net %.4f with %d trades%n", name, label, series.size(), trials.size(),
                    sec, cpu, trials.size() / cpu, round, best, bestMetrics == null ? 0 : bestMetrics.tradeCount());
        }
    }

    /** CPU time of the whole process: other programs on the machine do not inflate it, unlike wall time. */
    static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static void smaVersusTa4j(CandleSeries s) {
        BarSeries series = new BaseBarSeriesBuilder().withName("bench").withNumFactory(DoubleNumFactory.getInstance())
                .build();
        Duration period = Duration.ofMillis(s.timeframe().durationMs());
        for (int i = 0; i < s.size(); i++) {
            series.barBuilder().timePeriod(period).endTime(Instant.ofEpochMilli(s.closeTimeMs(i)))
                    .openPrice(s.open(i)).highPrice(s.high(i)).lowPrice(s.low(i)).closePrice(s.close(i))
                    .volume(s.volume(i)).add();
        }
        int[][] pairs = {{5, 40}, {10, 60}, {15, 100}, {20, 150}, {30, 200}};
        // ta4j: a fresh strategy per backtest (indicator caches included, as an optimiser would use it)
        long ta4jTrades = 0;
        int ta4jRuns = 0;
        long t0 = 0;
        java.lang.management.ThreadMXBean tmx = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int round = 0; round < 2; round++) {
            if (round == 1) {
                t0 = tmx.getCurrentThreadCpuTime();
                ta4jRuns = 0;
            }
            for (int rep = 0; rep < 60; rep++) {
                for (int[] p : pairs) {
                    ClosePriceIndicator close = new ClosePriceIndicator(series);
                    SMAIndicator f = new SMAIndicator(close, p[0]);
                    SMAIndicator sl = new SMAIndicator(close, p[1]);
                    BaseStrategy strat = new BaseStrategy(new CrossedUpIndicatorRule(f, sl),
                            new CrossedDownIndicatorRule(f, sl), p[1]);
                    ta4jTrades += new BarSeriesManager(series, new TradeOnNextOpenModel()).run(strat)
                            .getPositionCount();
                    ta4jRuns++;
                }
            }
        }
        double ta4jMs = (tmx.getCurrentThreadCpuTime() - t0) / 1e6 / ta4jRuns;

        TradingStrategy sma = StrategyCatalog.get("SMA_CROSSOVER");
        Backtester bt = new Backtester();
        BacktestSettings settings = BacktestSettings.zeroCost();
        long ours = 0;
        int runs = 0;
        double fullMs = 0, metricsMs = 0, coldMs = 0;
        for (int mode = 0; mode < 3; mode++) {
            for (int round = 0; round < 2; round++) {
                PreparedSeries prepared = sma.prepare(s);
                long start = tmx.getCurrentThreadCpuTime();
                runs = 0;
                for (int rep = 0; rep < 2_000; rep++) {
                    for (int[] p : pairs) {
                        ParameterSet ps = ParameterSet.of(Map.of("fast", p[0], "slow", p[1]));
                        if (mode == 0) {
                            ours += bt.run(prepared, sma, ps, settings).trades().size();
                        } else if (mode == 1) {
                            ours += bt.metrics(prepared, sma, ps, settings).tradeCount();
                        } else {
                            // cold: indicators recomputed every backtest (no shared preparation)
                            ours += bt.metrics(sma.prepare(s), sma, ps, settings).tradeCount();
                        }
                        runs++;
                    }
                }
                double ms = (tmx.getCurrentThreadCpuTime() - start) / 1e6 / runs;
                if (mode == 0) {
                    fullMs = ms;
                } else if (mode == 1) {
                    metricsMs = ms;
                } else {
                    coldMs = ms;
                }
            }
        }
        System.out.printf(Locale.ROOT, "SMA_CROSSOVER over %d bars, CPU time per backtest: ta4j 0.18 %.3f ms; ours full result "
                        + "%.4f ms (%.0fx), metrics only %.4f ms (%.0fx), cold incl. indicators %.4f ms (%.0fx) "
                        + "[checksum %d/%d]%n", s.size(), ta4jMs, fullMs, ta4jMs / fullMs, metricsMs,
                ta4jMs / metricsMs, coldMs, ta4jMs / coldMs, ta4jTrades, ours);
    }
}
