package dev.trainer.domain.stats;

/**
 * Certified comparisons of a half's metric with a threshold, in float arithmetic: most trials of a split are decided
 * by a few float operations (8 to a 256-bit vector, half the bytes of doubles), and only those within rounding
 * distance of the threshold get the exact double value of {@link CscvSplitSearch#value}. The result is the exact
 * one either way; float is never stored in place of a sum.
 *
 * <p>For a half with centred sum s, centred sum of squares q, n rows and trial mean μ, the exact path computes in
 * double m = μ + s/n, W = q − s²/n, V = W/(n − 1) and SR = m/√V (when V &gt; 10⁻³⁰·max(1, m²)). With f(x) = x·|x|,
 * which is increasing, SR &lt; t ⇔ f(m)/V &lt; f(t) ⇔ f(m) &lt; f(t)·V (for the mean metric, m against t). Here s and
 * q are float sums of the float block sums, m and W are computed with a multiplication by 1/n, and every error is
 * bounded per trial: an in-sample float sum (at most 12 float block sums) or an out-of-sample one (the float total
 * less it) is within 16·2⁻²⁴·Σ|block sum| of the exact double one, and so on through each operation; the radii
 * allow 3 to 4 times what the operations can lose. The threshold is widened by a relative
 * {@value #SLACK}, far above the rounding of the float comparison itself (10⁻⁶) and of the exact path's square root
 * and divisions (10⁻¹⁶). A gap is negative only when the comparison holds for every value within the bounds; a NaN or
 * non-negative gap means "compute it exactly".
 *
 * <p>Valid when every stored sum is at most {@value #LARGEST} in magnitude (sums of squares its square) and the
 * threshold is 0 or between {@value #SMALLEST} and {@value #LARGEST} in magnitude: nothing overflows, and whatever
 * underflows is covered by an absolute {@value #UNDERFLOW} added to each bound. Callers take the exact path otherwise.
 */
final class HalfBounds {

    /** The unit roundoff of float. */
    private static final double U = 0x1p-24;
    static final double SLACK = 1e-5;
    static final double LARGEST = 1e6;
    static final double SMALLEST = 1e-8;
    static final double UNDERFLOW = 1e-35;

    private HalfBounds() {
    }

    /** Whether a threshold can be compared by bounds. */
    static boolean usable(double threshold) {
        double a = Math.abs(threshold);
        return threshold == 0 || (a >= SMALLEST && a <= LARGEST);
    }

    /** Whether a trial's stored mean, block sum and block sum of squares are small enough for the bounds. */
    static boolean usable(double trialMean, double blockSum, double blockSquares) {
        return Math.abs(trialMean) <= LARGEST && Math.abs(blockSum) <= LARGEST && blockSquares <= LARGEST * LARGEST;
    }

    /**
     * Bounds the distance between the float mean of any half of a trial and the exact one.
     *
     * @param absoluteSum Σ|block sum| of the trial; an in-sample or out-of-sample sum is at most twice it in magnitude
     */
    static double meanRadius(double trialMean, double absoluteSum, double inverseRows) {
        return 64 * U * meanScale(trialMean, absoluteSum, inverseRows) + UNDERFLOW;
    }

    /** |μ| + 2·Σ|block sum|/n, slightly rounded up: at least |m| of any half. */
    private static double meanScale(double trialMean, double absoluteSum, double inverseRows) {
        return Math.abs(trialMean) + 2.000001 * absoluteSum * inverseRows;
    }

    /**
     * Bounds the distance between the float W of any half of a trial and the exact one.
     *
     * @param squaresSum Σ block sums of squares of the trial (each ≥ 0); a half's sum of squares is at most twice it
     */
    static double squaresRadius(double squaresSum, double absoluteSum, double inverseRows) {
        return 256 * U * (squaresSum + absoluteSum * absoluteSum * inverseRows) + UNDERFLOW;
    }

    /**
     * Below it W may fail the exact path's variance test (V &gt; 10⁻³⁰·max(1, m²)), whose value is then 0 or ±∞
     * instead of m/√V: such halves are never decided by bounds.
     */
    static double varianceFloor(double trialMean, double absoluteSum, double inverseRows, int rows, double squaresRadius) {
        double scale = meanScale(trialMean, absoluteSum, inverseRows);
        return squaresRadius + 2e-30 * (rows - 1) * (1 + 2 * scale * scale);
    }

    /** The float at or above x. */
    static float up(double x) {
        float f = (float) x;
        return f < x ? Math.nextUp(f) : f;
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

    /** |k| times the W radius, plus the underflow allowance, rounded up: the term that widens k·W. */
    static float widening(double k, double squaresRadius) {
        return up(Math.abs(k) * squaresRadius + UNDERFLOW);
    }

    /**
     * Negative only when the exact Sharpe ratio of the half is certainly below the threshold. The W bound used is
     * W − r for k ≥ 0 and W + r for k &lt; 0, either way k·W − |k|·r.
     *
     * @param widening {@link #widening} of k
     */
    static float sharpeBelowGap(float s, float q, float trialMean, float meanRadius, float widening, float floor,
            float inverseRows, float k) {
        float si = s * inverseRows;
        float w = q - s * si;
        float high = trialMean + si + meanRadius;
        return Math.max(high * Math.abs(high) - k * w + widening, floor - w);
    }

    /**
     * Negative only when the exact Sharpe ratio of the half is certainly above the threshold.
     *
     * @param widening {@link #widening} of k
     */
    static float sharpeAboveGap(float s, float q, float trialMean, float meanRadius, float widening, float floor,
            float inverseRows, float k) {
        float si = s * inverseRows;
        float w = q - s * si;
        float low = trialMean + si - meanRadius;
        return Math.max(k * w + widening - low * Math.abs(low), floor - w);
    }

    /** The threshold of {@link #meanBelowGap}: t made smaller by the slack. */
    static float belowMark(double threshold) {
        return (float) (threshold - SLACK * Math.abs(threshold));
    }

    /** The threshold of {@link #meanAboveGap}: t made larger by the slack. */
    static float aboveMark(double threshold) {
        return (float) (threshold + SLACK * Math.abs(threshold));
    }

    /** Negative only when the exact mean of the half is certainly below the threshold. */
    static float meanBelowGap(float s, float trialMean, float meanRadius, float inverseRows, float belowMark) {
        return trialMean + s * inverseRows + meanRadius - belowMark;
    }

    /** Negative only when the exact mean of the half is certainly above the threshold. */
    static float meanAboveGap(float s, float trialMean, float meanRadius, float inverseRows, float aboveMark) {
        return aboveMark - (trialMean + s * inverseRows - meanRadius);
    }
}
