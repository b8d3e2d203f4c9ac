package dev.trainer.domain.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trainer.domain.backtest.MetricValue;
import org.junit.jupiter.api.Test;

class MinimumTrackRecordLengthTest {

    private static final double MONTHS = 12;

    @Test
    void normalMonthlyReturnsByHand() {
        // SR 2 and benchmark 1 a year, monthly, skew -0.72, kurtosis 3:
        // 1 + (1 + 0.72·SR + SR²/2)·(1.644854 / (1/sqrt(12)))² = 52.3737 months, R PerformanceAnalytics'
        // MinTrackRecord(refSR = 1/12^0.5, sr = 2/12^0.5, sk = -0.72, kr = 5.78) with its default of ignoring kurtosis
        MetricValue months = MinimumTrackRecordLength.observations(2 / Math.sqrt(MONTHS), 1 / Math.sqrt(MONTHS), -0.72, 3,
                0.95);
        assertEquals(52.3737, months.value(), 1e-4);
    }

    @Test
    void fatTailsLengthenTheRecord() {
        // annualised SR 3 against 2.5, monthly, skew -0.72, kurtosis 5.78: 27.35 years (pypbo's test of Figure 8 of
        // the efficient frontier paper gives 27.352920 years)
        double months = MinimumTrackRecordLength.observations(3 / Math.sqrt(MONTHS), 2.5 / Math.sqrt(MONTHS), -0.72, 5.78,
                0.95).value();
        assertEquals(27.352920, months / MONTHS, 1e-6);
    }

    @Test
    void isTheTrackRecordAtWhichThePsrReachesTheConfidence() {
        double sr = 0.08, benchmark = 0.02, skew = -1, kurtosis = 7;
        for (double confidence : new double[] {0.9, 0.95, 0.99}) {
            double minTrl = MinimumTrackRecordLength.observations(sr, benchmark, skew, kurtosis, confidence).value();
            long shorter = (long) Math.floor(minTrl), longer = (long) Math.ceil(minTrl);
            assertTrue(ProbabilisticSharpe.probability(sr, benchmark, shorter, skew, kurtosis).value() < confidence);
            assertTrue(ProbabilisticSharpe.probability(sr, benchmark, longer, skew, kurtosis).value() >= confidence);
        }
    }

    @Test
    void undefinedWhenTheSharpeRatioIsNotAboveTheBenchmark() {
        MetricValue v = MinimumTrackRecordLength.observations(0.1, 0.1, 0, 3, 0.95);
        assertFalse(v.isDefined());
        assertTrue(v.undefinedReason().contains("not above"), v.undefinedReason());
        assertFalse(MinimumTrackRecordLength.observations(new double[] {0.01, 0.01}, 0, 0.95).isDefined());
    }

    @Test
    void aConfidenceOutsideHalfToOneIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> MinimumTrackRecordLength.observations(0.2, 0, 0, 3, 1));
        assertThrows(IllegalArgumentException.class, () -> MinimumTrackRecordLength.observations(0.2, 0, 0, 3, 0.4));
        assertThrows(IllegalArgumentException.class, () -> MinimumTrackRecordLength.observations(0.2, 0, 0, 0.5, 0.95));
    }
}
