package dev.trainer.domain.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class OverfittingAccumulatorTest {

    /** T, N, S: one or several tiles, rows dropped or not, S from 2 to 16. */
    private static final int[][] SHAPES = {
        {53, 7, 6}, {40, 9, 8}, {37, 4, 2}, {64, 12, 10}, {90, 300, 16}, {83, 700, 8}, {41, 600, 4}, {17, 513, 2},
    };

    @Test
    void theHandWorkedExampleByPut() {
        OverfittingAccumulator a = filled(new double[][] {{4, 1, 2}, {3, 2, 1}, {-2, 1, 3}, {-1, 0, 2}}, 4,
                CscvMetric.MEAN);
        OverfittingEstimate e = a.estimate();
        assertEquals(1.0 / 3, e.probability().value(), 1e-15);
        assertEquals((3 * Math.log(3) + Math.log(0.6)) / 6, e.logitMean().value(), 1e-14);
        assertEquals(6, e.logitCount());
        assertEquals(e, a.estimate(2));
    }

    @Test
    void equalsTheMatrixFormToTheBitOnNoise() {
        Random random = new Random(11);
        for (int[] shape : SHAPES) {
            double[][] x = noise(random, shape[0], shape[1]);
            for (int j = 0; j < shape[1]; j++) {
                for (int r = 0; r < shape[0]; r++) {
                    x[r][j] += 0.0005 * (j % 13); // drifts, so that rankings are not pure noise
                }
            }
            assertAllFormsAgree(x, shape[2], Integer.toString(shape[0]) + "x" + shape[1] + "/" + shape[2]);
        }
    }

    @Test
    void equalsTheMatrixFormWithTiesFlatTrialsAndDuplicates() {
        Random random = new Random(12);
        for (int[] shape : SHAPES) {
            double[][] x = gridLike(random, shape[0], shape[1]);
            assertAllFormsAgree(x, shape[2], "grid " + shape[0] + "x" + shape[1] + "/" + shape[2]);
        }
    }

    @Test
    void integerReturnsTieAlmostEverywhere() {
        // returns of -1, 0 or 1: many trials share in-sample and out-of-sample values exactly, without being equal
        Random random = new Random(13);
        for (int[] shape : SHAPES) {
            double[][] x = new double[shape[0]][shape[1]];
            for (double[] row : x) {
                for (int j = 0; j < row.length; j++) {
                    row[j] = random.nextInt(3) - 1;
                }
            }
            assertAllFormsAgree(x, shape[2], "integers " + shape[0] + "x" + shape[1] + "/" + shape[2]);
        }
    }

    @Test
    void theWinnerTiedInSampleIsTheLowestTrialAcrossTilesAndThreads() {
        // trial 0 and a copy of it in the last tile are both best in every half: the lowest must be selected, and
        // the result is the same whatever thread handles which splits
        Random random = new Random(14);
        int trials = 2 * TrialTile.SIZE + 17;
        double[][] x = noise(random, 48, trials);
        for (double[] row : x) {
            row[0] = 0.05 + 0.01 * Math.abs(row[0]);
            row[trials - 1] = row[0];
        }
        assertAllFormsAgree(x, 8, "copies of the best");
        assertEquals(0, BacktestOverfitting.estimate(x, 8, CscvMetric.MEAN).probability().value(), 0);
    }

    @Test
    void fillingFromSeveralThreadsInAnyOrderChangesNothing() throws Exception {
        Random random = new Random(15);
        double[][] x = gridLike(random, 72, 900);
        OverfittingEstimate expected = BacktestOverfittingReference.estimate(x, 8, CscvMetric.SHARPE);
        OverfittingAccumulator a = new OverfittingAccumulator(72, 900, 8, CscvMetric.SHARPE);
        List<Integer> order = new ArrayList<>();
        for (int j = 0; j < 900; j++) {
            order.add(j);
        }
        Collections.shuffle(order, random);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<Boolean>> puts = new ArrayList<>();
            for (int j : order) {
                puts.add(pool.submit(() -> a.put(j, column(x, j))));
            }
            for (Future<Boolean> f : puts) {
                assertTrue(f.get());
            }
        } finally {
            pool.shutdown();
        }
        assertSame(expected, a.estimate(2), "filled by 3 threads");
    }

    @Test
    void puttingATrialAgainReplacesIt() {
        Random random = new Random(16);
        double[][] x = noise(random, 40, 6);
        OverfittingAccumulator a = filled(x, 4, CscvMetric.SHARPE);
        assertTrue(a.put(3, column(noise(random, 40, 1), 0)));
        assertTrue(a.put(3, column(x, 3)));
        assertSame(BacktestOverfittingReference.estimate(x, 4, CscvMetric.SHARPE), a.estimate(), "put twice");
    }

    @Test
    void putRefusesWrongLengthsAndNonFiniteReturns() {
        OverfittingAccumulator a = new OverfittingAccumulator(8, 3, 4, CscvMetric.MEAN);
        assertFalse(a.put(0, new double[7]));
        assertFalse(a.put(0, new double[9]));
        assertFalse(a.put(0, null));
        for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
            double[] returns = {0.01, 0.02, -0.01, 0, 0.03, bad, 0.01, 0};
            assertFalse(a.put(1, returns), "return " + bad);
        }
        assertTrue(a.put(2, new double[8]));
        // nothing was stored for the refused trials: they are still missing
        String reason = a.estimate().probability().undefinedReason();
        assertEquals("2 of 3 trials were never put (the first: trial 0, 0-based)", reason);
        assertThrows(IndexOutOfBoundsException.class, () -> a.put(3, new double[8]));
        assertThrows(IndexOutOfBoundsException.class, () -> a.put(-1, new double[8]));
    }

    @Test
    void aRefusedPutLeavesTheEarlierReturnsInPlace() {
        Random random = new Random(17);
        double[][] x = noise(random, 24, 5);
        OverfittingAccumulator a = filled(x, 4, CscvMetric.SHARPE);
        double[] bad = column(x, 2);
        bad[23] = Double.NaN;
        assertFalse(a.put(2, bad));
        assertSame(BacktestOverfittingReference.estimate(x, 4, CscvMetric.SHARPE), a.estimate(), "after a refusal");
    }

    @Test
    void undefinedWithTheMatrixFormsReasons() {
        assertReason("fewer than 2 trials (1): there is no selection to overfit", 4, 1, 4, CscvMetric.MEAN);
        assertReason("fewer than 2 trials (0): there is no selection to overfit", 0, 0, 16, CscvMetric.SHARPE);
        assertReason("fewer periods (3) than partitions (4)", 3, 2, 4, CscvMetric.MEAN);
        assertReason("a half of 1 period is too short for a Sharpe ratio", 3, 2, 2, CscvMetric.SHARPE);
        // the same reasons from the matrix form, which checks the shape before the returns
        assertEquals("fewer periods (3) than partitions (4)", BacktestOverfitting.estimate(new double[][] {{1, 2},
                {2, Double.NaN}, {3, 1}}, 4, CscvMetric.MEAN).probability().undefinedReason());
        assertEquals("the return of trial 1 in period 1 (both 0-based) is not finite (NaN)",
                BacktestOverfitting.estimate(new double[][] {{1, 2}, {2, Double.NaN}, {3, 1}, {0, 0}}, 4,
                        CscvMetric.MEAN).probability().undefinedReason());
        assertEquals("period 2 (0-based) has 1 returns, not 2", BacktestOverfitting.estimate(new double[][] {{1, 2},
                {2, 1}, {3}, {0, 0}}, 4, CscvMetric.MEAN).probability().undefinedReason());
    }

    @Test
    void aTrialNeverPutMakesTheEstimateUndefined() {
        OverfittingAccumulator a = new OverfittingAccumulator(32, 4, 4, CscvMetric.SHARPE);
        Random random = new Random(18);
        double[][] x = noise(random, 32, 4);
        a.put(0, column(x, 0));
        a.put(2, column(x, 2));
        OverfittingEstimate e = a.estimate(2);
        assertFalse(e.probability().isDefined());
        assertEquals("2 of 4 trials were never put (the first: trial 1, 0-based)", e.probability().undefinedReason());
        assertEquals(0, e.logitCount());
        assertEquals(4, e.trials());
        a.put(1, column(x, 1));
        a.put(3, column(x, 3));
        assertSame(BacktestOverfittingReference.estimate(x, 4, CscvMetric.SHARPE), a.estimate(2), "all put");
    }

    @Test
    void rejectedArguments() {
        assertThrows(IllegalArgumentException.class, () -> new OverfittingAccumulator(30, 3, 5, CscvMetric.MEAN));
        assertThrows(IllegalArgumentException.class, () -> new OverfittingAccumulator(30, 3, 0, CscvMetric.MEAN));
        assertThrows(IllegalArgumentException.class, () -> new OverfittingAccumulator(30, 3, 26, CscvMetric.MEAN));
        assertThrows(IllegalArgumentException.class, () -> new OverfittingAccumulator(30, 3, 4, null));
        assertThrows(IllegalArgumentException.class, () -> new OverfittingAccumulator(-1, 3, 4, CscvMetric.MEAN));
        assertThrows(IllegalArgumentException.class, () -> new OverfittingAccumulator(30, -3, 4, CscvMetric.MEAN));
        assertThrows(IllegalArgumentException.class,
                () -> new OverfittingAccumulator(30, Integer.MAX_VALUE / 8, 24, CscvMetric.MEAN));
        OverfittingAccumulator a = new OverfittingAccumulator(30, 3, 4, CscvMetric.MEAN);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> a.estimate(0));
        assertTrue(e.getMessage().contains("thread"), e.getMessage());
    }

    @Test
    void holdsTwoSPlusOneDoublesAndAByteAPerTrial() {
        OverfittingAccumulator a = new OverfittingAccumulator(90, 201_600, 16, CscvMetric.SHARPE);
        long perTrial = 8 * (2 * 16 + 1) + 1;
        assertTrue(a.bytes() >= 201_600 * perTrial && a.bytes() < 201_600 * perTrial + 1024, "bytes " + a.bytes());
    }

    private static void assertReason(String reason, int periods, int trials, int partitions, CscvMetric metric) {
        OverfittingAccumulator a = new OverfittingAccumulator(periods, trials, partitions, metric);
        for (int j = 0; j < trials; j++) {
            assertTrue(a.put(j, new double[periods]));
        }
        OverfittingEstimate e = a.estimate();
        assertEquals(reason, e.probability().undefinedReason());
        assertEquals(reason, e.logitMean().undefinedReason());
        double[][] matrix = new double[periods][trials];
        assertEquals(BacktestOverfittingReference.estimate(matrix, partitions, metric), e);
        assertEquals(e, BacktestOverfitting.estimate(matrix, partitions, metric));
    }

    /** The reference, the matrix form and the accumulator on 1, 2 and 3 threads, both metrics: all equal. */
    private static void assertAllFormsAgree(double[][] x, int partitions, String what) {
        for (CscvMetric metric : CscvMetric.values()) {
            OverfittingEstimate expected = BacktestOverfittingReference.estimate(x, partitions, metric);
            assertTrue(expected.probability().isDefined(), what);
            assertSame(expected, BacktestOverfitting.estimate(x, partitions, metric), what + " " + metric + " matrix");
            OverfittingAccumulator a = filled(x, partitions, metric);
            for (int threads = 1; threads <= 3; threads++) {
                assertSame(expected, a.estimate(threads), what + " " + metric + " on " + threads + " threads");
            }
        }
    }

    /** Equal records, which compares the PBO and the mean logit bit for bit (Double.compare in record equality). */
    private static void assertSame(OverfittingEstimate expected, OverfittingEstimate actual, String what) {
        assertEquals(expected, actual, what);
        assertEquals(Double.doubleToLongBits(expected.logitMean().value()),
                Double.doubleToLongBits(actual.logitMean().value()), what);
    }

    private static OverfittingAccumulator filled(double[][] x, int partitions, CscvMetric metric) {
        int trials = x[0].length;
        OverfittingAccumulator a = new OverfittingAccumulator(x.length, trials, partitions, metric);
        for (int j = 0; j < trials; j++) {
            assertTrue(a.put(j, column(x, j)));
        }
        return a;
    }

    private static double[] column(double[][] x, int j) {
        double[] c = new double[x.length];
        for (int r = 0; r < x.length; r++) {
            c[r] = x[r][j];
        }
        return c;
    }

    private static double[][] noise(Random random, int periods, int trials) {
        double[][] x = new double[periods][trials];
        for (double[] row : x) {
            for (int j = 0; j < trials; j++) {
                row[j] = 0.01 * random.nextGaussian();
            }
        }
        return x;
    }

    /**
     * Like a parameter grid: a few distinct trade patterns, each repeated under several settings (identical columns);
     * trials that never trade (all 0); trials flat in some blocks (a half without variance); one constant non-zero
     * return (±∞ Sharpe in every half); and the same pattern at twice the size (the same Sharpe ratio, up to rounding).
     */
    private static double[][] gridLike(Random random, int periods, int trials) {
        int patterns = Math.max(2, trials / 4);
        double[][] pattern = noise(random, periods, patterns);
        for (int p = 0; p < patterns; p++) {
            for (int r = 0; r < periods; r++) {
                switch (p % 5) {
                    case 0 -> pattern[r][p] = 0;
                    case 1 -> pattern[r][p] = r % 16 < 5 ? 0 : pattern[r][p];
                    case 2 -> pattern[r][p] = p % 10 == 2 ? 0.001 : pattern[r][p] + 0.002;
                    default -> pattern[r][p] += 0.0003 * (p % 7);
                }
            }
        }
        double[][] x = new double[periods][trials];
        for (int j = 0; j < trials; j++) {
            int p = random.nextInt(patterns);
            double scale = random.nextInt(4) == 0 ? 2 : 1;
            for (int r = 0; r < periods; r++) {
                x[r][j] = scale * pattern[r][p];
            }
        }
        return x;
    }
}
