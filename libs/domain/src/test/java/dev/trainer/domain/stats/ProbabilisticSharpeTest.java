package dev.trainer.domain.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ProbabilisticSharpeTest {

    /**
     * The numerical example of Bailey and López de Prado (2012), "The Sharpe ratio efficient frontier": 24 monthly
     * returns, annualised Sharpe ratio 1.585 (0.4576 per month), skewness -2.448, raw kurtosis 10.164, benchmark 0;
     * PSR = 0.9132. The paper's own text was not available here; these inputs are the ones the pypbo project
     * (esvhd/pypbo, tests) attributes to that example, and they give 0.9132 to four decimals, whereas the rounded
     * monthly 0.458 would give 0.9134.
     */
    @Test
    void reproducesTheSharpeRatioEfficientFrontierExample() {
        double monthly = 1.585 / Math.sqrt(12);
        double psr = ProbabilisticSharpe.probability(monthly, 0, 24, -2.448, 10.164).value();
        assertEquals(0.9132, psr, 5e-5);
    }

    @Test
    void normalReturnsByHand() {
        // skewness 0, kurtosis 3: z = SR·sqrt(T − 1) / sqrt(1 + SR²/2) = 0.1·10 / sqrt(1.005), Φ(z) = 0.840741...
        assertEquals(0.8407413278, ProbabilisticSharpe.probability(0.1, 0, 101, 0, 3).value(), 1e-9);
        assertEquals(0.5, ProbabilisticSharpe.probability(0.2, 0.2, 50, -1, 6).value(), 1e-15);
    }

    @Test
    void negativeSkewAndFatTailsLowerTheConfidence() {
        double normal = ProbabilisticSharpe.probability(0.1, 0, 100, 0, 3).value();
        double skewed = ProbabilisticSharpe.probability(0.1, 0, 100, -1, 3).value();
        double fat = ProbabilisticSharpe.probability(0.1, 0, 100, 0, 30).value();
        assertTrue(skewed < normal && fat < normal, normal + " " + skewed + " " + fat);
        assertTrue(ProbabilisticSharpe.probability(0.1, 0, 400, 0, 3).value() > normal);
    }

    @Test
    void theReturnsFormUsesTheSeriesOwnMoments() {
        double[] r = {0.01, -0.02, 0.03, 0.015, -0.005, 0.02, 0.01, -0.01, 0.025, 0.0};
        ReturnMoments m = ReturnMoments.of(r);
        assertEquals(ProbabilisticSharpe.probability(m.sharpePerPeriod().value(), 0.05, 10, m.skewness().value(),
                m.kurtosisRaw().value()).value(), ProbabilisticSharpe.probability(r, 0.05).value(), 0);
        assertFalse(ProbabilisticSharpe.probability(new double[] {0.01}, 0).isDefined());
    }

    @Test
    void excessKurtosisAndOtherImpossibleInputsAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ProbabilisticSharpe.probability(0.1, 0, 100, 0, 0));
        assertTrue(e.getMessage().contains("raw"), e.getMessage());
        // Pearson: kurtosis >= 1 + skewness², so skew 2 needs kurtosis >= 5
        assertThrows(IllegalArgumentException.class, () -> ProbabilisticSharpe.probability(0.1, 0, 100, 2, 4.9));
        assertThrows(IllegalArgumentException.class, () -> ProbabilisticSharpe.probability(0.1, 0, 1, 0, 3));
        assertThrows(IllegalArgumentException.class, () -> ProbabilisticSharpe.probability(Double.NaN, 0, 10, 0, 3));
    }

    @Test
    void aSharpeEstimateWithoutSamplingVarianceIsUndefined() {
        // on Pearson's bound (kurtosis = 1 + skew²) with skew·SR = 2 the bracket is (1 − skew·SR/2)² = 0
        assertFalse(ProbabilisticSharpe.probability(1, 0, 10, 2, 5).isDefined());
    }
}
