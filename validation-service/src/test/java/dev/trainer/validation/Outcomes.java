package dev.trainer.validation;

import dev.trainer.contracts.EventTypes;
import dev.trainer.contracts.events.OptimizationCompleted;
import dev.trainer.contracts.events.OptimizationCompleted.Window;
import dev.trainer.contracts.events.SeriesRef;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Crafted optimiser outcomes: three walk-forward windows (90 train days, 7 gap, 30 test days). */
final class Outcomes {

    static final Instant START = Instant.parse("2024-01-01T00:00:00Z");
    static final int WINDOWS = 3;
    static final int TEST_DAYS = 30;
    static final int TRAIN_DAYS = 90;
    static final int TRIALS_PER_WINDOW = 100;
    /** Variance of the trials' per-day Sharpe ratios: a spread of 0.05 a day (about 0.96 annualised). */
    static final double TRIAL_SHARPE_VARIANCE_PER_DAY = 0.0025;
    /** Each window's best trial on its train slice, repeated over the 90 train days. */
    static final double[] IN_SAMPLE_DAILY_PATTERN = {-0.0025, 0.004, 0.0035};

    private Outcomes() {
    }

    /**
     * Each test window: 40 trades (24 of +0.4 %, 16 of -0.3 %), +5 % net, daily returns -0.2 %, +0.35 %, +0.35 %,
     * ... In all: 120 trades, +15.76 % compounded, a daily Sharpe far above 1.5: MATURE by the plan's rules. The
     * search's statistics pass the default significance gate: 100 trials a window whose per-day Sharpe ratios spread
     * by 0.05 (the in-sample winner's 0.56 a day is far above the 0.127 the best of them shows by luck: deflated
     * Sharpe ratio 0.9997), a probability of overfitting of 0.2, and 90 out-of-sample days against a minimum track
     * record of 11.0.
     */
    static OptimizationCompleted winning(String jobId, SeriesRef market) {
        return outcome(jobId, market, 0.05, 40, 24, new double[] {-0.002, 0.0035, 0.0035}, 0.004, -0.003,
                overfitting(0.2));
    }

    /** {@link #winning}, but the optimiser found its in-sample winner overfit (PBO 0.8): MATURE rules met, gate not. */
    static OptimizationCompleted winningButOverfit(String jobId, SeriesRef market) {
        return outcome(jobId, market, 0.05, 40, 24, new double[] {-0.002, 0.0035, 0.0035}, 0.004, -0.003,
                overfitting(0.8));
    }

    /** Each test window: 20 trades (6 of +0.2 %, 14 of -0.5 %), -4 % net, losing days: PAPER. */
    static OptimizationCompleted losing(String jobId, SeriesRef market) {
        return outcome(jobId, market, -0.04, 20, 6, new double[] {-0.003, 0.001, -0.0015}, 0.002, -0.005,
                overfitting(0.6));
    }

    /** The daily pattern repeated over the given days. */
    static double[] repeat(double[] pattern, int days) {
        double[] out = new double[days];
        for (int d = 0; d < days; d++) {
            out[d] = pattern[d % pattern.length];
        }
        return out;
    }

    private static OptimizationCompleted.Overfitting overfitting(double probability) {
        return new OptimizationCompleted.Overfitting(probability, null, 16, TRIALS_PER_WINDOW, TRAIN_DAYS);
    }

    static SeriesRef market() {
        return new SeriesRef("test-" + UUID.randomUUID().toString().substring(0, 8), "BTC/USDT", "1h");
    }

    private static OptimizationCompleted outcome(String jobId, SeriesRef market, double netPerWindow, int trades,
            int wins, double[] dailyPattern, double win, double loss, OptimizationCompleted.Overfitting overfitting) {
        List<Window> windows = new ArrayList<>();
        for (int w = 0; w < WINDOWS; w++) {
            Instant trainFrom = START.plus(Duration.ofDays(30L * w));
            Instant trainUntil = trainFrom.plus(Duration.ofDays(TRAIN_DAYS));
            Instant testFrom = trainUntil.plus(Duration.ofDays(7));
            Instant testUntil = testFrom.plus(Duration.ofDays(TEST_DAYS));
            double[] daily = repeat(dailyPattern, TEST_DAYS);
            double[] tradeReturns = new double[trades];
            for (int t = 0; t < trades; t++) {
                tradeReturns[t] = t < wins ? win : loss;
            }
            Map<String, Object> inSample = new LinkedHashMap<>();
            inSample.put("trade_count", 100 + w);
            inSample.put("net_profit_fraction", 0.12);
            inSample.put("sharpe_daily", 2.5);
            inSample.put("max_drawdown_fraction", 0.05);
            inSample.put("profit_factor", null);
            inSample.put("profit_factor_undefined_reason", "no losing trades");
            inSample.put("exit_reason_counts", Map.of("SIGNAL", 90, "STOP_LOSS", 10));
            Map<String, Object> outOfSample = new LinkedHashMap<>();
            outOfSample.put("trade_count", trades);
            outOfSample.put("win_count", wins);
            outOfSample.put("loss_count", trades - wins);
            outOfSample.put("gross_win_rate_fraction", (double) wins / trades);
            outOfSample.put("net_profit_fraction", netPerWindow);
            outOfSample.put("max_drawdown_fraction", 0.03);
            outOfSample.put("sharpe_daily", 2.0);
            windows.add(new Window(w, trainFrom, trainUntil, testFrom, testUntil, Map.of("fast", 5.0 + w, "slow", 40.0),
                    1.0, inSample, repeat(IN_SAMPLE_DAILY_PATTERN, TRAIN_DAYS), outOfSample, daily, tradeReturns));
        }
        return new OptimizationCompleted(EventTypes.newEventId(), OptimizationCompleted.SCHEMA_VERSION, Instant.now(),
                jobId, "user-3", market, "SMA_CROSSOVER", "random", "net_profit", 7L, "fp-" + jobId, 0.96,
                "walk_forward", WINDOWS * TRIALS_PER_WINDOW, TRIAL_SHARPE_VARIANCE_PER_DAY, overfitting,
                Map.of("fast", 6.0, "slow", 40.0), windows);
    }
}
