package dev.trainer.domain.stats;

import dev.trainer.domain.backtest.MetricValue;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * Significance and stability of a return series (per-trade or per-day returns, as fractions). Each test has a
 * {@code double} form (NaN when undefined) and a {@link MetricValue} form that says why it is undefined.
 */
public final class TrialStatistics {

    private TrialStatistics() {
    }

    /**
     * One-sided one-sample t-test of H0: mean &lt;= 0 against H1: mean &gt; 0. Small values mean the positive mean is
     * unlikely to be luck. Undefined for fewer than 2 finite returns or zero variance.
     */
    public static MetricValue pValue(double[] returns) {
        Moments m = Moments.of(returns);
        if (m.reason != null) {
            return MetricValue.undefined(m.reason);
        }
        double t = m.mean / (m.sd / Math.sqrt(m.n));
        TDistribution dist = new TDistribution(null, m.n - 1);
        return MetricValue.of(1.0 - dist.cumulativeProbability(t));
    }

    public static double pValueMeanGreaterThanZero(double[] returns) {
        return pValue(returns).orElse(Double.NaN);
    }

    /**
     * Mean divided by its standard error, {@code mean / (sd / sqrt(n))} with the sample standard deviation: the
     * one-sample t statistic, i.e. how many standard errors the mean return lies above zero. (The failed first version
     * divided by the standard deviation alone, which does not grow with evidence; this one does.)
     */
    public static MetricValue z(double[] returns) {
        Moments m = Moments.of(returns);
        if (m.reason != null) {
            return MetricValue.undefined(m.reason);
        }
        return MetricValue.of(m.mean / (m.sd / Math.sqrt(m.n)));
    }

    public static double zScore(double[] returns) {
        return z(returns).orElse(Double.NaN);
    }

    /**
     * Consistency of results across test windows, in [0, 1]. For each non-empty window the mean return m_w is
     * taken; then
     * <pre>stability = (share of windows with m_w &gt; 0) * |mean(m)| / (|mean(m)| + sd(m))</pre>
     * The first factor asks "does it make money in most windows", the second "are the windows alike" (1 when every
     * window has the same mean, towards 0 when dispersion dwarfs the average). 1 needs every window positive and
     * identical; a strategy that wins big in one window and loses in the others scores low. Undefined with fewer
     * than 2 non-empty windows.
     */
    public static MetricValue stability(double[][] windowReturns) {
        if (windowReturns == null) {
            return MetricValue.undefined("no windows");
        }
        double[] means = new double[windowReturns.length];
        int k = 0;
        for (double[] w : windowReturns) {
            if (w == null) {
                continue;
            }
            double sum = 0;
            int n = 0;
            for (double r : w) {
                if (Double.isFinite(r)) {
                    sum += r;
                    n++;
                }
            }
            if (n > 0) {
                means[k++] = sum / n;
            }
        }
        if (k < 2) {
            return MetricValue.undefined("fewer than 2 non-empty windows (" + k + ")");
        }
        int positive = 0;
        double sum = 0;
        for (int i = 0; i < k; i++) {
            sum += means[i];
            if (means[i] > 0) {
                positive++;
            }
        }
        double mean = sum / k;
        double ss = 0;
        for (int i = 0; i < k; i++) {
            ss += (means[i] - mean) * (means[i] - mean);
        }
        double sd = Math.sqrt(ss / (k - 1));
        double agreement = (Math.abs(mean) + sd) == 0 ? 0 : Math.abs(mean) / (Math.abs(mean) + sd);
        return MetricValue.of((double) positive / k * agreement);
    }

    public static double stabilityScore(double[][] windowReturns) {
        return stability(windowReturns).orElse(Double.NaN);
    }

    private record Moments(int n, double mean, double sd, String reason) {
        static Moments of(double[] x) {
            if (x == null) {
                return new Moments(0, 0, 0, "no returns");
            }
            int n = 0;
            double sum = 0;
            for (double v : x) {
                if (!Double.isFinite(v)) {
                    return new Moments(0, 0, 0, "returns contain a non-finite value (" + v + ")");
                }
                sum += v;
                n++;
            }
            if (n < 2) {
                return new Moments(n, 0, 0, "fewer than 2 returns (" + n + ")");
            }
            double mean = sum / n;
            double ss = 0;
            for (double v : x) {
                ss += (v - mean) * (v - mean);
            }
            double sd = Math.sqrt(ss / (n - 1));
            if (!(sd > 1e-15 * Math.max(1, Math.abs(mean)))) {
                return new Moments(n, mean, 0, "zero variance (all returns equal)");
            }
            return new Moments(n, mean, sd, null);
        }
    }
}
