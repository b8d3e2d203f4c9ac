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

    static CandleSeries bitstamp1m() {
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

    private static final int[][] SMA_PAIRS = {{5, 40}, {10, 60}, {15, 100}, {20, 150}, {30, 200}};

    /**
     * SMA_CROSSOVER per backtest, ours against ta4j's BarSeriesManager, in interleaved rounds (each round times every
     * variant once, so that a change in machine load hits all of them) and reported as medians over the rounds:
     * <ul>
     *   <li>the target's comparison: ta4j as a parameter search runs it (a fresh strategy, hence fresh indicators,
     *   per parameter set) against ours as our optimiser runs it (indicator arrays shared by all parameter sets);</li>
     *   <li>like for like, shared: ta4j with the SMA indicators shared across strategies too (only the rules are
     *   new per backtest) against ours shared;</li>
     *   <li>like for like, cold: both computing everything per backtest.</li>
     * </ul>
     */
    private static void smaVersusTa4j(CandleSeries s) {
        BarSeries series = new BaseBarSeriesBuilder().withName("bench").withNumFactory(DoubleNumFactory.getInstance())
                .build();
        Duration period = Duration.ofMillis(s.timeframe().durationMs());
        for (int i = 0; i < s.size(); i++) {
            series.barBuilder().timePeriod(period).endTime(Instant.ofEpochMilli(s.closeTimeMs(i)))
                    .openPrice(s.open(i)).highPrice(s.high(i)).lowPrice(s.low(i)).closePrice(s.close(i))
                    .volume(s.volume(i)).add();
        }
        ClosePriceIndicator sharedClose = new ClosePriceIndicator(series);
        SMAIndicator[] sharedFast = new SMAIndicator[SMA_PAIRS.length], sharedSlow = new SMAIndicator[SMA_PAIRS.length];
        ParameterSet[] params = new ParameterSet[SMA_PAIRS.length];
        for (int i = 0; i < SMA_PAIRS.length; i++) {
            sharedFast[i] = new SMAIndicator(sharedClose, SMA_PAIRS[i][0]);
            sharedSlow[i] = new SMAIndicator(sharedClose, SMA_PAIRS[i][1]);
            params[i] = ParameterSet.of(Map.of("fast", SMA_PAIRS[i][0], "slow", SMA_PAIRS[i][1]));
        }
        TradingStrategy sma = StrategyCatalog.get("SMA_CROSSOVER");
        Backtester bt = new Backtester();
        BacktestSettings settings = BacktestSettings.zeroCost();
        java.lang.management.ThreadMXBean tmx = java.lang.management.ManagementFactory.getThreadMXBean();
        String[] names = {"ta4j fresh", "ta4j shared SMA", "ours shared, full result", "ours shared, metrics only",
                "ours cold"};
        int rounds = 7; // the first is warm-up and not counted
        double[][] msPerBacktest = new double[names.length][rounds - 1];
        long ta4jTrades = 0, ourTrades = 0;
        for (int round = 0; round < rounds; round++) {
            PreparedSeries prepared = sma.prepare(s); // fresh each round: its one-off cost is not per backtest
            bt.metrics(prepared, sma, params[0], settings);
            for (int v = 0; v < names.length; v++) {
                int reps = v < 2 ? 40 : v == 4 ? 400 : 2_000;
                long start = tmx.getCurrentThreadCpuTime();
                for (int rep = 0; rep < reps; rep++) {
                    for (int i = 0; i < SMA_PAIRS.length; i++) {
                        switch (v) {
                            case 0 -> {
                                ClosePriceIndicator close = new ClosePriceIndicator(series);
                                ta4jTrades += ta4jRun(series, new SMAIndicator(close, SMA_PAIRS[i][0]),
                                        new SMAIndicator(close, SMA_PAIRS[i][1]), SMA_PAIRS[i][1]);
                            }
                            case 1 -> ta4jTrades += ta4jRun(series, sharedFast[i], sharedSlow[i], SMA_PAIRS[i][1]);
                            case 2 -> ourTrades += bt.run(prepared, sma, params[i], settings).trades().size();
                            case 3 -> ourTrades += bt.metrics(prepared, sma, params[i], settings).tradeCount();
                            default -> ourTrades += bt.metrics(sma.prepare(s), sma, params[i], settings).tradeCount();
                        }
                    }
                }
                if (round > 0) {
                    msPerBacktest[v][round - 1] = (tmx.getCurrentThreadCpuTime() - start) / 1e6
                            / (reps * SMA_PAIRS.length);
                }
            }
        }
        double[] median = new double[names.length];
        for (int v = 0; v < names.length; v++) {
            median[v] = median(msPerBacktest[v]);
        }
        System.out.printf(Locale.ROOT, "SMA_CROSSOVER over %d bars, CPU time per backtest (median of %d interleaved "
                + "rounds):%n", s.size(), rounds - 1);
        for (int v = 0; v < names.length; v++) {
            System.out.printf(Locale.ROOT, "  %-27s %8.4f ms%n", names[v], median[v]);
        }
        System.out.printf(Locale.ROOT, "  target comparison (ta4j fresh / ours shared): %.0fx full result, %.0fx "
                        + "metrics only; like for like: shared %.0fx, cold %.0fx [checksum %d/%d]%n",
                median[0] / median[2], median[0] / median[3], median[1] / median[2], median[0] / median[4],
                ta4jTrades, ourTrades);
    }

    private static int ta4jRun(BarSeries series, SMAIndicator fast, SMAIndicator slow, int unstableBars) {
        BaseStrategy strategy = new BaseStrategy(new CrossedUpIndicatorRule(fast, slow),
                new CrossedDownIndicatorRule(fast, slow), unstableBars);
        return new BarSeriesManager(series, new TradeOnNextOpenModel()).run(strategy).getPositionCount();
    }

    static double median(double[] values) {
        double[] v = values.clone();
        java.util.Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
}
