package dev.trainer.domain.stats;

/**
 * One thread's copy of up to {@value #SIZE} distinct trials, block-major, with the scratch arrays of the split loops
 * over them. It is small enough to stay in a core's cache while every split of a chunk runs over it.
 *
 * <p>Two copies of the sums: doubles, from which the exact values are computed (the operations and their order those
 * of the matrix form), and floats, for the bounds of {@link HalfBounds} that decide most comparisons without them.
 * The float loops do the bulk of the work; the double ones run for the first tile of a split, for trials within
 * rounding distance of a threshold, and for sums or thresholds outside the bounds' range.
 *
 * <p>The loops are plain loops over arrays that the JIT vectorises (measured on JDK 25, AVX2: a third to a half of
 * the time of the same loops run scalar), which rules out three things that stop C2: a body of more than about 60
 * nodes ({@code LoopUnrollLimit}: a loop computing both bounds at once runs scalar), an index with an offset into an
 * array read next to one written ({@code a[at + j]}: hence a row per block), and a conditional increment (counts are
 * sums of {@code negative(gap)} instead).
 */
final class TrialTile {

    /**
     * 256 trials: (2S + 3) doubles and as many floats each, 105 KB at S = 16, plus 2·(S/2 − 1) float partial sums
     * (14 KB) and scratch (10 KB): in a core's 512 KB L2, and what one split's float loops read (about 10 rows of
     * 1 KB) in its 32 KB L1.
     */
    static final int SIZE = 256;

    private final double[] sums;
    private final int stride;
    private final DistinctTrials distinct;
    private final int partitions;
    private final int rows;
    private final double inverseRows;
    final CscvMetric metric;

    final double[] mean = new double[SIZE];
    final double[] total = new double[SIZE];
    final double[] totalSquares = new double[SIZE];
    /**
     * Block b's sums in row b. Rows, not one array with offsets: C2 does not vectorise a loop that reads
     * {@code a[at + j]} and writes {@code c[j]} (it cannot tell they are apart), and it does when each is an array.
     */
    private final double[][] blockSums;
    private final double[][] blockSquares;
    final int[] weight = new int[SIZE];
    /** The sum of {@link #weight} over the loaded trials. */
    int totalWeight;
    /** A half's exact centred sum and sum of squares per trial: what {@link CscvSplitSearch#value} takes. */
    final double[] sum = new double[SIZE];
    final double[] squares = new double[SIZE];
    final double[] value = new double[SIZE];
    private final double[] varianceMargin = new double[SIZE];

    private final float[] floatMean = new float[SIZE];
    private final float[] floatTotal = new float[SIZE];
    private final float[] floatTotalSquares = new float[SIZE];
    private final float[][] floatBlockSums;
    private final float[][] floatBlockSquares;
    /** The float sums over the first d + 1 in-sample blocks, for d = 0 to S/2 − 2. */
    private final float[][] partialSums;
    private final float[][] partialSquares;
    private final float[] zero = new float[SIZE];
    private final float[] floatSum = new float[SIZE];
    private final float[] floatSquares = new float[SIZE];
    final float[] gap = new float[SIZE];
    final float[] otherGap = new float[SIZE];
    /**
     * The largest of the trials' {@link HalfBounds} radii: a larger radius only widens the bounds, and one number
     * instead of an array per trial leaves the loops fewer arrays to read (they are limited by the cache's
     * bandwidth, not by arithmetic).
     */
    private float meanRadius;
    private double squaresRadius;
    private float varianceFloor;

    /** Whether every stored sum of the tile is in the range of {@link HalfBounds}. */
    boolean bounded;

    TrialTile(double[] sums, DistinctTrials distinct, int partitions, int halfRows, CscvMetric metric) {
        this.sums = sums;
        this.stride = OverfittingAccumulator.stride(partitions);
        this.distinct = distinct;
        this.partitions = partitions;
        this.rows = halfRows;
        this.inverseRows = 1.0 / halfRows;
        this.metric = metric;
        this.blockSums = new double[partitions][SIZE];
        this.blockSquares = new double[partitions][SIZE];
        this.floatBlockSums = new float[partitions][SIZE];
        this.floatBlockSquares = new float[partitions][SIZE];
        this.partialSums = new float[Math.max(0, partitions / 2 - 1)][SIZE];
        this.partialSquares = new float[Math.max(0, partitions / 2 - 1)][SIZE];
    }

    /** Copies the distinct trials from {@code first} on; returns how many (up to {@value #SIZE}). */
    int load(int first) {
        int n = Math.min(SIZE, distinct.count() - first);
        boolean inRange = true;
        double r = 0;
        double e = 0;
        double floor = 0;
        totalWeight = 0;
        for (int j = 0; j < n; j++) {
            int at = distinct.representatives()[first + j] * stride;
            double m = sums[at];
            double t = 0;
            double tq = 0;
            double absolute = 0;
            for (int b = 0; b < partitions; b++) {
                double s = sums[at + 1 + b];
                double q = sums[at + 1 + partitions + b];
                blockSums[b][j] = s;
                blockSquares[b][j] = q;
                floatBlockSums[b][j] = (float) s;
                floatBlockSquares[b][j] = (float) q;
                t += s; // in increasing block order from 0, as the matrix form's totals
                tq += q;
                absolute += Math.abs(s);
                inRange &= HalfBounds.usable(m, s, q);
            }
            mean[j] = m;
            total[j] = t;
            totalSquares[j] = tq;
            floatMean[j] = (float) m;
            floatTotal[j] = (float) t;
            floatTotalSquares[j] = (float) tq;
            double squaresRadius = HalfBounds.squaresRadius(tq, absolute, inverseRows);
            r = Math.max(r, HalfBounds.meanRadius(m, absolute, inverseRows));
            e = Math.max(e, squaresRadius);
            floor = Math.max(floor, HalfBounds.varianceFloor(m, absolute, inverseRows, rows, squaresRadius));
            weight[j] = distinct.weight(first + j);
            totalWeight += weight[j];
        }
        meanRadius = HalfBounds.up(r);
        squaresRadius = e;
        varianceFloor = HalfBounds.up(floor);
        bounded = inRange;
        return n;
    }

    /** The float partial sum over in-sample blocks 0 to d: partial d − 1 (or 0) plus block {@code block}. */
    void extend(int d, int block, int n) {
        float[] ps = d == 0 ? zero : partialSums[d - 1];
        float[] pq = d == 0 ? zero : partialSquares[d - 1];
        float[] s = partialSums[d];
        float[] q = partialSquares[d];
        float[] bs = floatBlockSums[block];
        float[] bq = floatBlockSquares[block];
        for (int j = 0; j < n; j++) {
            s[j] = ps[j] + bs[j];
            q[j] = pq[j] + bq[j];
        }
    }

    private float[] lastPartialSums() {
        return partitions / 2 < 2 ? zero : partialSums[partitions / 2 - 2];
    }

    private float[] lastPartialSquares() {
        return partitions / 2 < 2 ? zero : partialSquares[partitions / 2 - 2];
    }

    /**
     * Into {@link #gap}: negative where the in-sample value is certainly below the threshold, the float in-sample
     * sums (partial plus last block) added on the way: one loop instead of two, the tile read once.
     */
    void inSampleBelowGaps(int lastBlock, double threshold, int n) {
        float[] ps = lastPartialSums();
        float[] pq = lastPartialSquares();
        float[] bs = floatBlockSums[lastBlock];
        float[] bq = floatBlockSquares[lastBlock];
        float[] m = floatMean;
        float ir = (float) inverseRows;
        float r = meanRadius;
        if (metric == CscvMetric.MEAN) {
            float mark = HalfBounds.belowMark(threshold);
            for (int j = 0; j < n; j++) {
                gap[j] = HalfBounds.meanBelowGap(ps[j] + bs[j], m[j], r, ir, mark);
            }
            return;
        }
        double k = HalfBounds.belowFactor(threshold, 1.0 / (rows - 1));
        float fk = (float) k;
        float widening = HalfBounds.widening(k, squaresRadius);
        float floor = varianceFloor;
        for (int j = 0; j < n; j++) {
            gap[j] = HalfBounds.sharpeBelowGap(ps[j] + bs[j], pq[j] + bq[j], m[j], r, widening, floor, ir, fk);
        }
    }

    /** The float out-of-sample sums: total minus (partial plus last block). */
    void outOfSample(int lastBlock, int n) {
        float[] ps = lastPartialSums();
        float[] pq = lastPartialSquares();
        float[] bs = floatBlockSums[lastBlock];
        float[] bq = floatBlockSquares[lastBlock];
        float[] t = floatTotal;
        float[] tq = floatTotalSquares;
        for (int j = 0; j < n; j++) {
            floatSum[j] = t[j] - (ps[j] + bs[j]);
            floatSquares[j] = tq[j] - (pq[j] + bq[j]);
        }
    }

    /**
     * Into {@link #gap}: negative where the out-of-sample value is certainly below the threshold; into
     * {@link #otherGap}: negative where it is certainly above.
     */
    void outOfSampleGaps(double threshold, int n) {
        float[] s = floatSum;
        float[] m = floatMean;
        float ir = (float) inverseRows;
        float r = meanRadius;
        if (metric == CscvMetric.MEAN) {
            float below = HalfBounds.belowMark(threshold);
            float above = HalfBounds.aboveMark(threshold);
            for (int j = 0; j < n; j++) {
                gap[j] = HalfBounds.meanBelowGap(s[j], m[j], r, ir, below);
                otherGap[j] = HalfBounds.meanAboveGap(s[j], m[j], r, ir, above);
            }
            return;
        }
        float[] q = floatSquares;
        double k = HalfBounds.belowFactor(threshold, 1.0 / (rows - 1));
        float fk = (float) k;
        float widening = HalfBounds.widening(k, squaresRadius);
        double kAbove = HalfBounds.aboveFactor(threshold, 1.0 / (rows - 1));
        float fkAbove = (float) kAbove;
        float wideningAbove = HalfBounds.widening(kAbove, squaresRadius);
        float floor = varianceFloor;
        for (int j = 0; j < n; j++) {
            gap[j] = HalfBounds.sharpeBelowGap(s[j], q[j], m[j], r, widening, floor, ir, fk);
            otherGap[j] = HalfBounds.sharpeAboveGap(s[j], q[j], m[j], r, wideningAbove, floor, ir, fkAbove);
        }
    }

    /** How many of {@code gaps[0..n)} are negative. */
    static int negatives(float[] gaps, int n) {
        int count = 0;
        for (int j = 0; j < n; j++) {
            count += negative(gaps[j]);
        }
        return count;
    }

    /** The weight of the trials whose gap is negative. */
    int weightOfNegatives(float[] gaps, int n) {
        if (distinct.weights() == null) {
            return negatives(gaps, n); // every weight 1: no need to read them
        }
        int count = 0;
        for (int j = 0; j < n; j++) {
            count += weight[j] * negative(gaps[j]);
        }
        return count;
    }

    /**
     * 1 for a negative gap; 0 for 0, a positive gap or NaN. Without a comparison, because C2 vectorises a sum of
     * these and not one of conditional increments.
     */
    private static int negative(float gap) {
        return (int) (0.5f - 0.5f * Math.signum(gap));
    }

    /** The exact in-sample value of trial j: its blocks added in increasing order to 0, as the matrix form did. */
    double inSampleValue(int[] blocks, int j) {
        double s = 0;
        double q = 0;
        for (int b : blocks) {
            s += blockSums[b][j];
            q += blockSquares[b][j];
        }
        return CscvSplitSearch.value(metric, s, q, mean[j], rows);
    }

    /** The exact out-of-sample value of trial j: total minus in-sample. */
    double outOfSampleValue(int[] blocks, int j) {
        double s = 0;
        double q = 0;
        for (int b : blocks) {
            s += blockSums[b][j];
            q += blockSquares[b][j];
        }
        return CscvSplitSearch.value(metric, total[j] - s, totalSquares[j] - q, mean[j], rows);
    }

    /**
     * Into {@link #value}: the exact values of a half of every trial of the tile, its sums computed as the matrix
     * form computed them (in-sample: the blocks added in increasing order to 0; out-of-sample: total minus that).
     */
    void values(int[] blocks, boolean outOfSample, int n) {
        java.util.Arrays.fill(sum, 0, n, 0.0);
        java.util.Arrays.fill(squares, 0, n, 0.0);
        for (int b : blocks) {
            double[] bs = blockSums[b];
            double[] bq = blockSquares[b];
            for (int j = 0; j < n; j++) {
                sum[j] += bs[j];
                squares[j] += bq[j];
            }
        }
        if (outOfSample) {
            for (int j = 0; j < n; j++) {
                sum[j] = total[j] - sum[j];
                squares[j] = totalSquares[j] - squares[j];
            }
        }
        if (metric == CscvMetric.MEAN) {
            for (int j = 0; j < n; j++) {
                value[j] = mean[j] + sum[j] / rows;
            }
            return;
        }
        // the Sharpe ratio, and how far the variance is above the floor of CscvSplitSearch.value, computed with its
        // operations: the few halves at or below it get that method's 0 or ±∞ afterwards
        for (int j = 0; j < n; j++) {
            double s = sum[j];
            double m = mean[j] + s / rows;
            double variance = (squares[j] - s * s / rows) / (rows - 1);
            value[j] = m / Math.sqrt(variance);
            varianceMargin[j] = variance - 1e-30 * Math.max(1, m * m);
        }
        for (int j = 0; j < n; j++) {
            if (!(varianceMargin[j] > 0)) {
                value[j] = CscvSplitSearch.value(metric, sum[j], squares[j], mean[j], rows);
            }
        }
    }
}
