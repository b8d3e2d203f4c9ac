package dev.trainer.domain.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class DeflatedSharpeTest {

    private static final double DAYS_PER_YEAR = 250;

    /**
     * The numerical example of Bailey and López de Prado (2014), "The Deflated Sharpe Ratio": N = 100 trials whose
     * annualised Sharpe ratios have variance 1/2, the selected one with an annualised Sharpe ratio of 2.5 over five
     * years of daily returns (T = 1,250, 250 a year), skewness -3, raw kurtosis 10. Per day: SR = 2.5 / sqrt(250),
     * V = 0.5 / 250. Result: SR0 = 0.1132 per day and DSR = 0.9004. The paper's text was not available here; these
     * inputs and both numbers agree with the pypbo project's test of the same example (esvhd/pypbo). With 252 days a
     * year the DSR would be 0.8997, so the 250 matters.
     */
    @Test
    void reproducesTheDeflatedSharpeRatioExample() {
        double variancePerDay = 0.5 / DAYS_PER_YEAR;
        assertEquals(0.1132, DeflatedSharpe.expectedMaximumSharpe(100, variancePerDay), 5e-5);
        double dsr = DeflatedSharpe.probability(2.5 / Math.sqrt(DAYS_PER_YEAR), 1250, -3, 10, 100, variancePerDay).value();
        assertEquals(0.9004, dsr, 5e-5);
    }

    @Test
    void expectedMaximumOfStandardNormals() {
        // (1 − γ)·Φ⁻¹(0.99) + γ·Φ⁻¹(1 − 1/(100e)) = 2.5306 (the exact expectation is 2.5076: the formula is an
        // extreme-value approximation, and this pins the formula, not the expectation)
        assertEquals(2.5306, DeflatedSharpe.expectedMaximumSharpe(100, 1), 5e-5);
        assertEquals(2 * 2.5306, DeflatedSharpe.expectedMaximumSharpe(100, 4), 1e-4);
        assertEquals(0, DeflatedSharpe.expectedMaximumSharpe(1, 0.3), 0);
        assertEquals(0, DeflatedSharpe.expectedMaximumSharpe(500, 0), 0);
        assertTrue(DeflatedSharpe.expectedMaximumSharpe(1000, 1) > DeflatedSharpe.expectedMaximumSharpe(10, 1));
    }

    @Test
    void theBestOfManySkilllessTrialsIsNotEvidence() {
        // the best of 50 noise strategies looks significant to the PSR more often than not; the DSR deflates it
        Random random = new Random(11);
        int psrSignificant = 0, dsrSignificant = 0, experiments = 40, trials = 50, days = 500;
        for (int e = 0; e < experiments; e++) {
            double[][] returns = new double[trials][days];
            double[] sharpes = new double[trials];
            int best = 0;
            for (int t = 0; t < trials; t++) {
                for (int d = 0; d < days; d++) {
                    returns[t][d] = 0.01 * random.nextGaussian();
                }
                sharpes[t] = ReturnMoments.of(returns[t]).sharpePerPeriod().value();
                best = sharpes[t] > sharpes[best] ? t : best;
            }
            double variance = DeflatedSharpe.trialSharpeVariance(sharpes).value();
            psrSignificant += ProbabilisticSharpe.probability(returns[best], 0).value() > 0.95 ? 1 : 0;
            dsrSignificant += DeflatedSharpe.probability(returns[best], trials, variance).value() > 0.95 ? 1 : 0;
        }
        assertTrue(psrSignificant > experiments / 2, "PSR significant " + psrSignificant);
        assertTrue(dsrSignificant <= 4, "DSR significant " + dsrSignificant);
    }

    @Test
    void trialSharpeVarianceIsTheSampleVariance() {
        assertEquals(0.01, DeflatedSharpe.trialSharpeVariance(new double[] {0.1, 0.2, 0.3}).value(), 1e-15);
        assertFalse(DeflatedSharpe.trialSharpeVariance(new double[] {0.1}).isDefined());
        assertFalse(DeflatedSharpe.trialSharpeVariance(new double[] {0.1, Double.NaN}).isDefined());
    }

    @Test
    void badArgumentsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> DeflatedSharpe.expectedMaximumSharpe(0, 1));
        assertThrows(IllegalArgumentException.class, () -> DeflatedSharpe.expectedMaximumSharpe(10, -0.1));
        assertThrows(IllegalArgumentException.class, () -> DeflatedSharpe.probability(0.1, 100, 0, 0, 10, 0.01));
    }
}
