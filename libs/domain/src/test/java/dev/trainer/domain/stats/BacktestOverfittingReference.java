package dev.trainer.domain.stats;

import dev.trainer.domain.backtest.MetricValue;
import java.util.Arrays;

/**
 * The matrix implementation of {@link BacktestOverfitting} as it was before {@link OverfittingAccumulator} replaced
 * it, kept unchanged in the tests as the oracle: the accumulator must give bit-identical results (same PBO, same mean
 * logit to the last bit), since any difference in rounding could move a tie and with it a rank.
 */
final class BacktestOverfittingReference {

    public static final int DEFAULT_PARTITIONS = 16;
    /** C(24, 12) = 2,704,156 splits; beyond that the run time, not the statistic, is the problem. */
    public static final int MAX_PARTITIONS = 24;

    private BacktestOverfittingReference() {
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
        if (partitions < 2 || partitions > MAX_PARTITIONS || partitions % 2 != 0) {
            throw new IllegalArgumentException("the number of partitions must be even and from 2 to " + MAX_PARTITIONS
                    + ", was " + partitions);
        }
        if (metric == null) {
            throw new IllegalArgumentException("no metric");
        }
        int periods = returnsByPeriod == null ? 0 : returnsByPeriod.length;
        int trials = periods == 0 || returnsByPeriod[0] == null ? 0 : returnsByPeriod[0].length;
        String problem = problem(returnsByPeriod, periods, trials, partitions, metric);
        if (problem != null) {
            return OverfittingEstimate.undefined(problem, trials, periods, partitions, metric);
        }
        int blockRows = periods / partitions;
        int dropped = periods - blockRows * partitions;
        BlockSums sums = BlockSums.of(returnsByPeriod, dropped, blockRows, partitions, trials);
        return splits(sums, periods, dropped, partitions, metric);
    }

    private static String problem(double[][] x, int periods, int trials, int partitions, CscvMetric metric) {
        if (trials < 2) {
            return "fewer than 2 trials (" + trials + "): there is no selection to overfit";
        }
        if (periods < partitions) {
            return "fewer periods (" + periods + ") than partitions (" + partitions + ")";
        }
        if (metric == CscvMetric.SHARPE && periods / partitions * (partitions / 2) < 2) {
            return "a half of " + (periods / partitions * (partitions / 2)) + " period is too short for a Sharpe ratio";
        }
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

    private static OverfittingEstimate splits(BlockSums sums, int periods, int dropped, int partitions, CscvMetric metric) {
        int trials = sums.trialMean.length;
        int halfRows = sums.blockRows * (partitions / 2);
        double[] inSum = new double[trials];
        double[] inSquares = new double[trials];
        double[] outMetric = new double[trials];
        int splits = 0;
        int overfit = 0;
        double logitSum = 0;
        int end = 1 << partitions;
        for (int mask = (1 << (partitions / 2)) - 1; mask < end; mask = nextWithSameBitCount(mask)) {
            Arrays.fill(inSum, 0);
            Arrays.fill(inSquares, 0);
            for (int bits = mask; bits != 0; bits &= bits - 1) {
                int block = Integer.numberOfTrailingZeros(bits);
                double[] s = sums.sum[block];
                double[] q = sums.squares[block];
                for (int j = 0; j < trials; j++) {
                    inSum[j] += s[j];
                    inSquares[j] += q[j];
                }
            }
            int best = 0;
            double bestValue = Double.NaN;
            for (int j = 0; j < trials; j++) {
                double in = value(metric, inSum[j], inSquares[j], sums.trialMean[j], halfRows);
                outMetric[j] = value(metric, sums.totalSum[j] - inSum[j], sums.totalSquares[j] - inSquares[j],
                        sums.trialMean[j], halfRows);
                if (j == 0 || in > bestValue) {
                    best = j;
                    bestValue = in;
                }
            }
            double selected = outMetric[best];
            int below = 0;
            int tied = 0;
            for (int j = 0; j < trials; j++) {
                if (outMetric[j] < selected) {
                    below++;
                } else if (outMetric[j] == selected) {
                    tied++;
                }
            }
            // rank = below + (tied + 1) / 2, kept doubled so that the median test below is exact
            int twiceRank = 2 * below + tied + 1;
            double omega = twiceRank / (2.0 * (trials + 1));
            logitSum += Math.log(omega / (1 - omega));
            if (twiceRank <= trials + 1) {
                overfit++;
            }
            splits++;
        }
        return new OverfittingEstimate(MetricValue.of((double) overfit / splits),
                MetricValue.of(logitSum / splits), splits, trials, periods, dropped, partitions,
                metric);
    }

    private static double value(CscvMetric metric, double centredSum, double centredSquares, double trialMean, int rows) {
        double mean = trialMean + centredSum / rows;
        if (metric == CscvMetric.MEAN) {
            return mean;
        }
        double variance = (centredSquares - centredSum * centredSum / rows) / (rows - 1);
        if (!(variance > 1e-30 * Math.max(1, mean * mean))) {
            return mean > 0 ? Double.POSITIVE_INFINITY : mean < 0 ? Double.NEGATIVE_INFINITY : 0;
        }
        return mean / Math.sqrt(variance);
    }

    /** The next larger int with as many set bits (Gosper's hack): walks every S/2-of-S choice in increasing order. */
    private static int nextWithSameBitCount(int mask) {
        int lowest = mask & -mask;
        int ripple = mask + lowest;
        return (((ripple ^ mask) >>> 2) / lowest) | ripple;
    }

    /** Per block and trial: the sum and the sum of squares of the returns, centred on the trial's mean. */
    private static final class BlockSums {
        final int blockRows;
        final double[] trialMean;
        final double[][] sum;
        final double[][] squares;
        final double[] totalSum;
        final double[] totalSquares;

        private BlockSums(int blockRows, double[] trialMean, double[][] sum, double[][] squares) {
            this.blockRows = blockRows;
            this.trialMean = trialMean;
            this.sum = sum;
            this.squares = squares;
            int trials = trialMean.length;
            this.totalSum = new double[trials];
            this.totalSquares = new double[trials];
            for (int b = 0; b < sum.length; b++) {
                for (int j = 0; j < trials; j++) {
                    totalSum[j] += sum[b][j];
                    totalSquares[j] += squares[b][j];
                }
            }
        }

        static BlockSums of(double[][] x, int firstRow, int blockRows, int partitions, int trials) {
            double[] mean = new double[trials];
            for (int r = firstRow; r < x.length; r++) {
                for (int j = 0; j < trials; j++) {
                    mean[j] += x[r][j];
                }
            }
            int used = x.length - firstRow;
            for (int j = 0; j < trials; j++) {
                mean[j] /= used;
            }
            double[][] sum = new double[partitions][trials];
            double[][] squares = new double[partitions][trials];
            for (int b = 0; b < partitions; b++) {
                for (int r = firstRow + b * blockRows, last = r + blockRows; r < last; r++) {
                    for (int j = 0; j < trials; j++) {
                        double d = x[r][j] - mean[j];
                        sum[b][j] += d;
                        squares[b][j] += d * d;
                    }
                }
            }
            return new BlockSums(blockRows, mean, sum, squares);
        }
    }
}
