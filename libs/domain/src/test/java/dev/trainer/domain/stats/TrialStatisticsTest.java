package dev.trainer.domain.stats;

import org.apache.commons.math3.stat.inference.TTest;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrialStatisticsTest {

    private static final double[] POSITIVE = {0.01, 0.02, -0.005, 0.015, 0.03, -0.01, 0.02, 0.005};

    @Test
    void pValueIsTheOneSidedHalfOfTheTwoSidedTest() {
        double twoSided = new TTest().tTest(0.0, POSITIVE);
        assertEquals(twoSided / 2, TrialStatistics.pValueMeanGreaterThanZero(POSITIVE), 1e-12);
        double[] negative = POSITIVE.clone();
        for (int i = 0; i < negative.length; i++) {
            negative[i] = -negative[i];
        }
        assertEquals(1 - twoSided / 2, TrialStatistics.pValueMeanGreaterThanZero(negative), 1e-12);
    }

    @Test
    void zScoreIsMeanOverStandardError() {
        double mean = 0, ss = 0;
        for (double r : POSITIVE) {
            mean += r / POSITIVE.length;
        }
        for (double r : POSITIVE) {
            ss += (r - mean) * (r - mean);
        }
        double se = Math.sqrt(ss / (POSITIVE.length - 1)) / Math.sqrt(POSITIVE.length);
        assertEquals(mean / se, TrialStatistics.zScore(POSITIVE), 1e-12);
        assertEquals(new TTest().t(0.0, POSITIVE), TrialStatistics.zScore(POSITIVE), 1e-12);
    }

    @Test
    void undefinedCasesSayWhy() {
        assertTrue(Double.isNaN(TrialStatistics.pValueMeanGreaterThanZero(new double[] {0.01})));
        assertTrue(TrialStatistics.pValue(new double[] {0.01, 0.01, 0.01}).undefinedReason().contains("variance"));
        assertFalse(TrialStatistics.z(new double[] {1, Double.NaN}).isDefined());
        assertFalse(TrialStatistics.stability(new double[][] {{0.1}}).isDefined());
    }

    @Test
    void stabilityRewardsConsistentPositiveWindows() {
        double consistent = TrialStatistics.stabilityScore(new double[][] {{0.01, 0.012}, {0.011}, {0.009, 0.01}});
        double lucky = TrialStatistics.stabilityScore(new double[][] {{0.2}, {-0.01}, {-0.02}});
        double losing = TrialStatistics.stabilityScore(new double[][] {{-0.01}, {-0.012}, {-0.011}});
        assertTrue(consistent > 0.8 && consistent <= 1, "consistent " + consistent);
        assertTrue(lucky < 0.3, "lucky " + lucky);
        assertEquals(0, losing, 0);
        assertEquals(1.0, TrialStatistics.stabilityScore(new double[][] {{0.01}, {0.01}}), 1e-12);
    }
}
