package dev.trainer.domain.stats;

import dev.trainer.domain.backtest.MetricValue;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * The deflated Sharpe ratio (Bailey and López de Prado 2014, "The Deflated Sharpe Ratio: Correcting for Selection
 * Bias, Backtest Overfitting and Non-Normality"): the probabilistic Sharpe ratio of the selected trial against the
 * Sharpe ratio the best of {@code N} skill-less trials would show by luck,
 * <pre>SR0 = sqrt(V[SR_n])·((1 − γ)·Φ⁻¹(1 − 1/N) + γ·Φ⁻¹(1 − 1/(N·e))),   DSR = PSR(SR0)</pre>
 * with γ the Euler–Mascheroni constant and V[SR_n] the variance of the trials' Sharpe ratios. All Sharpe ratios and
 * the variance are per period (an annualised variance divides by the periods per year, not its square root).
 */
public final class DeflatedSharpe {

    public static final double EULER_MASCHERONI = 0.5772156649015329;

    private DeflatedSharpe() {
    }

    /**
     * SR0, the expected maximum Sharpe ratio of {@code trials} independent trials whose true Sharpe ratio is 0, per
     * period. One trial involves no selection, so SR0 = 0 (the formula itself is −∞ there).
     *
     * @param trials                       N, the number of trials the selected one was picked from (at least 1)
     * @param trialSharpeVariancePerPeriod V[SR_n], the variance of the trials' per-period Sharpe ratios (≥ 0)
     */
    public static double expectedMaximumSharpe(long trials, double trialSharpeVariancePerPeriod) {
        if (trials < 1) {
            throw new IllegalArgumentException("the number of trials must be at least 1, was " + trials);
        }
        SharpeEstimateVariance.requireFinite(trialSharpeVariancePerPeriod, "the variance of the trials' Sharpe ratios");
        if (trialSharpeVariancePerPeriod < 0) {
            throw new IllegalArgumentException("the variance of the trials' Sharpe ratios must not be negative, was "
                    + trialSharpeVariancePerPeriod);
        }
        if (trials == 1) {
            return 0;
        }
        double n = trials;
        NormalDistribution normal = ProbabilisticSharpe.STANDARD_NORMAL;
        double maxOfStandardNormals = (1 - EULER_MASCHERONI) * normal.inverseCumulativeProbability(1 - 1 / n)
                + EULER_MASCHERONI * normal.inverseCumulativeProbability(1 - 1 / (n * Math.E));
        return Math.sqrt(trialSharpeVariancePerPeriod) * maxOfStandardNormals;
    }

    /**
     * DSR = PSR(SR0) of the selected trial.
     *
     * @param sharpePerPeriod              the selected trial's Sharpe ratio, per period
     * @param observations                 T, its number of returns
     * @param skewness                     γ3 of its returns
     * @param kurtosisRaw                  γ4 of its returns, raw (3 for a normal distribution)
     * @param trials                       N, how many trials it was selected from
     * @param trialSharpeVariancePerPeriod V[SR_n] of those trials, per period
     * @throws IllegalArgumentException as {@link ProbabilisticSharpe#probability} and {@link #expectedMaximumSharpe}
     */
    public static MetricValue probability(double sharpePerPeriod, long observations, double skewness, double kurtosisRaw,
            long trials, double trialSharpeVariancePerPeriod) {
        double benchmark = expectedMaximumSharpe(trials, trialSharpeVariancePerPeriod);
        return ProbabilisticSharpe.probability(sharpePerPeriod, benchmark, observations, skewness, kurtosisRaw);
    }

    /** The DSR of a selected trial's return series, with its own Sharpe ratio, count and moments. */
    public static MetricValue probability(double[] returns, long trials, double trialSharpeVariancePerPeriod) {
        return ProbabilisticSharpe.probability(returns, expectedMaximumSharpe(trials, trialSharpeVariancePerPeriod));
    }

    /**
     * V[SR_n]: the sample variance (n − 1 in the denominator) of the trials' per-period Sharpe ratios, e.g. of every
     * trial in the optimiser's ledger. Undefined for fewer than 2 ratios or a non-finite one (a trial without a
     * defined Sharpe ratio should be left out, and still counted in N if it was tried).
     */
    public static MetricValue trialSharpeVariance(double[] trialSharpesPerPeriod) {
        if (trialSharpesPerPeriod == null || trialSharpesPerPeriod.length < 2) {
            return MetricValue.undefined("fewer than 2 trial Sharpe ratios ("
                    + (trialSharpesPerPeriod == null ? 0 : trialSharpesPerPeriod.length) + ")");
        }
        double sum = 0;
        for (double s : trialSharpesPerPeriod) {
            if (!Double.isFinite(s)) {
                return MetricValue.undefined("a trial Sharpe ratio is not finite (" + s + ")");
            }
            sum += s;
        }
        double mean = sum / trialSharpesPerPeriod.length;
        double ss = 0;
        for (double s : trialSharpesPerPeriod) {
            ss += (s - mean) * (s - mean);
        }
        return MetricValue.of(ss / (trialSharpesPerPeriod.length - 1));
    }
}
