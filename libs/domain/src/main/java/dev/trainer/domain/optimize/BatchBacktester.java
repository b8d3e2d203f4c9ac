package dev.trainer.domain.optimize;

import dev.trainer.domain.backtest.Backtester;
import dev.trainer.domain.backtest.BacktestSettings;
import dev.trainer.domain.backtest.Metrics;
import dev.trainer.domain.strategy.ParameterSet;
import dev.trainer.domain.strategy.PreparedSeries;
import dev.trainer.domain.strategy.TradingStrategy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Backtests many parameter sets over one prepared series on several threads. Indicators and strategy
 * intermediate results live in the prepared series and are shared by all threads; each thread claims chunks of
 * consecutive trials (consecutive grid points share most parameters, so they hit the same cached intermediates).
 */
public final class BatchBacktester {

    /** Receives each trial's metrics; called concurrently from worker threads, so it must be thread-safe. */
    @FunctionalInterface
    public interface MetricsSink {
        void accept(int trialIndex, Metrics metrics);
    }

    private static final int CHUNK = 64;

    private final Backtester backtester = new Backtester();

    /** Runs every trial and hands its metrics to the sink. Invalid parameter sets fail the batch. */
    public void evaluate(PreparedSeries prepared, TradingStrategy strategy, List<ParameterSet> trials,
            BacktestSettings settings, int threads, MetricsSink sink) {
        int workers = Math.max(1, Math.min(threads, (trials.size() + CHUNK - 1) / CHUNK));
        AtomicInteger next = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Runnable work = () -> {
            try {
                int start;
                while (failure.get() == null && (start = next.getAndAdd(CHUNK)) < trials.size()) {
                    int end = Math.min(trials.size(), start + CHUNK);
                    for (int i = start; i < end; i++) {
                        sink.accept(i, backtester.metrics(prepared, strategy, trials.get(i), settings));
                    }
                }
            } catch (Throwable t) {
                failure.compareAndSet(null, t);
            }
        };
        if (workers == 1) {
            work.run();
        } else {
            List<Thread> pool = new ArrayList<>(workers);
            for (int w = 0; w < workers; w++) {
                Thread t = new Thread(work, "backtest-" + w);
                t.setDaemon(true);
                t.start();
                pool.add(t);
            }
            for (Thread t : pool) {
                try {
                    t.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    failure.compareAndSet(null, e);
                    break;
                }
            }
        }
        Throwable t = failure.get();
        if (t instanceof RuntimeException re) {
            throw re;
        }
        if (t instanceof Error err) {
            throw err;
        }
        if (t != null) {
            throw new IllegalStateException("batch interrupted", t);
        }
    }

    /** Metrics of every trial, in trial order. Memory: about 1 KB per trial. */
    public Metrics[] evaluateAll(PreparedSeries prepared, TradingStrategy strategy, List<ParameterSet> trials,
            BacktestSettings settings, int threads) {
        Metrics[] out = new Metrics[trials.size()];
        evaluate(prepared, strategy, trials, settings, threads, (i, m) -> out[i] = m);
        return out;
    }

    /** Objective scores of every trial, in trial order (compact: 8 bytes per trial). */
    public double[] scores(PreparedSeries prepared, TradingStrategy strategy, List<ParameterSet> trials,
            BacktestSettings settings, Objective objective, int minTrades, int threads) {
        double[] out = new double[trials.size()];
        evaluate(prepared, strategy, trials, settings, threads, (i, m) -> out[i] = objective.score(m, minTrades));
        return out;
    }
}
