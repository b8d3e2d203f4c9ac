package dev.trainer.domain.stats;

import java.util.Arrays;

/**
 * Trials collapsed by their stored sums: trials whose mean, block sums and block sums of squares are bit-identical
 * (in a parameter grid, the many settings that do not change a single trade) get the same metric in every half of
 * every split, so the split loop scores each such group once and counts it with its weight.
 *
 * <p>This keeps the result exactly: a group is represented by its lowest trial and groups are kept in the order of
 * those trials, so the in-sample argmax (the first trial with the highest value) picks the same trial; tied
 * out-of-sample values count once per member.
 *
 * @param representatives the lowest trial of each group, ascending
 * @param weights         the size of each group, or null when every trial is distinct
 */
record DistinctTrials(int[] representatives, int[] weights) {

    static DistinctTrials of(double[] sums, int trials, int stride) {
        int capacity = Integer.highestOneBit(Math.max(2, trials) * 2 - 1) * 2;
        int[] slots = new int[capacity]; // a group + 1, 0 for empty: open addressing, linear probing
        int[] representatives = new int[trials];
        int[] weights = new int[trials];
        int groups = 0;
        for (int t = 0; t < trials; t++) {
            int at = t * stride;
            int slot = hash(sums, at, stride) & (capacity - 1);
            while (slots[slot] != 0 && !sameSums(sums, at, representatives[slots[slot] - 1] * stride, stride)) {
                slot = (slot + 1) & (capacity - 1);
            }
            if (slots[slot] == 0) {
                representatives[groups] = t;
                slots[slot] = ++groups;
            }
            weights[slots[slot] - 1]++;
        }
        if (groups == trials) {
            return new DistinctTrials(representatives, null);
        }
        return new DistinctTrials(Arrays.copyOf(representatives, groups), Arrays.copyOf(weights, groups));
    }

    /** Bit for bit (as {@link Double#doubleToLongBits}): 0.0 and −0.0 differ, which only costs a merge. */
    private static boolean sameSums(double[] sums, int a, int b, int length) {
        return Arrays.equals(sums, a, a + length, sums, b, b + length);
    }

    private static int hash(double[] sums, int from, int length) {
        long h = 0;
        for (int i = from; i < from + length; i++) {
            h = 31 * h + Double.doubleToLongBits(sums[i]);
        }
        h *= 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }

    int count() {
        return representatives.length;
    }

    int weight(int group) {
        return weights == null ? 1 : weights[group];
    }
}
