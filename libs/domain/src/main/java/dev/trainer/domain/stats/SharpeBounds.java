package dev.trainer.domain.stats;

/**
 * Certified comparisons of a half's Sharpe ratio with a threshold, without its square root and divisions: most
 * trials of a split are decided by a few multiplications, and only those within rounding distance of the threshold
 * get the exact value of {@link CscvSplitSearch#value}. The result is the exact one either way.
 *
 * <p>For a half with centred sum s, centred sum of squares q, n rows and trial mean μ, the exact path computes
 * m = μ + s/n, W = q − s²/n, V = W/(n − 1) and SR = m/√V (when V > 10⁻³⁰·max(1, m²)). With f(x) = x·|x|, which
 * is increasing, SR &lt; t ⇔ f(m)/V &lt; f(t) ⇔ f(m) &lt; f(t)·V. Here m and W are computed with multiplications by 1/n,
 * within a radius of the exact path's values that is bounded per trial (both are sums of at most 2S terms whose
 * magnitudes are known from the trial's block sums), and the threshold is widened by a relative 10⁻⁹, far above the
 * few units of rounding (10⁻¹⁶ each) of the exact path's square root and divisions. A gap is negative only when the
 * comparison holds for every value within the radii; a NaN or non-negative gap means "compute it".
 *
 * <p>Valid when every stored sum is below {@value #LARGEST} in magnitude and the threshold is 0 or between
 * {@value #SMALLEST} and {@value #LARGEST} in magnitude (nothing overflows or underflows into the decisions); callers
 * take the exact path otherwise.
 */
final class SharpeBounds {

    private static final double U = 0x1p-53;
    /** Relative widening of the threshold. */
    static final double SLACK = 1e-9;
    static final double LARGEST = 1e50;
    static final double SMALLEST = 1e-100;

    private SharpeBounds() {
    }

    /** Whether a threshold can be compared by bounds. */
    static boolean usable(double threshold) {
        double a = Math.abs(threshold);
        return threshold == 0 || (a >= SMALLEST && a <= LARGEST);
    }

    /**
     * Bounds |m − exact m| for every half of a trial.
     *
     * @param absoluteSum Σ|block sum| of the trial; an in-sample or out-of-sample sum (total − in-sample) is at most
     *                    twice it in magnitude
     */
    static double meanRadius(double trialMean, double absoluteSum, double inverseRows) {
        return 8 * U * meanScale(trialMean, absoluteSum, inverseRows);
    }

    /** |μ| + 2·Σ|block sum|/n, slightly rounded up: at least |m| of any half. */
    private static double meanScale(double trialMean, double absoluteSum, double inverseRows) {
        return Math.abs(trialMean) + 2.000001 * absoluteSum * inverseRows;
    }

    /**
     * Bounds |W − exact W| for every half of a trial.
     *
     * @param squaresSum Σ block sums of squares of the trial (each ≥ 0); a half's sum of squares is at most twice it
     */
    static double squaresRadius(double squaresSum, double absoluteSum, double inverseRows) {
        return 40 * U * (squaresSum + absoluteSum * absoluteSum * inverseRows);
    }

    /**
     * Below it W may fail the exact path's variance test (V &gt; 10⁻³⁰·max(1, m²)), whose value is then 0 or ±∞
     * instead of m/√V: such halves are never decided by bounds.
     */
    static double varianceFloor(double trialMean, double absoluteSum, double inverseRows, int rows, double squaresRadius) {
        double scale = meanScale(trialMean, absoluteSum, inverseRows);
        return squaresRadius + 2e-30 * (rows - 1) * (1 + 2 * scale * scale);
    }

    /** The factor k of the "below" test f(m) &lt; k·W: f(t)/(n − 1), made smaller by the slack. */
    static double belowFactor(double threshold, double inverseRowsLess1) {
        double k = threshold * Math.abs(threshold) * inverseRowsLess1;
        return k * (k >= 0 ? 1 - SLACK : 1 + SLACK);
    }

    /** The factor k of the "above" test f(m) &gt; k·W: f(t)/(n − 1), made larger by the slack. */
    static double aboveFactor(double threshold, double inverseRowsLess1) {
        double k = threshold * Math.abs(threshold) * inverseRowsLess1;
        return k * (k >= 0 ? 1 + SLACK : 1 - SLACK);
    }

    /**
     * Negative only when the exact Sharpe ratio of the half is certainly below the threshold. The W bound used is
     * W − r for k ≥ 0 and W + r for k &lt; 0, either way k·W − |k|·r.
     */
    static double belowGap(double s, double q, double trialMean, double meanRadius, double squaresRadius, double floor,
            double inverseRows, double k) {
        double si = s * inverseRows;
        double w = q - s * si;
        double high = trialMean + si + meanRadius;
        return Math.max(high * Math.abs(high) - k * w + Math.abs(k) * squaresRadius, floor - w);
    }

    /** Negative only when the exact Sharpe ratio of the half is certainly above the threshold. */
    static double aboveGap(double s, double q, double trialMean, double meanRadius, double squaresRadius, double floor,
            double inverseRows, double k) {
        double si = s * inverseRows;
        double w = q - s * si;
        double low = trialMean + si - meanRadius;
        return Math.max(k * w + Math.abs(k) * squaresRadius - low * Math.abs(low), floor - w);
    }
}
