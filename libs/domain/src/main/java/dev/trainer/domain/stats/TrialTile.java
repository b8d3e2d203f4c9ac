package dev.trainer.domain.stats;

/**
 * One thread's copy of up to {@value #SIZE} distinct trials, block-major, with the scratch arrays of the split loops
 * over them. It is small enough to stay in a core's cache while every split of a chunk runs over it.
 *
 * <p>The loops are plain loops over arrays that the JIT vectorises (measured on JDK 25, AVX2: a third to a half of
 * the time of the same loops run scalar), which rules out three things that stop C2: a body of more than about 60
 * nodes ({@code LoopUnrollLimit}: a loop computing both bounds at once runs scalar), an index with an offset into an
 * array read next to one written ({@code a[at + j]}), and a conditional increment (counts are sums of
 * {@code negative(gap)} instead).
 */
final class TrialTile {

    /**
     * 256 trials × (2S + 3) doubles = 70 KB at S = 16, plus 2·(S/2 − 1) partial sums (28 KB) and 6 scratch arrays
     * (12 KB): in a core's 512 KB L2, and what one split reads (about 12 rows of 2 KB) in its 32 KB L1.
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
     * The largest of the trials' {@link SharpeBounds} radii and variance floor: a larger radius only widens the
     * bounds, and one number instead of an array per trial leaves the bound loops fewer arrays to read (they are
     * limited by the cache's bandwidth, not by arithmetic).
     */
    double meanRadius;
    double squaresRadius;
    double varianceFloor;
    final int[] weight = new int[SIZE];
    /** The sum of {@link #weight} over the loaded trials. */
    int totalWeight;
    /**
     * Block b's sums in row b. Rows, not one array with offsets: C2 does not vectorise a loop that reads
     * {@code a[at + j]} and writes {@code c[j]} (it cannot tell they are apart), and it does when each is an array.
     */
    private final double[][] blockSums;
    private final double[][] blockSquares;
    /** The sums over the first d + 1 in-sample blocks, for d = 0 to S/2 − 2. */
    private final double[][] partialSums;
    private final double[][] partialSquares;
    private final double[] zero = new double[SIZE];
    /** A half's centred sum and sum of squares per trial: what {@link CscvSplitSearch#value} takes. */
    final double[] sum = new double[SIZE];
    final double[] squares = new double[SIZE];
    final double[] value = new double[SIZE];
    final double[] gap = new double[SIZE];
    final double[] otherGap = new double[SIZE];
    /** Whether every stored sum of the tile is small enough for {@link SharpeBounds}. */
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
        this.partialSums = new double[Math.max(0, partitions / 2 - 1)][SIZE];
        this.partialSquares = new double[Math.max(0, partitions / 2 - 1)][SIZE];
    }

    /** Copies the distinct trials from {@code first} on; returns how many (up to {@value #SIZE}). */
    int load(int first) {
        int n = Math.min(SIZE, distinct.count() - first);
        boolean small = true;
        meanRadius = 0;
        squaresRadius = 0;
        varianceFloor = 0;
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
                t += s; // in increasing block order from 0, as the matrix form's totals
                tq += q;
                absolute += Math.abs(s);
                small &= Math.abs(s) < SharpeBounds.LARGEST && q < SharpeBounds.LARGEST;
            }
            small &= Math.abs(m) < SharpeBounds.LARGEST;
            mean[j] = m;
            total[j] = t;
            totalSquares[j] = tq;
            double r = SharpeBounds.squaresRadius(tq, absolute, inverseRows);
            meanRadius = Math.max(meanRadius, SharpeBounds.meanRadius(m, absolute, inverseRows));
            squaresRadius = Math.max(squaresRadius, r);
            varianceFloor = Math.max(varianceFloor, SharpeBounds.varianceFloor(m, absolute, inverseRows, rows, r));
            weight[j] = distinct.weight(first + j);
        }
        bounded = small;
        totalWeight = 0;
        for (int j = 0; j < n; j++) {
            totalWeight += weight[j];
        }
        return n;
    }

    /** The partial sum over in-sample blocks 0 to d: partial d − 1 (or 0) plus block {@code block}. */
    void extend(int d, int block, int n) {
        double[] ps = d == 0 ? zero : partialSums[d - 1];
        double[] pq = d == 0 ? zero : partialSquares[d - 1];
        double[] s = partialSums[d];
        double[] q = partialSquares[d];
        double[] bs = blockSums[block];
        double[] bq = blockSquares[block];
        for (int j = 0; j < n; j++) {
            s[j] = ps[j] + bs[j];
            q[j] = pq[j] + bq[j];
        }
    }

    /** The in-sample sums: the partial sum over the other S/2 − 1 blocks plus the last block. */
    void inSample(int lastBlock, int n) {
        int d = partitions / 2 - 2;
        double[] ps = d < 0 ? zero : partialSums[d];
        double[] pq = d < 0 ? zero : partialSquares[d];
        double[] bs = blockSums[lastBlock];
        double[] bq = blockSquares[lastBlock];
        for (int j = 0; j < n; j++) {
            sum[j] = ps[j] + bs[j];
            squares[j] = pq[j] + bq[j];
        }
    }

    /** The out-of-sample sums: total minus in-sample. */
    void outOfSample(int lastBlock, int n) {
        int d = partitions / 2 - 2;
        double[] ps = d < 0 ? zero : partialSums[d];
        double[] pq = d < 0 ? zero : partialSquares[d];
        double[] bs = blockSums[lastBlock];
        double[] bq = blockSquares[lastBlock];
        for (int j = 0; j < n; j++) {
            sum[j] = total[j] - (ps[j] + bs[j]);
            squares[j] = totalSquares[j] - (pq[j] + bq[j]);
        }
    }

    /**
     * Into {@link #gap}: negative where the in-sample Sharpe ratio is certainly below the threshold, the in-sample
     * sums added on the way (one loop instead of two: the tile is read once).
     */
    void inSampleBelowGaps(int lastBlock, double threshold, int n) {
        int d = partitions / 2 - 2;
        double[] ps = d < 0 ? zero : partialSums[d];
        double[] pq = d < 0 ? zero : partialSquares[d];
        double[] bs = blockSums[lastBlock];
        double[] bq = blockSquares[lastBlock];
        double k = SharpeBounds.belowFactor(threshold, 1.0 / (rows - 1));
        double ir = inverseRows;
        double r = meanRadius;
        double e = squaresRadius;
        double floor = varianceFloor;
        for (int j = 0; j < n; j++) {
            gap[j] = SharpeBounds.belowGap(ps[j] + bs[j], pq[j] + bq[j], mean[j], r, e, floor, ir, k);
        }
    }

    /** The exact in-sample value of trial j, its sums added as {@link #inSample} adds them. */
    double inSampleValue(int lastBlock, int j) {
        int d = partitions / 2 - 2;
        double ps = d < 0 ? zero[j] : partialSums[d][j];
        double pq = d < 0 ? zero[j] : partialSquares[d][j];
        return CscvSplitSearch.value(metric, ps + blockSums[lastBlock][j], pq + blockSquares[lastBlock][j], mean[j],
                rows);
    }

    /** How many of {@code gaps[from..to)} are negative. */
    static int negatives(double[] gaps, int from, int to) {
        int count = 0;
        for (int j = from; j < to; j++) {
            count += negative(gaps[j]);
        }
        return count;
    }

    /** The weight of the trials whose gap is negative. */
    int weightOfNegatives(double[] gaps, int n) {
        if (distinct.weights() == null) {
            return negatives(gaps, 0, n); // every weight 1: no need to read them
        }
        int sum = 0;
        for (int j = 0; j < n; j++) {
            sum += weight[j] * negative(gaps[j]);
        }
        return sum;
    }

    /**
     * 1 for a negative gap; 0 for 0, a positive gap or NaN. Without a comparison, because C2 vectorises a sum of
     * these and not one of conditional increments.
     */
    private static int negative(double gap) {
        return (int) (0.5 - 0.5 * Math.signum(gap));
    }

    /** The exact values of the half in {@link #sum} and {@link #squares}. */
    void values(int n) {
        if (metric == CscvMetric.MEAN) {
            for (int j = 0; j < n; j++) {
                value[j] = mean[j] + sum[j] / rows;
            }
            return;
        }
        // the Sharpe ratio, and in gap how far the variance is above the floor of CscvSplitSearch.value, computed
        // with its operations: the few halves at or below it get that method's 0 or ±∞ afterwards
        for (int j = 0; j < n; j++) {
            double s = sum[j];
            double m = mean[j] + s / rows;
            double variance = (squares[j] - s * s / rows) / (rows - 1);
            value[j] = m / Math.sqrt(variance);
            gap[j] = variance - 1e-30 * Math.max(1, m * m);
        }
        for (int j = 0; j < n; j++) {
            if (!(gap[j] > 0)) {
                value[j] = value(j);
            }
        }
    }

    /** The exact value of trial j's half. */
    double value(int j) {
        return CscvSplitSearch.value(metric, sum[j], squares[j], mean[j], rows);
    }

    /** Into {@link #gap}: negative where the Sharpe ratio is certainly below the threshold. */
    void belowGaps(double threshold, int n) {
        double k = SharpeBounds.belowFactor(threshold, 1.0 / (rows - 1));
        double ir = inverseRows;
        double r = meanRadius;
        double e = squaresRadius;
        double floor = varianceFloor;
        for (int j = 0; j < n; j++) {
            gap[j] = SharpeBounds.belowGap(sum[j], squares[j], mean[j], r, e, floor, ir, k);
        }
    }

    /** Into {@link #otherGap}: negative where the Sharpe ratio is certainly above the threshold. */
    void aboveGaps(double threshold, int n) {
        double k = SharpeBounds.aboveFactor(threshold, 1.0 / (rows - 1));
        double ir = inverseRows;
        double r = meanRadius;
        double e = squaresRadius;
        double floor = varianceFloor;
        for (int j = 0; j < n; j++) {
            otherGap[j] = SharpeBounds.aboveGap(sum[j], squares[j], mean[j], r, e, floor, ir, k);
        }
    }
}
