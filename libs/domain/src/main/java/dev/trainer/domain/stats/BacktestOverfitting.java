package dev.trainer.domain.stats;

/**
 * The probability of backtest overfitting by combinatorially symmetric cross-validation (Bailey, Borwein, López de
 * Prado and Zhu 2015, "The probability of backtest overfitting"), over a T × N matrix of per-period returns: one row
 * per period (oldest first), one column per trial.
 *
 * <ol>
 *   <li>The oldest T mod S rows are dropped and the rest cut into S consecutive blocks of equal length.</li>
 *   <li>Every choice of S/2 blocks is an in-sample half, its complement the out-of-sample half (C(16, 8) = 12,870
 *       splits for S = 16; each split and its mirror image are both counted).</li>
 *   <li>In each split the trial with the best in-sample metric is selected (on a tie, the lowest column); its
 *       out-of-sample rank r among the N trials (1 = worst, N = best; tied values share the average of their
 *       ranks) gives ω̄ = r / (N + 1) and the logit λ = ln(ω̄ / (1 − ω̄)).</li>
 *   <li>PBO is the share of splits with λ ≤ 0: the in-sample winner did no better than the median out of sample.</li>
 * </ol>
 *
 * <p>Cost: per-block sums and sums of squares of every trial are computed once (O(T·N)); a split then adds S/2 block
 * sums per trial and takes the other half as total minus in-sample, so each split costs O(N·S), not O(N·T).
 * Returns are centred on each trial's own mean first, which keeps the sum-of-squares variance free of cancellation;
 * the variance does not depend on the centring and the mean is added back. This matrix form feeds the columns to an
 * {@link OverfittingAccumulator}, which holds only those sums; a caller that produces the trials one at a time should
 * fill an accumulator itself and never build the matrix.
 *
 * <p>A half whose returns have no variance (a trial that never trades) gets Sharpe ratio 0 if its mean is 0, and
 * ±∞ by the sign of its mean otherwise: the limit, so that such a trial still ranks against the others.
 */
public final class BacktestOverfitting {

    public static final int DEFAULT_PARTITIONS = 16;
    /** C(24, 12) = 2,704,156 splits; beyond that the run time, not the statistic, is the problem. */
    public static final int MAX_PARTITIONS = 24;

    private BacktestOverfitting() {
    }

    /**
     * @param returnsByPeriod rows are periods (oldest first), columns trials; per-period returns as fractions
     * @param partitions      S, even, 2 to {@value #MAX_PARTITIONS}; 16 in the paper
     * @param metric          what the trials are ranked by in each half
     * @return the estimate; undefined (with the reason) for fewer than 2 trials, fewer rows than partitions, halves
     *         too short for a Sharpe ratio, ragged rows or a non-finite return
     * @throws IllegalArgumentException for an odd or out-of-range number of partitions, or no metric
     */
    public static OverfittingEstimate estimate(double[][] returnsByPeriod, int partitions, CscvMetric metric) {
        int periods = returnsByPeriod == null ? 0 : returnsByPeriod.length;
        int trials = periods == 0 || returnsByPeriod[0] == null ? 0 : returnsByPeriod[0].length;
        OverfittingAccumulator accumulator = new OverfittingAccumulator(periods, trials, partitions, metric);
        String problem = accumulator.shapeProblem();
        if (problem == null) {
            problem = matrixProblem(returnsByPeriod, periods, trials);
        }
        if (problem != null) {
            return OverfittingEstimate.undefined(problem, trials, periods, partitions, metric);
        }
        double[] column = new double[periods];
        for (int j = 0; j < trials; j++) {
            for (int r = 0; r < periods; r++) {
                column[r] = returnsByPeriod[r][j];
            }
            accumulator.put(j, column);
        }
        return accumulator.estimate();
    }

    private static String matrixProblem(double[][] x, int periods, int trials) {
        for (int r = 0; r < periods; r++) {
            if (x[r] == null || x[r].length != trials) {
                return "period " + r + " (0-based) has " + (x[r] == null ? 0 : x[r].length) + " returns, not " + trials;
            }
            for (int j = 0; j < trials; j++) {
                if (!Double.isFinite(x[r][j])) {
                    return "the return of trial " + j + " in period " + r + " (both 0-based) is not finite (" + x[r][j]
                            + ")";
                }
            }
        }
        return null;
    }
}
