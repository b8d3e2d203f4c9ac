package dev.trainer.domain.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RollingRobustStatsTest {

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    @Test
    void medianMadAndMeanDeviationAreThoseOfTheWindowComputedSlowly() {
        Random random = new Random(7);
        for (int round = 0; round < 60; round++) {
            int capacity = 1 + random.nextInt(40);
            // few distinct values in some rounds (many ties), many in others
            int distinct = round % 3 == 0 ? 3 : round % 3 == 1 ? 20 : 1000;
            double[] stream = new double[400];
            for (int i = 0; i < stream.length; i++) {
                stream[i] = (random.nextInt(distinct) - distinct / 2) * 0.37;
            }
            RollingRobustStats stats = new RollingRobustStats(stream, capacity);
            ArrayDeque<Double> window = new ArrayDeque<>();
            for (double value : stream) {
                stats.push(value);
                window.addLast(value);
                if (window.size() > capacity) {
                    window.removeFirst();
                }
                assertEquals(window.size(), stats.size());
                double[] sorted = window.stream().mapToDouble(Double::doubleValue).sorted().toArray();
                double m = median(sorted);
                double mad = median(Arrays.stream(sorted).map(v -> Math.abs(v - m)).sorted().toArray());
                double meanAd = window.stream().mapToDouble(v -> Math.abs(v - m)).sum() / window.size();
                assertEquals(m, stats.median(), "median, round " + round);
                assertEquals(mad, stats.mad(m), "MAD, round " + round + ", window " + window);
                assertEquals(meanAd, stats.meanAbsoluteDeviation(m), 1e-12, "mean absolute deviation, round " + round);
            }
        }
    }

    @Test
    void fullnessAndRefusals() {
        RollingRobustStats stats = new RollingRobustStats(new double[] {1, 2, 3}, 2);
        assertThrows(IllegalStateException.class, stats::median);
        stats.push(1);
        assertFalse(stats.isFull());
        stats.push(3);
        assertTrue(stats.isFull());
        assertEquals(2.0, stats.median());
        assertEquals(1.0, stats.mad(2.0));
        stats.push(3); // evicts 1
        assertEquals(3.0, stats.median());
        assertEquals(0.0, stats.mad(3.0));
        assertEquals(0.0, stats.meanAbsoluteDeviation(3.0));
        assertThrows(IllegalArgumentException.class, () -> stats.push(4));
        assertThrows(IllegalArgumentException.class, () -> new RollingRobustStats(new double[] {1}, 0));
    }
}
