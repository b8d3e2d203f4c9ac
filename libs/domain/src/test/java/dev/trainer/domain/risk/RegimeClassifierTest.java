package dev.trainer.domain.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RegimeClassifierTest {

    /** Closes starting at 100 whose log returns are the given ones. */
    private static double[] closes(double... logReturns) {
        double[] c = new double[logReturns.length + 1];
        c[0] = 100;
        double level = 0;
        for (int i = 0; i < logReturns.length; i++) {
            level += logReturns[i];
            c[i + 1] = 100 * Math.exp(level);
        }
        return c;
    }

    private static double[] gaussianReturns(Random rng, int n, double drift, double sd) {
        double[] r = new double[n];
        for (int i = 0; i < n; i++) {
            r[i] = drift + sd * rng.nextGaussian();
        }
        return r;
    }

    private static double[] concat(double[] a, double[] b) {
        double[] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    @Test
    void phiMatchesKnownValues() {
        assertEquals(0.5, RegimeClassifier.phi(0), 1e-15);
        assertEquals(0.8413447460685429, RegimeClassifier.phi(1), 1e-12);
        assertEquals(0.15865525393145707, RegimeClassifier.phi(-1), 1e-12);
        assertEquals(0.9750021048517795, RegimeClassifier.phi(1.96), 1e-12);
        assertEquals(0.9986501019683699, RegimeClassifier.phi(3), 1e-12);
        assertEquals(0.0013498980316301, RegimeClassifier.phi(-3), 1e-12);
        assertEquals(1.0, RegimeClassifier.phi(Double.POSITIVE_INFINITY));
        assertEquals(0.0, RegimeClassifier.phi(Double.NEGATIVE_INFINITY));
    }

    @Test
    void handComputedSmallWindows() {
        // W = 3, L = 7: long returns (0.01, -0.01, 0.02, -0.02), short returns (0.01, 0.02, 0.03)
        RegimeClassifier classifier = new RegimeClassifier(3, 7);
        assertEquals(8, classifier.closesNeeded());
        double[] c = closes(0.01, -0.01, 0.02, -0.02, 0.01, 0.02, 0.03);
        RegimeProbabilities p = classifier.classify(c).orElseThrow();
        // trend: mean 0.02, sd 0.01, t = 0.02 / (0.01 / sqrt 3) = 2 sqrt 3
        double up = RegimeClassifier.phi(2 * Math.sqrt(3));
        // volatility: s_long = sqrt(0.001 / 3), s_short = 0.01, se = sqrt(1/(2*2) + 1/(2*3))
        double vol = RegimeClassifier.phi(Math.log(0.01 / Math.sqrt(0.001 / 3)) / Math.sqrt(1.0 / 4 + 1.0 / 6));
        assertEquals(0.9997339972474304, up, 1e-12); // Python: 0.5 * (1 + erf(z / sqrt 2))
        assertEquals(0.17551499077968535, vol, 1e-12);
        assertEquals(up * (1 - vol), p.probabilities().get(Regime.UP_CALM), 1e-9);
        assertEquals(up * vol, p.probabilities().get(Regime.UP_VOLATILE), 1e-9);
        assertEquals((1 - up) * (1 - vol), p.probabilities().get(Regime.DOWN_CALM), 1e-9);
        assertEquals((1 - up) * vol, p.probabilities().get(Regime.DOWN_VOLATILE), 1e-9);
        assertEquals(Regime.UP_CALM, p.top());
        assertEquals(up * (1 - vol), p.topProbability(), 1e-9);
        // older closes before the last L + 1 are ignored
        double[] longer = concat(new double[] {7, 300, 2}, c);
        assertEquals(p, classifier.classify(longer).orElseThrow());
    }

    @Test
    void aStrongUpTrendIsUp() {
        Random rng = new Random(7);
        double[] r = concat(gaussianReturns(rng, 540, 0, 0.01), gaussianReturns(rng, 60, 0.005, 0.01));
        RegimeProbabilities p = RegimeClassifier.defaults().classify(closes(r)).orElseThrow();
        assertTrue(p.top().up(), p.toString());
        assertTrue(p.upProbability() > 0.99, p.toString());
    }

    @Test
    void aStrongDownTrendIsDown() {
        Random rng = new Random(8);
        double[] r = concat(gaussianReturns(rng, 540, 0, 0.01), gaussianReturns(rng, 60, -0.005, 0.01));
        RegimeProbabilities p = RegimeClassifier.defaults().classify(closes(r)).orElseThrow();
        assertFalse(p.top().up(), p.toString());
        assertTrue(p.upProbability() < 0.01, p.toString());
    }

    @Test
    void aVolatilityBurstIsVolatileAndAQuietSpellIsCalm() {
        Random rng = new Random(11);
        double[] burst = concat(gaussianReturns(rng, 540, 0, 0.01), gaussianReturns(rng, 60, 0, 0.03));
        RegimeProbabilities p = RegimeClassifier.defaults().classify(closes(burst)).orElseThrow();
        assertTrue(p.top().volatileRegime(), p.toString());
        assertTrue(p.volatileProbability() > 0.999, p.toString());
        double[] quiet = concat(gaussianReturns(rng, 540, 0, 0.03), gaussianReturns(rng, 60, 0, 0.01));
        RegimeProbabilities q = RegimeClassifier.defaults().classify(closes(quiet)).orElseThrow();
        assertFalse(q.top().volatileRegime(), q.toString());
        assertTrue(q.volatileProbability() < 0.001, q.toString());
    }

    @Test
    void probabilitiesSumToOneAndTopIsTheLargest() {
        Random rng = new Random(3);
        RegimeClassifier classifier = RegimeClassifier.defaults();
        for (int k = 0; k < 50; k++) {
            double[] r = gaussianReturns(rng, 600, rng.nextGaussian() * 0.001, 0.005 + rng.nextDouble() * 0.02);
            RegimeProbabilities p = classifier.classify(closes(r)).orElseThrow();
            double sum = p.probabilities().values().stream().mapToDouble(Double::doubleValue).sum();
            assertEquals(1.0, sum, 1e-12);
            for (double v : p.probabilities().values()) {
                assertTrue(v <= p.topProbability());
            }
            assertTrue(p.topProbability() >= 0.25 && p.topProbability() <= 1);
        }
    }

    @Test
    void tooFewClosesOrAFlatLongWindowIsEmpty() {
        RegimeClassifier classifier = RegimeClassifier.defaults();
        assertEquals(601, classifier.closesNeeded());
        assertTrue(classifier.classify(closes(new double[599])).isEmpty(), "600 closes");
        double[] flat = new double[601];
        java.util.Arrays.fill(flat, 100);
        assertTrue(classifier.classify(flat).isEmpty(), "s_long 0");
    }

    @Test
    void aFlawlessTrendHasACertainDirection() {
        // doubling and halving are exact in binary, so the log returns are exactly ±ln 2
        RegimeClassifier classifier = new RegimeClassifier(3, 7);
        double[] up = {1, 2, 1, 2, 1, 2, 4, 8};
        RegimeProbabilities p = classifier.classify(up).orElseThrow();
        assertEquals(1.0, p.upProbability());
        assertEquals(0.0, p.volatileProbability(), "short sd 0 is certainly calm");
        assertEquals(Regime.UP_CALM, p.top());
        assertEquals(1.0, p.topProbability());
        double[] down = {1, 2, 1, 2, 1, 0.5, 0.25, 0.125};
        assertEquals(Regime.DOWN_CALM, classifier.classify(down).orElseThrow().top());
        double[] still = {1, 2, 1, 2, 1, 1, 1, 1};
        RegimeProbabilities s = classifier.classify(still).orElseThrow();
        assertEquals(0.5, s.upProbability());
        assertEquals(0.5, s.topProbability());
    }

    @Test
    void invalidWindowsAndPricesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new RegimeClassifier(1, 10));
        assertThrows(IllegalArgumentException.class, () -> new RegimeClassifier(5, 7));
        double[] c = {1, 2, 1, 2, 0, 2, 4, 8};
        assertThrows(IllegalArgumentException.class, () -> new RegimeClassifier(3, 7).classify(c));
    }

    // --- regime_break_threshold (0.3): trips at or below ---

    @Test
    void topJustAboveThresholdDoesNotTripAtAndBelowTrip() {
        // top = max(P(up), 1 - P(up)) * max(P(vol), 1 - P(vol)); 0.6 * 0.5 is the double nearest 0.3 (halving is exact)
        RegimeProbabilities at = RegimeProbabilities.of(0.6, 0.5);
        assertEquals(0.3, at.topProbability());
        assertTrue(RegimeBreak.measure(Optional.of(at), 0.3).tripped());
        assertFalse(RegimeBreak.measure(Optional.of(RegimeProbabilities.of(0.61, 0.5)), 0.3).tripped());
        assertTrue(RegimeBreak.measure(Optional.of(RegimeProbabilities.of(0.59, 0.5)), 0.3).tripped());
        assertTrue(RegimeBreak.measure(Optional.of(RegimeProbabilities.of(0.5, 0.5)), 0.3).tripped());
        assertFalse(RegimeBreak.measure(Optional.of(at), Math.nextDown(0.3)).tripped(), "a hair above the limit");
    }

    @Test
    void noRegimeIsUndefined() {
        Measurement m = RegimeBreak.measure(Optional.empty(), 0.3);
        assertFalse(m.defined());
        assertFalse(m.tripped());
    }

    /**
     * Under a driftless Gaussian random walk t and q/se are about standard normal, so P(up) and P(volatile) are about
     * uniform and top = max(u, 1 − u)·max(v, 1 − v) with both factors uniform on [0.5, 1]:
     * P(top ≤ 0.3) = 4·(0.3·ln 1.2 − 0.05) ≈ 1.88 %.
     */
    @Test
    void falseAlarmRateOfADriftlessRandomWalkIsAboutTwoPercent() {
        Random rng = new Random(20240601L);
        RegimeClassifier classifier = RegimeClassifier.defaults();
        int walks = 5_000;
        int alarms = 0;
        for (int k = 0; k < walks; k++) {
            double[] c = closes(gaussianReturns(rng, 600, 0, 0.01));
            if (RegimeBreak.measure(classifier.classify(c), 0.3).tripped()) {
                alarms++;
            }
        }
        double rate = (double) alarms / walks;
        assertTrue(rate >= 0.010 && rate <= 0.030, "independent walks: " + rate);

        // the way the service sees it: one long walk, judged at every candle (neighbouring judgements overlap)
        double[] walk = closes(gaussianReturns(rng, 600 + 20_000, 0, 0.01));
        int judged = 0;
        int rolled = 0;
        for (int i = 600; i < walk.length; i++) {
            judged++;
            double[] window = java.util.Arrays.copyOfRange(walk, i + 1 - classifier.closesNeeded(), i + 1);
            if (RegimeBreak.measure(classifier.classify(window), 0.3).tripped()) {
                rolled++;
            }
        }
        double rollingRate = (double) rolled / judged;
        System.out.printf("regime false-alarm rate: independent %.4f, rolling %.4f%n", rate, rollingRate);
        assertTrue(rollingRate >= 0.005 && rollingRate <= 0.040, "rolling: " + rollingRate);
    }
}
