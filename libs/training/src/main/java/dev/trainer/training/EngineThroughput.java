package dev.trainer.training;

import dev.trainer.domain.backtest.BacktestSettings;
import dev.trainer.domain.market.CandleSeries;
import dev.trainer.domain.market.SyntheticSeries;
import dev.trainer.domain.market.Timeframe;
import dev.trainer.domain.optimize.BatchBacktester;
import dev.trainer.domain.optimize.Objective;
import dev.trainer.domain.strategy.ParameterSet;
import dev.trainer.domain.strategy.PreparedSeries;
import dev.trainer.domain.strategy.TradingStrategy;

import java.util.ArrayList;
import java.util.List;

/**
 * What this machine's engine does per second, measured on the spot: the given trials backtested on a seeded
 * synthetic series of {@code bars} one-minute candles on {@code threads} threads, after a warm-up round (so the JIT
 * has compiled the engine), until at least half a second was spent. Every pass starts from a freshly prepared
 * series, so indicators and strategy intermediates are paid for as in a real search (a little more: the sampled
 * trials share fewer intermediates than a whole grid does). A backtest's cost grows about linearly with its bars,
 * which is how estimates scale it to other lengths. A synthetic series is not a market: strategies that trade much
 * more often on real data run slower there.
 *
 * @param backtestsPerSecond backtests per second of wall time at {@code bars} bars
 */
public record EngineThroughput(int bars, int threads, double backtestsPerSecond) {

    static final double MIN_MEASURED_SECONDS = 0.5;

    public static EngineThroughput measure(TradingStrategy strategy, List<ParameterSet> trials, int bars, int threads) {
        if (trials.isEmpty()) {
            throw new IllegalArgumentException("no trials to measure");
        }
        CandleSeries series = SyntheticSeries.randomWalk(bars, 1, Timeframe.M1, 0.0015);
        BatchBacktester batch = new BatchBacktester();
        BacktestSettings settings = BacktestSettings.defaults();
        List<ParameterSet> warmUp = trials.subList(0, Math.min(trials.size(), 200));
        batch.scores(strategy.prepare(series), strategy, warmUp, settings, Objective.NET_PROFIT, 0, threads);

        long done = 0;
        long start = System.nanoTime();
        double elapsed;
        do {
            PreparedSeries prepared = strategy.prepare(series);
            batch.scores(prepared, strategy, trials, settings, Objective.NET_PROFIT, 0, threads);
            done += trials.size();
            elapsed = (System.nanoTime() - start) / 1e9;
        } while (elapsed < MIN_MEASURED_SECONDS);
        return new EngineThroughput(bars, threads, done / elapsed);
    }

    /**
     * Up to {@code max} trials: blocks of {@code block} consecutive trials spread evenly over the list. Neighbouring
     * grid points share the strategy's intermediates (they differ in the last parameters only), so blocks keep the
     * grid's sharing while the spread keeps its corners and middle in the sample.
     */
    public static List<ParameterSet> spreadSample(List<ParameterSet> trials, int max, int block) {
        if (trials.size() <= max) {
            return trials;
        }
        int blocks = Math.max(1, max / block);
        List<ParameterSet> out = new ArrayList<>(blocks * block);
        double step = (trials.size() - block) / (double) Math.max(1, blocks - 1);
        for (int b = 0; b < blocks; b++) {
            int from = (int) Math.round(b * step);
            out.addAll(trials.subList(from, Math.min(trials.size(), from + block)));
        }
        return out;
    }

    /** Seconds for {@code backtests} backtests of {@code bars} bars each. */
    public double secondsFor(long backtests, long bars) {
        return backtests * (bars / (double) this.bars) / backtestsPerSecond;
    }
}
