package dev.trainer.domain.stats;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Random;
import org.junit.jupiter.api.Test;

class HalfBoundsTest {

    private static final int PARTITIONS = 16;
    private static final int BLOCK_ROWS = 5;
    private static final int ROWS = BLOCK_ROWS * PARTITIONS / 2;

    /**
     * Halves of random trials (ordinary, flat in some blocks, never trading, constant, almost constant, tiny and
     * large in scale, far from centred) against thresholds that are random, equal to the exact value, one ulp either
     * side of it, within 10⁻⁷ of it, or 0: a negative gap must never contradict the exact double value, and ordinary
     * halves against a random threshold must nearly all be decided.
     */
    @Test
    void aNegativeGapNeverContradictsTheExactValue() {
        Random random = new Random(21);
        long decided = 0;
        long ordinary = 0;
        for (int trial = 0; trial < 8_000; trial++) {
            int kind = trial % 9;
            double scale = kind == 6 ? 1e-7 : kind == 7 ? 3e3 : 0.02;
            double[] x = new double[BLOCK_ROWS * PARTITIONS];
            for (int r = 0; r < x.length; r++) {
                x[r] = switch (kind) {
                    case 2 -> r / BLOCK_ROWS % 3 == 0 ? 0 : scale * random.nextGaussian(); // flat in some blocks
                    case 3 -> 0; // never trades
                    case 4 -> 0.001; // constant: no variance in any half
                    case 5 -> 0.01 + 1e-9 * random.nextGaussian(); // almost constant
                    case 8 -> 5 + 0.01 * random.nextGaussian(); // a mean far above the spread
                    default -> scale * (random.nextGaussian() + 0.1 * (trial % 5 - 2));
                };
            }
            Trial t = new Trial(x);
            for (int split = 0; split < 20; split++) {
                int[] blocks = randomHalf(random);
                for (boolean outOfSample : new boolean[] {false, true}) {
                    for (CscvMetric metric : CscvMetric.values()) {
                        double exact = t.exact(blocks, outOfSample, metric);
                        double[] thresholds = {0.3 * random.nextGaussian() * (metric == CscvMetric.MEAN ? scale : 1),
                            exact, Math.nextUp(exact), Math.nextDown(exact), 0, -exact, exact * (1 + 1e-7),
                            exact * (1 - 1e-7)};
                        for (double threshold : thresholds) {
                            if (!HalfBounds.usable(threshold)) {
                                continue;
                            }
                            float below = t.gap(blocks, outOfSample, metric, threshold, true);
                            float above = t.gap(blocks, outOfSample, metric, threshold, false);
                            if (below < 0 && !(exact < threshold)) {
                                fail(metric + ": certainly below " + threshold + " but the exact value is " + exact
                                        + " (kind " + kind + ")");
                            }
                            if (above < 0 && !(exact > threshold)) {
                                fail(metric + ": certainly above " + threshold + " but the exact value is " + exact
                                        + " (kind " + kind + ")");
                            }
                            if (threshold == thresholds[0] && (kind == 0 || kind == 1)) {
                                ordinary++;
                                decided += below < 0 || above < 0 ? 1 : 0;
                            }
                        }
                    }
                }
            }
        }
        // a random threshold is almost never within 10⁻⁵ of the value: the bounds must decide it
        assertTrue(decided > 0.999 * ordinary, decided + " of " + ordinary + " decided");
    }

    private static int[] randomHalf(Random random) {
        int mask = 0;
        while (Integer.bitCount(mask) < PARTITIONS / 2) {
            mask |= 1 << random.nextInt(PARTITIONS);
        }
        int[] blocks = new int[PARTITIONS / 2];
        for (int b = 0, k = 0; b < PARTITIONS; b++) {
            if ((mask & 1 << b) != 0) {
                blocks[k++] = b;
            }
        }
        return blocks;
    }

    /** A trial's stored sums, reduced as the accumulator reduces them, and its bounds as a tile computes them. */
    private static final class Trial {
        final double mean;
        final double[] sum = new double[PARTITIONS];
        final double[] squares = new double[PARTITIONS];
        double total;
        double totalSquares;
        final float meanRadius;
        final double squaresRadius;
        final float floor;


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
            meanRadius = HalfBounds.up(HalfBounds.meanRadius(mean, absolute, 1.0 / ROWS));
            squaresRadius = HalfBounds.squaresRadius(totalSquares, absolute, 1.0 / ROWS);
            floor = HalfBounds.up(HalfBounds.varianceFloor(mean, absolute, 1.0 / ROWS, ROWS, squaresRadius));
        }

        double exact(int[] blocks, boolean outOfSample, CscvMetric metric) {
            double s = 0;
            double q = 0;
            for (int b : blocks) {
                s += sum[b];
                q += squares[b];
            }
            return outOfSample ? CscvSplitSearch.value(metric, total - s, totalSquares - q, mean, ROWS)
                    : CscvSplitSearch.value(metric, s, q, mean, ROWS);
        }

        /** The tile's float sums (in-sample: the float blocks added to 0; out-of-sample: float total minus them). */
        float gap(int[] blocks, boolean outOfSample, CscvMetric metric, double threshold, boolean below) {
            float s = 0;
            float q = 0;
            for (int b : blocks) {
                s += (float) sum[b];
                q += (float) squares[b];
            }
            if (outOfSample) {
                s = (float) total - s;
                q = (float) totalSquares - q;
            }
            float ir = (float) (1.0 / ROWS);
            if (metric == CscvMetric.MEAN) {
                return below ? HalfBounds.meanBelowGap(s, (float) mean, meanRadius, ir, HalfBounds.belowMark(threshold))
                        : HalfBounds.meanAboveGap(s, (float) mean, meanRadius, ir, HalfBounds.aboveMark(threshold));
            }
            double k = below ? HalfBounds.belowFactor(threshold, 1.0 / (ROWS - 1))
                    : HalfBounds.aboveFactor(threshold, 1.0 / (ROWS - 1));
            float widening = HalfBounds.widening(k, squaresRadius);
            return below ? HalfBounds.sharpeBelowGap(s, q, (float) mean, meanRadius, widening, floor, ir, (float) k)
                    : HalfBounds.sharpeAboveGap(s, q, (float) mean, meanRadius, widening, floor, ir, (float) k);
        }
    }
}
