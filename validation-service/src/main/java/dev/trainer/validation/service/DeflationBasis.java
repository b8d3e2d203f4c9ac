package dev.trainer.validation.service;

import dev.trainer.contracts.events.OptimizationCompleted;
import dev.trainer.contracts.events.OptimizationCompleted.Window;
import dev.trainer.domain.backtest.MetricValue;
import dev.trainer.domain.stats.DeflatedSharpe;
import dev.trainer.domain.stats.ReturnMoments;
import java.util.List;

/**
 * What the deflated Sharpe ratio deflates, and against how many trials (docs/STATISTICS.md, "In the validator").
 *
 * <p><b>The Sharpe ratio deflated</b> is the one the configuration was selected by: the final window's best trial on
 * the train slice it was chosen on ({@code inSampleDailyReturns} of the last window, whose parameters are traded). The
 * deflated Sharpe ratio asks whether that Sharpe ratio beats what the best of N skill-less trials shows by luck; the
 * out-of-sample record was not selected on, so deflating it would charge the search a second time.
 *
 * <p><b>N</b> is the number of trials of one window, {@code trialsEvaluated / windows} rounded up: the final window's
 * winner was picked among that window's trials only; the other windows searched the same space on other, overlapping
 * train slices for their own winners and are no extra chances for this one. It is exact for one-round plans (grid,
 * random, Sobol: the same trials in every window); for Bayesian and CMA-ES searches, which may stop early in some
 * windows, it is the mean per window.
 *
 * <p><b>V</b> is the optimiser's {@code trialSharpeVariance}: the sample variance of the per-day Sharpe ratios of every
 * window's trials on their train slices. The event carries no per-window variance; pooling the windows adds the spread
 * between the windows' mean levels, which raises V and so SR0 on average: the conservative side.
 *
 * @param selected                    moments of the final window's best trial's in-sample daily returns
 * @param trials                      N, or the reason it is unknown
 * @param trialSharpeVariancePerDay   V, or the reason it is unknown
 * @param expectedMaximumSharpePerDay SR0, the Sharpe ratio the best of N skill-less trials shows, per day
 */
record DeflationBasis(ReturnMoments selected, MetricValue trials, MetricValue trialSharpeVariancePerDay,
        MetricValue expectedMaximumSharpePerDay) {

    static DeflationBasis of(OptimizationCompleted result) {
        List<Window> windows = result.windows() == null ? List.of() : result.windows();
        ReturnMoments selected = ReturnMoments.of(windows.isEmpty() ? null : windows.get(windows.size() - 1)
                .inSampleDailyReturns());
        MetricValue trials = trialsPerWindow(result.trialsEvaluated(), windows.size());
        MetricValue variance = variance(result.trialSharpeVariance());
        return new DeflationBasis(selected, trials, variance, expectedMaximum(trials, variance));
    }

    private static MetricValue trialsPerWindow(int trialsEvaluated, int windows) {
        if (windows == 0) {
            return MetricValue.undefined("no validation windows");
        }
        if (trialsEvaluated < 1) {
            return MetricValue.undefined("the optimiser reported " + trialsEvaluated + " trials");
        }
        return MetricValue.of(Math.ceilDiv(trialsEvaluated, windows));
    }

    private static MetricValue variance(Double reported) {
        if (reported == null) {
            return MetricValue.undefined("not reported by the optimiser (fewer than 2 trials with a defined Sharpe ratio)");
        }
        if (!Double.isFinite(reported) || reported < 0) {
            return MetricValue.undefined("the optimiser reported " + reported + ", which is not a variance");
        }
        return MetricValue.of(reported);
    }

    private static MetricValue expectedMaximum(MetricValue trials, MetricValue variance) {
        if (!trials.isDefined()) {
            return MetricValue.undefined("the number of trials is undefined: " + trials.undefinedReason());
        }
        long n = (long) trials.value();
        if (n == 1) {
            // no selection, no luck to deflate: SR0 = 0 whatever the variance, even when there is none
            return MetricValue.of(0);
        }
        if (!variance.isDefined()) {
            return MetricValue.undefined("the variance of the trials' Sharpe ratios is undefined: "
                    + variance.undefinedReason());
        }
        return MetricValue.of(DeflatedSharpe.expectedMaximumSharpe(n, variance.value()));
    }
}
