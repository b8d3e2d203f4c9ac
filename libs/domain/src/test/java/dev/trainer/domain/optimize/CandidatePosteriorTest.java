package dev.trainer.domain.optimize;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CandidatePosteriorTest {

    private static double[][] uniform(SplittableRandom rng, int n, int d) {
        double[][] out = new double[n][d];
        for (double[] row : out) {
            for (int j = 0; j < d; j++) {
                row[j] = rng.nextDouble();
            }
        }
        return out;
    }

    /** The rank-one updates must give what a refit with the same length scale and the added points predicts. */
    @Test
    void conditioningMatchesARefitWithTheObservationsAdded() {
        SplittableRandom rng = new SplittableRandom(5);
        int d = 4;
        double[][] x = uniform(rng, 30, d);
        double[] y = new double[x.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = Math.sin(3 * x[i][0]) + x[i][1] * x[i][2] - x[i][3];
        }
        GaussianProcess gp = GaussianProcess.fit(x, y);
        double[][] candidates = uniform(rng, 200, d);
        CandidatePosterior posterior = new CandidatePosterior(gp, candidates);
        for (int c = 0; c < candidates.length; c++) {
            double[] p = gp.predict(candidates[c]);
            assertEquals(p[0], posterior.mean(c), 1e-9);
            assertEquals(p[1], posterior.sd(c), 1e-9);
        }

        // one observation at its mean (kriging believer), one away from it, one more at its mean
        int[] chosen = {17, 90, 151};
        double[] told = {posterior.mean(17), posterior.mean(90) + 1.5, Double.NaN};
        double[][] x2 = java.util.Arrays.copyOf(x, x.length + 3);
        double[] y2 = java.util.Arrays.copyOf(y, y.length + 3);
        for (int j = 0; j < chosen.length; j++) {
            double value = Double.isNaN(told[j]) ? posterior.mean(chosen[j]) : told[j];
            posterior.condition(chosen[j], value);
            x2[x.length + j] = candidates[chosen[j]];
            y2[y.length + j] = value;
        }
        GaussianProcess refit = GaussianProcess.fit(x2, y2, gp.lengthScale());
        assertNotNull(refit);
        double largestMeanShift = 0;
        for (int c = 0; c < candidates.length; c++) {
            double[] p = refit.predict(candidates[c]);
            assertEquals(p[0], posterior.mean(c), 1e-6, "mean at candidate " + c);
            assertEquals(p[1], posterior.sd(c), 1e-6, "sd at candidate " + c);
            largestMeanShift = Math.max(largestMeanShift, Math.abs(p[0] - gp.predict(candidates[c])[0]));
        }
        // the observation away from the mean moved the means: the comparison above is not between equal models
        assertTrue(largestMeanShift > 0.1, "largest shift " + largestMeanShift);
        assertTrue(posterior.sd(90) < 0.01, "an observed point is nearly certain: sd " + posterior.sd(90));
    }
}
