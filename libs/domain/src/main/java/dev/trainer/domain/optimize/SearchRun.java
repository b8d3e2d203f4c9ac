package dev.trainer.domain.optimize;

import dev.trainer.domain.backtest.BacktestSettings;
import dev.trainer.domain.strategy.ParameterSet;
import dev.trainer.domain.strategy.PreparedSeries;
import dev.trainer.domain.strategy.TradingStrategy;

import java.util.List;
import java.util.function.IntConsumer;

/**
 * Runs a search to its end in this process: each round is backtested on all threads by {@link BatchBacktester}
 * and told back. The best trial is the highest score; among equal scores, the earliest trial (so the result does
 * not depend on thread timing).
 */
public final class SearchRun {

    /** What a search found; {@code bestParameters} is null when no trial had a finite score. */
    public record Outcome(ParameterSet bestParameters, double bestScore, int trials, long elapsedMs) {

        public double backtestsPerSecond() {
            return elapsedMs == 0 ? Double.NaN : trials * 1000.0 / elapsedMs;
        }
    }

    static final int PROGRESS_STEP = 20_000;

    private SearchRun() {
    }

    /** {@code progress} receives the number of trials done, after each round and every 20,000 trials. */
    public static Outcome run(ParameterSearch search, PreparedSeries prepared, TradingStrategy strategy,
            BacktestSettings settings, Objective objective, int minTrades, int threads, IntConsumer progress) {
        BatchBacktester batch = new BatchBacktester();
        long start = System.nanoTime();
        ParameterSet best = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        int trials = 0;
        List<ParameterSet> round;
        while (!(round = search.ask()).isEmpty()) {
            double[] scores = new double[round.size()];
            // a grid is one round of up to millions of trials: report progress within it
            for (int from = 0; from < round.size(); from += PROGRESS_STEP) {
                int to = Math.min(round.size(), from + PROGRESS_STEP);
                double[] part = batch.scores(prepared, strategy, round.subList(from, to), settings, objective, minTrades,
                        threads);
                System.arraycopy(part, 0, scores, from, part.length);
                for (int i = from; i < to; i++) {
                    if (scores[i] > bestScore) {
                        bestScore = scores[i];
                        best = round.get(i);
                    }
                }
                trials += part.length;
                progress.accept(trials);
            }
            search.tell(scores);
        }
        return new Outcome(best, bestScore, trials, (System.nanoTime() - start) / 1_000_000);
    }
}
