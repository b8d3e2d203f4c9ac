package dev.trainer.domain.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ReturnMomentsTest {

    @Test
    void populationMomentsAndSampleSharpeOfASmallSeries() {
        // mean 4, deviations -3 -2 -1 0 6: m2 = 50/5 = 10, m3 = 180/5 = 36, m4 = 1394/5 = 278.8,
        // sample standard deviation sqrt(50/4)
        ReturnMoments m = ReturnMoments.of(new double[] {1, 2, 3, 4, 10});
        assertEquals(5, m.count());
        assertEquals(4, m.mean().value(), 1e-15);
        assertEquals(4 / Math.sqrt(12.5), m.sharpePerPeriod().value(), 1e-14);
        assertEquals(36 / Math.pow(10, 1.5), m.skewness().value(), 1e-14);
        assertEquals(2.788, m.kurtosisRaw().value(), 1e-14);
    }

    @Test
    void kurtosisIsRawNotExcess() {
        Random random = new Random(3);
        double[] normal = new double[200_000];
        for (int i = 0; i < normal.length; i++) {
            normal[i] = 0.001 + 0.01 * random.nextGaussian();
        }
        ReturnMoments m = ReturnMoments.of(normal);
        assertEquals(3, m.kurtosisRaw().value(), 0.05);
        assertEquals(0, m.skewness().value(), 0.03);
        assertEquals(0.1, m.sharpePerPeriod().value(), 0.01);
    }

    @Test
    void aLargeMeanDoesNotCancelTheVariance() {
        ReturnMoments m = ReturnMoments.of(new double[] {1e8 + 1, 1e8 - 1, 1e8 + 1, 1e8 - 1});
        assertEquals(1e8 / Math.sqrt(4.0 / 3), m.sharpePerPeriod().value(), 1e-3);
        assertEquals(1, m.kurtosisRaw().value(), 1e-9);
    }

    @Test
    void undefinedSeriesSayWhy() {
        assertTrue(ReturnMoments.of(new double[] {0.01}).undefinedReason().contains("fewer than 2"));
        assertTrue(ReturnMoments.of(new double[] {0.01, 0.01, 0.01}).sharpePerPeriod().undefinedReason().contains("variance"));
        assertEquals(0.01, ReturnMoments.of(new double[] {0.01, 0.01}).mean().value(), 0);
        assertFalse(ReturnMoments.of(new double[] {0.01, Double.NaN}).kurtosisRaw().isDefined());
        assertFalse(ReturnMoments.of(null).isDefined());
    }
}
