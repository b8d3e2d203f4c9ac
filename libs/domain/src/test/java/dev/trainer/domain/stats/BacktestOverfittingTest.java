package dev.trainer.domain.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BacktestOverfittingTest {

    /**
     * Four periods, one per block (S = 4), three trials, ranked by mean. The six in-sample pairs:
     * <pre>
     * IS {0,1}: A 3.5 B 1.5 C 1.5 -> A; OOS {2,3}: A -1.5 B 0.5 C 2.5 -> A rank 1,   ω̄ 1/4   λ ln(1/3) overfit
     * IS {0,2}: A 1   B 1   C 2.5 -> C; OOS {1,3}: A 1    B 1   C 1.5 -> C rank 3,   ω̄ 3/4   λ ln 3
     * IS {0,3}: A 1.5 B 0.5 C 2   -> C; OOS {1,2}: A 0.5  B 1.5 C 2   -> C rank 3,   ω̄ 3/4   λ ln 3
     * IS {1,2}: A 0.5 B 1.5 C 2   -> C; OOS {0,3}: A 1.5  B 0.5 C 2   -> C rank 3,   ω̄ 3/4   λ ln 3
     * IS {1,3}: A 1   B 1   C 1.5 -> C; OOS {0,2}: A 1    B 1   C 2.5 -> C rank 3,   ω̄ 3/4   λ ln 3
     * IS {2,3}: A -1.5 B 0.5 C 2.5 -> C; OOS {0,1}: A 3.5 B 1.5 C 1.5 -> C ties B for ranks 1 and 2: 1.5,
     *                                                                              ω̄ 3/8   λ ln 0.6 overfit
     * </pre>
     * PBO = 2/6; mean logit (3 ln 3 + ln 0.6) / 6.
     */
    @Test
    void aFourBlockExampleByHand() {
        double[][] x = {{4, 1, 2}, {3, 2, 1}, {-2, 1, 3}, {-1, 0, 2}};
        OverfittingEstimate e = BacktestOverfitting.estimate(x, 4, CscvMetric.MEAN);
        assertEquals(1.0 / 3, e.probability().value(), 1e-15);
        assertEquals((3 * Math.log(3) + Math.log(0.6)) / 6, e.logitMean().value(), 1e-14);
        assertEquals(6, e.logitCount());
        assertEquals(0, e.periodsDroppedAtStart());
    }

    @Test
    void tiedOutOfSampleValuesShareTheAverageRank() {
        // A and B are the same trial and better than C everywhere: the in-sample pick (A) ties B for ranks 2 and 3
        // out of sample, so ω̄ = 2.5/4 and λ = ln(5/3) > 0 every time. Giving ties the lower rank (2, ω̄ 1/2, λ 0)
        // would call every split overfit.
        double[][] x = {{3, 3, 1}, {2, 2, 0}, {4, 4, 1}, {1, 1, 0}};
        OverfittingEstimate e = BacktestOverfitting.estimate(x, 4, CscvMetric.MEAN);
        assertEquals(0, e.probability().value(), 0);
        assertEquals(Math.log(5.0 / 3), e.logitMean().value(), 1e-15);
    }

    @Test
    void anInSampleTieSelectsTheLowestColumn() {
        // S = 2. IS {0}: A and B tie at 1, A is taken; OOS {1}: A 0 is the worst (ω̄ 1/4, overfit). IS {1}: B 2;
        // OOS {0}: B ties A at 1 for ranks 2 and 3 (ω̄ 5/8). Taking B on the first tie would give PBO 0.
        double[][] x = {{1, 1, 0}, {0, 2, 1}};
        assertEquals(0.5, BacktestOverfitting.estimate(x, 2, CscvMetric.MEAN).probability().value(), 0);
    }

    @Test
    void theOldestRowsThatDoNotFillABlockAreDropped() {
        Random random = new Random(5);
        double[][] kept = noise(random, 24, 5);
        double[][] withTwoOlder = new double[26][];
        withTwoOlder[0] = new double[] {9, -9, 9, -9, 9};
        withTwoOlder[1] = new double[] {-9, 9, -9, 9, -9};
        System.arraycopy(kept, 0, withTwoOlder, 2, 24);
        OverfittingEstimate all = BacktestOverfitting.estimate(withTwoOlder, 4, CscvMetric.SHARPE);
        OverfittingEstimate trimmed = BacktestOverfitting.estimate(kept, 4, CscvMetric.SHARPE);
        assertEquals(2, all.periodsDroppedAtStart());
        assertEquals(24, all.periodsUsed());
        assertEquals(trimmed.probability(), all.probability());
        assertEquals(trimmed.logitMean().value(), all.logitMean().value(), 1e-12);
    }

    @Test
    void agreesWithAStraightforwardImplementation() {
        Random random = new Random(17);
        for (int[] shape : new int[][] {{53, 7, 6}, {40, 9, 8}, {37, 4, 2}, {64, 12, 10}}) {
            double[][] x = noise(random, shape[0], shape[1]);
            for (int j = 0; j < shape[1]; j++) {
                for (int r = 0; r < shape[0]; r++) {
                    x[r][j] += 0.002 * j; // different drifts, so that rankings are not pure noise
                }
            }
            for (CscvMetric metric : CscvMetric.values()) {
                double[] expected = naive(x, shape[2], metric);
                OverfittingEstimate e = BacktestOverfitting.estimate(x, shape[2], metric);
                String what = Arrays.toString(shape) + " " + metric;
                assertEquals(expected[0], e.probability().value(), 0, what);
                assertEquals(expected[1], e.logitMean().value(), 1e-12, what);
                assertEquals((int) expected[2], e.logitCount(), what);
            }
        }
    }

    @Test
    void pureNoiseOverfitsAboutHalfTheTime() {
        Random random = new Random(2024);
        double sum = 0;
        int matrices = 30;
        for (int i = 0; i < matrices; i++) {
            sum += BacktestOverfitting.estimate(noise(random, 320, 20), 16, CscvMetric.SHARPE).probability().value();
        }
        double average = sum / matrices;
        // one matrix's PBO scatters widely (sd about 0.18); the average of 30 has sd about 0.035
        assertTrue(average > 0.35 && average < 0.65, "average PBO of noise " + average);
    }

    @Test
    void aTrialBetterInEveryPeriodIsNeverOverfit() {
        Random random = new Random(8);
        double[][] x = noise(random, 320, 20);
        for (double[] row : x) {
            double best = Arrays.stream(row).max().orElseThrow();
            row[7] = best + 0.001;
        }
        assertEquals(0, BacktestOverfitting.estimate(x, 16, CscvMetric.MEAN).probability().value(), 0);
        assertEquals(0, BacktestOverfitting.estimate(x, 16, CscvMetric.SHARPE).probability().value(), 0);
    }

    @Test
    void trialsGoodInOneHalfAndBadInTheOtherOverfit() {
        // each trial earns in a random half of the 16 blocks and loses in the other: whichever half is in-sample,
        // its winner is the trial whose good blocks it holds, and those leave the out-of-sample half with its bad ones
        Random random = new Random(1);
        int blocks = 16, rowsPerBlock = 20, trials = 20;
        double[][] x = noise(random, blocks * rowsPerBlock, trials);
        List<Integer> order = new ArrayList<>();
        for (int b = 0; b < blocks; b++) {
            order.add(b);
        }
        for (int j = 0; j < trials; j++) {
            Collections.shuffle(order, random);
            for (int k = 0; k < blocks; k++) {
                double drift = k < blocks / 2 ? 0.005 : -0.005;
                int block = order.get(k);
                for (int r = block * rowsPerBlock; r < (block + 1) * rowsPerBlock; r++) {
                    x[r][j] += drift;
                }
            }
        }
        OverfittingEstimate e = BacktestOverfitting.estimate(x, blocks, CscvMetric.SHARPE);
        assertTrue(e.probability().value() > 0.8, "PBO " + e.probability());
        assertTrue(e.logitMean().value() < 0, "mean logit " + e.logitMean());
        assertEquals(12_870, e.logitCount());
    }

    @Test
    void aTrialThatNeverTradesStillRanks() {
        Random random = new Random(3);
        double[][] x = noise(random, 64, 6);
        for (double[] row : x) {
            row[2] = 0;
        }
        OverfittingEstimate e = BacktestOverfitting.estimate(x, 8, CscvMetric.SHARPE);
        assertTrue(e.probability().isDefined());
        assertEquals(naive(x, 8, CscvMetric.SHARPE)[0], e.probability().value(), 0);
    }

    @Test
    void undefinedOrRejectedInputs() {
        assertTrue(BacktestOverfitting.estimate(new double[][] {{1}, {2}, {3}, {4}}, 4, CscvMetric.MEAN).probability()
                .undefinedReason().contains("fewer than 2 trials"));
        assertTrue(BacktestOverfitting.estimate(new double[][] {{1, 2}, {2, 1}, {3, 1}}, 4, CscvMetric.MEAN).probability()
                .undefinedReason().contains("fewer periods"));
        assertTrue(BacktestOverfitting.estimate(new double[][] {{1, 2}, {2, 1}}, 2, CscvMetric.SHARPE).probability()
                .undefinedReason().contains("too short"));
        assertFalse(BacktestOverfitting.estimate(new double[][] {{1, 2}, {2, Double.NaN}, {3, 1}, {0, 0}}, 4,
                CscvMetric.MEAN).probability().isDefined());
        assertThrows(IllegalArgumentException.class, () -> BacktestOverfitting.estimate(noise(new Random(1), 30, 3), 5,
                CscvMetric.MEAN));
        assertThrows(IllegalArgumentException.class, () -> BacktestOverfitting.estimate(noise(new Random(1), 30, 3), 26,
                CscvMetric.MEAN));
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

    /** The procedure as the paper states it, concatenating the rows of every half: {PBO, mean logit, splits}. */
    private static double[] naive(double[][] x, int partitions, CscvMetric metric) {
        int trials = x[0].length;
        int blockRows = x.length / partitions;
        int first = x.length - blockRows * partitions;
        List<int[]> halves = new ArrayList<>();
        choose(partitions, partitions / 2, 0, new int[partitions / 2], 0, halves);
        int overfit = 0;
        double logits = 0;
        for (int[] half : halves) {
            boolean[] inSample = new boolean[partitions];
            for (int b : half) {
                inSample[b] = true;
            }
            double[] in = new double[trials], out = new double[trials];
            for (int j = 0; j < trials; j++) {
                List<Double> is = new ArrayList<>(), oos = new ArrayList<>();
                for (int b = 0; b < partitions; b++) {
                    for (int r = first + b * blockRows; r < first + (b + 1) * blockRows; r++) {
                        (inSample[b] ? is : oos).add(x[r][j]);
                    }
                }
                in[j] = naiveMetric(is, metric);
                out[j] = naiveMetric(oos, metric);
            }
            int best = 0;
            for (int j = 1; j < trials; j++) {
                best = in[j] > in[best] ? j : best;
            }
            double rank = 0;
            int tied = 0;
            for (int j = 0; j < trials; j++) {
                rank += out[j] < out[best] ? 1 : 0;
                tied += out[j] == out[best] ? 1 : 0;
            }
            rank += (tied + 1) / 2.0;
            double omega = rank / (trials + 1);
            double logit = Math.log(omega / (1 - omega));
            logits += logit;
            overfit += omega <= 0.5 ? 1 : 0;
        }
        return new double[] {(double) overfit / halves.size(), logits / halves.size(), halves.size()};
    }

    private static double naiveMetric(List<Double> values, CscvMetric metric) {
        double mean = values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        if (metric == CscvMetric.MEAN) {
            return mean;
        }
        double ss = values.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum();
        double sd = Math.sqrt(ss / (values.size() - 1));
        if (sd == 0) {
            return mean > 0 ? Double.POSITIVE_INFINITY : mean < 0 ? Double.NEGATIVE_INFINITY : 0;
        }
        return mean / sd;
    }

    private static void choose(int n, int k, int from, int[] chosen, int depth, List<int[]> out) {
        if (depth == k) {
            out.add(chosen.clone());
            return;
        }
        for (int i = from; i < n; i++) {
            chosen[depth] = i;
            choose(n, k, i + 1, chosen, depth + 1, out);
        }
    }
}
