package dev.trainer.domain.stats;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Objects;

/**
 * The probability of backtest overfitting ({@link BacktestOverfitting}, CSCV) filled one trial at a time, so that a
 * caller replaying a parameter grid never holds the T × N matrix of returns: each trial's column is reduced on
 * {@link #put} to what the splits need and dropped.
 *
 * <p>Per trial it keeps its mean and, per block, the sum and the sum of squares of its returns centred on that mean:
 * 2S + 1 doubles and a one-byte mark, {@code 8·(2S + 1) + 1} bytes; 265 B at S = 16, so 201,600 trials take
 * 53.4 MB where their 90-day matrix took 145 MB. The oldest {@code periods mod partitions} returns of every trial are
 * dropped, as in the matrix form. While an estimate runs it also holds about 20 bytes per trial to find the
 * bit-identical ones (then 4 to 8 per distinct trial), 29 bytes per split (373 KB at S = 16, 78 MB at S = 24) and
 * about 110 KB per thread.
 *
 * <p>{@link #put} may be called from several threads at once for distinct trials (each writes only its own slots and
 * publishes them with a release store). Putting a trial again replaces it. {@link #estimate(int)} must not overlap a
 * {@code put}; it sees every put that completed before it started.
 *
 * <p>The estimate is the matrix form's to the last bit: the sums are taken in the same order, the metric by the same
 * arithmetic, ties broken the same way (see {@link CscvSplitSearch}).
 */
public final class OverfittingAccumulator {

    private static final VarHandle MARK = MethodHandles.arrayElementVarHandle(byte[].class);

    private final int periods;
    private final int trials;
    private final int partitions;
    private final CscvMetric metric;
    /** ⌊T / S⌋ rows per block; 0 when there are fewer periods than partitions (the estimate is then undefined). */
    private final int blockRows;
    private final int dropped;
    /** Trial-major: trial t's mean at {@code t·stride}, its block sums after it, then its block sums of squares. */
    private final double[] sums;
    /** 1 once a trial has been put. */
    private final byte[] put;

    /**
     * @param periods    T, the returns each trial will have, oldest first; 0 or more
     * @param trials     N, the trials (numbered 0 to N − 1); 0 or more
     * @param partitions S, even, 2 to {@value BacktestOverfitting#MAX_PARTITIONS}; 16 in the paper
     * @param metric     what the trials are ranked by in each half
     * @throws IllegalArgumentException for an odd or out-of-range number of partitions, no metric, a negative count,
     *                                  or more trials than one array can hold
     */
    public OverfittingAccumulator(int periods, int trials, int partitions, CscvMetric metric) {
        if (partitions < 2 || partitions > BacktestOverfitting.MAX_PARTITIONS || partitions % 2 != 0) {
            throw new IllegalArgumentException("the number of partitions must be even and from 2 to "
                    + BacktestOverfitting.MAX_PARTITIONS + ", was " + partitions);
        }
        if (metric == null) {
            throw new IllegalArgumentException("no metric");
        }
        if (periods < 0 || trials < 0) {
            throw new IllegalArgumentException("periods and trials must not be negative, were " + periods + " and "
                    + trials);
        }
        long doubles = (long) trials * stride(partitions);
        if (doubles > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException(trials + " trials need " + doubles + " sums, more than one array holds");
        }
        this.periods = periods;
        this.trials = trials;
        this.partitions = partitions;
        this.metric = metric;
        this.blockRows = periods / partitions;
        this.dropped = periods - blockRows * partitions;
        this.sums = new double[(int) doubles];
        this.put = new byte[trials];
    }

    /** Doubles kept per trial: the mean, S block sums, S block sums of squares. */
    static int stride(int partitions) {
        return 2 * partitions + 1;
    }

    /**
     * Reduces one trial's returns to its mean and centred block sums, replacing anything put for it before.
     *
     * @param trial           0 to N − 1
     * @param returnsByPeriod T per-period returns as fractions, oldest first; not kept
     * @return false, storing nothing, when there are not T returns or one is not finite
     * @throws IndexOutOfBoundsException for a trial outside 0 to N − 1
     */
    public boolean put(int trial, double[] returnsByPeriod) {
        Objects.checkIndex(trial, trials);
        if (returnsByPeriod == null || returnsByPeriod.length != periods) {
            return false;
        }
        for (double r : returnsByPeriod) {
            if (!Double.isFinite(r)) {
                return false;
            }
        }
        if (blockRows > 0) {
            reduce(returnsByPeriod, trial * stride(partitions));
        }
        MARK.setRelease(put, trial, (byte) 1);
        return true;
    }

    /** The same operations in the same order as the matrix form had, so that every sum is bit for bit the same. */
    private void reduce(double[] x, int at) {
        double mean = 0;
        for (int r = dropped; r < periods; r++) {
            mean += x[r];
        }
        mean /= periods - dropped;
        sums[at] = mean;
        for (int b = 0; b < partitions; b++) {
            double sum = 0;
            double squares = 0;
            for (int r = dropped + b * blockRows, last = r + blockRows; r < last; r++) {
                double d = x[r] - mean;
                sum += d;
                squares += d * d;
            }
            sums[at + 1 + b] = sum;
            sums[at + 1 + partitions + b] = squares;
        }
    }

    /** The estimate on the calling thread alone. */
    public OverfittingEstimate estimate() {
        return estimate(1);
    }

    /**
     * @param threads how many threads share the splits (the caller's among them); the result does not depend on it
     * @return the estimate; undefined (with the reason) for fewer than 2 trials, fewer periods than partitions, halves
     *         too short for a Sharpe ratio, or a trial never put
     * @throws IllegalArgumentException for fewer than 1 thread
     */
    public OverfittingEstimate estimate(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("at least 1 thread, was " + threads);
        }
        String problem = problem();
        if (problem != null) {
            return OverfittingEstimate.undefined(problem, trials, periods, partitions, metric);
        }
        DistinctTrials distinct = DistinctTrials.of(sums, trials, stride(partitions));
        return CscvSplitSearch.run(sums, distinct, trials, periods, dropped, partitions, blockRows, metric, threads);
    }

    private String problem() {
        String shape = shapeProblem();
        if (shape != null) {
            return shape;
        }
        int missing = 0;
        int first = -1;
        for (int t = 0; t < trials; t++) {
            if ((byte) MARK.getAcquire(put, t) == 0) {
                missing++;
                first = first < 0 ? t : first;
            }
        }
        if (missing > 0) {
            return missing + " of " + trials + " trials were never put (the first: trial " + first + ", 0-based)";
        }
        return null;
    }

    /** Why no returns could make the estimate defined, or null: the matrix form's first checks, in its order. */
    String shapeProblem() {
        if (trials < 2) {
            return "fewer than 2 trials (" + trials + "): there is no selection to overfit";
        }
        if (periods < partitions) {
            return "fewer periods (" + periods + ") than partitions (" + partitions + ")";
        }
        if (metric == CscvMetric.SHARPE && blockRows * (partitions / 2) < 2) {
            return "a half of " + (blockRows * (partitions / 2)) + " period is too short for a Sharpe ratio";
        }
        return null;
    }

    /** The bytes this accumulator holds between estimates: {@code N·(8·(2S + 1) + 1)} plus object headers. */
    public long bytes() {
        return 8L * sums.length + put.length + 2 * 16 + 48;
    }

    /** How many groups of bit-identical trials the splits will score (every trial put, else meaningless). */
    int distinctTrials() {
        return DistinctTrials.of(sums, trials, stride(partitions)).count();
    }

    public int periods() {
        return periods;
    }

    public int trials() {
        return trials;
    }

    public int partitions() {
        return partitions;
    }

    public CscvMetric metric() {
        return metric;
    }
}
