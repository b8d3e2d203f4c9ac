package dev.trainer.domain.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class UnusualMoveTest {

    /** 21 closes alternating 100, 101, 100, ...: 20 log returns of ±ln(1.01), mean 0, ending on 100. */
    private static double[] zigzag(int closes) {
        double[] c = new double[closes];
        for (int i = 0; i < closes; i++) {
            c[i] = i % 2 == 0 ? 100 : 101;
        }
        return c;
    }

    /** Sample sd of 20 returns ±x with mean 0: sqrt(20 x² / 19). */
    private static final double SIGMA = Math.log(1.01) * Math.sqrt(20.0 / 19.0);

    @Test
    void aThreeSigmaMoveBuiltFromKnownReturnsMeasuresThree() {
        Measurement m = UnusualMove.measure(zigzag(21), 100 * Math.exp(3 * SIGMA), 3.0);
        assertEquals(3.0, m.value(), 1e-9);
        Measurement down = UnusualMove.measure(zigzag(21), 100 * Math.exp(-3 * SIGMA), 3.0);
        assertEquals(3.0, down.value(), 1e-9, "the size of the move, either direction");
    }

    @Test
    void justBelowThreeSigmaByOnePartInAMillionDoesNotTripAndJustAboveTrips() {
        assertFalse(UnusualMove.measure(zigzag(21), 100 * Math.exp(3 * SIGMA * (1 - 1e-6)), 3.0).tripped());
        assertTrue(UnusualMove.measure(zigzag(21), 100 * Math.exp(3 * SIGMA * (1 + 1e-6)), 3.0).tripped());
        assertTrue(UnusualMove.measure(zigzag(21), 100 * Math.exp(5 * SIGMA), 3.0).tripped());
    }

    @Test
    void aMoveExactlyAtTheThresholdTrips() {
        double close = 100 * Math.exp(3 * SIGMA);
        double measured = UnusualMove.measure(zigzag(21), close, 3.0).value();
        assertTrue(UnusualMove.measure(zigzag(21), close, measured).tripped(), "at");
        assertFalse(UnusualMove.measure(zigzag(21), close, Math.nextUp(measured)).tripped(), "just below");
    }

    @Test
    void fewerThanTwentyReturnsOrNoVolatilityIsUndefined() {
        Measurement few = UnusualMove.measure(zigzag(20), 200, 3.0);
        assertFalse(few.defined());
        assertFalse(few.tripped());
        assertTrue(few.reason().contains("19"), few.reason());
        double[] flat = new double[30];
        java.util.Arrays.fill(flat, 100);
        Measurement noSigma = UnusualMove.measure(flat, 200, 3.0);
        assertFalse(noSigma.defined());
        assertFalse(noSigma.tripped());
    }

    @Test
    void onlyTheLastHundredClosesMakeSigma() {
        // 50 wild closes, then 100 zigzag closes: sigma comes from the zigzag only
        double[] c = new double[150];
        for (int i = 0; i < 50; i++) {
            c[i] = i % 2 == 0 ? 50 : 200;
        }
        System.arraycopy(zigzag(100), 0, c, 50, 100);
        // 99 returns ±ln(1.01) ending on 101 (index 99 is odd): 50 of one sign, 49 of the other
        double[] r = new double[99];
        for (int i = 0; i < 99; i++) {
            r[i] = Math.log(c[51 + i] / c[50 + i]);
        }
        double mean = 0;
        for (double x : r) {
            mean += x / 99;
        }
        double ss = 0;
        for (double x : r) {
            ss += (x - mean) * (x - mean);
        }
        double sigma = Math.sqrt(ss / 98);
        Measurement m = UnusualMove.measure(c, 101 * Math.exp(2 * sigma), 3.0);
        assertEquals(2.0, m.value(), 1e-9);
    }

    @Test
    void nonPositivePricesAreRejected() {
        double[] c = zigzag(21);
        c[3] = 0;
        assertThrows(IllegalArgumentException.class, () -> UnusualMove.measure(c, 100, 3.0));
        assertThrows(IllegalArgumentException.class, () -> UnusualMove.measure(zigzag(21), -1, 3.0));
    }
}
