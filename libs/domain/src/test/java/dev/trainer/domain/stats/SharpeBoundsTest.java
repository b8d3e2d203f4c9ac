package dev.trainer.domain.stats;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Random;
import org.junit.jupiter.api.Test;

class SharpeBoundsTest {

    private static final int PARTITIONS = 16;
    private static final int BLOCK_ROWS = 5;
    private static final int ROWS = BLOCK_ROWS * PARTITIONS / 2;

    /**
     * Halves of random trials (ordinary, flat in some blocks, never trading, constant, tiny and large in scale)
     * against thresholds that are random, equal to the exact value, one ulp either side of it, or 0: a negative gap
     * must never contradict the exact value, and ordinary halves must nearly all be decided.
     */
    @Test
    void aNegativeGapNeverContradictsTheExactValue() {
        Random random = new Random(21);
        long decided = 0;
        long ordinary = 0;
        for (int trial = 0; trial < 10_000; trial++) {
            int kind = trial % 8;
            double scale = kind == 6 ? 1e-7 : kind == 7 ? 1e3 : 0.02;
            double[] x = new double[BLOCK_ROWS * PARTITIONS];
            for (int r = 0; r < x.length; r++) {
                x[r] = switch (kind) {
                    case 2 -> r / BLOCK_ROWS % 3 == 0 ? 0 : scale * random.nextGaussian(); // flat in some blocks
                    case 3 -> 0; // never trades
                    case 4 -> 0.001; // constant: no variance in any half
                    case 5 -> 0.01 + 1e-9 * random.nextGaussian(); // almost constant
                    default -> scale * (random.nextGaussian() + 0.1 * (trial % 5 - 2));
                };
            }
            Trial t = new Trial(x);
            for (int split = 0; split < 20; split++) {
                int mask = randomHalf(random);
                for (boolean outOfSample : new boolean[] {false, true}) {
                    double s = outOfSample ? t.total - t.inSum(mask) : t.inSum(mask);
                    double q = outOfSample ? t.totalSquares - t.inSquares(mask) : t.inSquares(mask);
                    double exact = CscvSplitSearch.value(CscvMetric.SHARPE, s, q, t.mean, ROWS);
                    double[] thresholds = {0.3 * random.nextGaussian(), exact, Math.nextUp(exact), Math.nextDown(exact),
                        0, -exact, exact * (1 + 1e-12), exact * (1 - 1e-12)};
                    for (double threshold : thresholds) {
                        if (!SharpeBounds.usable(threshold)) {
                            continue;
                        }
                        double below = SharpeBounds.belowGap(s, q, t.mean, t.meanRadius, t.squaresRadius, t.floor,
                                1.0 / ROWS, SharpeBounds.belowFactor(threshold, 1.0 / (ROWS - 1)));
                        double above = SharpeBounds.aboveGap(s, q, t.mean, t.meanRadius, t.squaresRadius, t.floor,
                                1.0 / ROWS, SharpeBounds.aboveFactor(threshold, 1.0 / (ROWS - 1)));
                        if (below < 0 && !(exact < threshold)) {
                            fail("certainly below " + threshold + " but the exact value is " + exact + " (kind " + kind
                                    + ")");
                        }
                        if (above < 0 && !(exact > threshold)) {
                            fail("certainly above " + threshold + " but the exact value is " + exact + " (kind " + kind
                                    + ")");
                        }
                        if (threshold == thresholds[0] && (kind == 0 || kind == 1)) {
                            ordinary++;
                            decided += below < 0 || above < 0 ? 1 : 0;
                        }
                    }
                }
            }
        }
        // a random threshold is almost never within 10⁻⁹ of the value: the bounds must decide it
        assertTrue(decided > 0.999 * ordinary, decided + " of " + ordinary + " decided");
    }

    private static int randomHalf(Random random) {
        int mask = 0;
        while (Integer.bitCount(mask) < PARTITIONS / 2) {
            mask |= 1 << random.nextInt(PARTITIONS);
        }
        return mask;
    }

    /** A trial's stored sums, reduced as the accumulator reduces them, and its bounds as a tile computes them. */
    private static final class Trial {
        final double mean;
        final double[] sum = new double[PARTITIONS];
        final double[] squares = new double[PARTITIONS];
        double total;
        double totalSquares;
        final double meanRadius;
        final double squaresRadius;
        final double floor;

        Trial(double[] x) {
            double m = 0;
            for (double v : x) {
                m += v;
            }
            mean = m / x.length;
            double absolute = 0;
            for (int b = 0; b < PARTITIONS; b++) {
                for (int r = b * BLOCK_ROWS; r < (b + 1) * BLOCK_ROWS; r++) {
                    double d = x[r] - mean;
                    sum[b] += d;
                    squares[b] += d * d;
                }
                total += sum[b];
                totalSquares += squares[b];
                absolute += Math.abs(sum[b]);
            }
            meanRadius = SharpeBounds.meanRadius(mean, absolute, 1.0 / ROWS);
            squaresRadius = SharpeBounds.squaresRadius(totalSquares, absolute, 1.0 / ROWS);
            floor = SharpeBounds.varianceFloor(mean, absolute, 1.0 / ROWS, ROWS, squaresRadius);
        }

        double inSum(int mask) {
            double s = 0;
            for (int b = 0; b < PARTITIONS; b++) {
                s += (mask & 1 << b) != 0 ? sum[b] : 0;
            }
            return s;
        }

        double inSquares(int mask) {
            double s = 0;
            for (int b = 0; b < PARTITIONS; b++) {
                s += (mask & 1 << b) != 0 ? squares[b] : 0;
            }
            return s;
        }
    }
}
