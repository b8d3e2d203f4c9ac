package dev.trainer.domain.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ReturnCorrelationTest {

    private static final long DAY = 86_400_000L;
    private static final long DAY0 = 1_704_067_200_000L; // 2024-01-01T00:00Z

    private static long[] days(int... offsets) {
        long[] d = new long[offsets.length];
        for (int i = 0; i < offsets.length; i++) {
            d[i] = DAY0 + offsets[i] * DAY;
        }
        return d;
    }

    private static int[] range(int from, int count) {
        int[] r = new int[count];
        for (int i = 0; i < count; i++) {
            r[i] = from + i;
        }
        return r;
    }

    @Test
    void handComputedThreeDayCorrelationIsOneHalf() {
        // dx = (-1, 0, 1), dy = (-1, 1, 0): Sxy = 1, Sxx = Syy = 2, r = 1 / 2
        double r = ReturnCorrelation.rolling(days(0, 1, 2), new double[] {0.01, 0.02, 0.03},
                days(0, 1, 2), new double[] {0.01, 0.03, 0.02}, 30, 2);
        assertEquals(0.5, r, 1e-12);
    }

    @Test
    void proportionalStreamsCorrelateOneAndMirroredMinusOne() {
        long[] d = days(range(0, 12));
        double[] a = new double[12];
        double[] twice = new double[12];
        double[] negated = new double[12];
        for (int i = 0; i < 12; i++) {
            a[i] = Math.sin(i) / 100;
            twice[i] = 2 * a[i];
            negated[i] = -a[i];
        }
        assertEquals(1.0, ReturnCorrelation.rolling(d, a, d, twice, 30, 10), 1e-12);
        assertEquals(-1.0, ReturnCorrelation.rolling(d, a, d, negated, 30, 10), 1e-12);
        assertTrue(ReturnCorrelation.rolling(d, a, d, twice, 30, 10) <= 1);
    }

    @Test
    void onlyDaysPresentInBothStreamsCountAndMissingDaysAreNotZeroFilled() {
        // A trades days 0..5, B days 2..7 with day 4 missing: common days 2, 3, 5
        long[] daysA = days(0, 1, 2, 3, 4, 5);
        double[] a = {0.50, -0.70, 0.01, 0.02, 0.90, 0.03};
        long[] daysB = days(2, 3, 5, 6, 7);
        double[] b = {0.01, 0.03, 0.02, 0.40, -0.40};
        // common pairs (0.01, 0.01), (0.02, 0.03), (0.03, 0.02): the one-half case above
        assertEquals(0.5, ReturnCorrelation.rolling(daysA, a, daysB, b, 30, 3), 1e-12);
        assertTrue(Double.isNaN(ReturnCorrelation.rolling(daysA, a, daysB, b, 30, 4)));
    }

    @Test
    void fewerThanTheMinimumCommonDaysIsUndefined() {
        double[] a = new double[10];
        double[] b = new double[10];
        for (int i = 0; i < 10; i++) {
            a[i] = (i % 3) / 100.0;
            b[i] = (i % 4) / 100.0;
        }
        long[] d = days(range(0, 10));
        assertTrue(Double.isFinite(ReturnCorrelation.rolling(d, a, d, b, 30, 10)), "10 common days is enough");
        long[] nine = days(range(0, 9));
        double[] a9 = java.util.Arrays.copyOf(a, 9);
        double[] b9 = java.util.Arrays.copyOf(b, 9);
        assertTrue(Double.isNaN(ReturnCorrelation.rolling(nine, a9, nine, b9, 30, 10)), "9 common days is not");
    }

    @Test
    void onlyTheLastWindowDaysCount() {
        // 40 common days: the first 10 perfectly anti-correlated, the last 30 perfectly correlated
        int n = 40;
        long[] d = days(range(0, n));
        double[] a = new double[n];
        double[] b = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = Math.sin(1.7 * i) / 100;
            b[i] = i < 10 ? -a[i] : a[i];
        }
        assertEquals(1.0, ReturnCorrelation.rolling(d, a, d, b, 30, 10), 1e-12);
        double all40 = ReturnCorrelation.rolling(d, a, d, b, 40, 10);
        assertTrue(all40 < 0.9, "the anti-correlated days pull the 40-day value down: " + all40);
        // a newer day only A has does not push a common day out of the window
        long[] dA = days(range(0, n + 1));
        double[] a41 = java.util.Arrays.copyOf(a, n + 1);
        a41[n] = 0.5;
        assertEquals(1.0, ReturnCorrelation.rolling(dA, a41, d, b, 30, 10), 1e-12);
    }

    @Test
    void aStreamWithoutVarianceIsUndefined() {
        long[] d = days(range(0, 12));
        double[] flat = new double[12];
        java.util.Arrays.fill(flat, 0.1);
        double[] moving = new double[12];
        for (int i = 0; i < 12; i++) {
            moving[i] = i / 100.0;
        }
        assertTrue(Double.isNaN(ReturnCorrelation.rolling(d, flat, d, moving, 30, 10)));
    }

    @Test
    void badStreamsAreRejected() {
        double[] r = {0.1, 0.2};
        assertThrows(IllegalArgumentException.class,
                () -> ReturnCorrelation.rolling(days(1, 0), r, days(0, 1), r, 30, 2), "descending days");
        assertThrows(IllegalArgumentException.class,
                () -> ReturnCorrelation.rolling(new long[] {DAY0, DAY0 + DAY + 1}, r, days(0, 1), r, 30, 2),
                "not 00:00 UTC");
        assertThrows(IllegalArgumentException.class,
                () -> ReturnCorrelation.rolling(days(0), r, days(0, 1), r, 30, 2), "length mismatch");
        assertThrows(IllegalArgumentException.class,
                () -> ReturnCorrelation.rolling(days(0, 1), r, days(0, 1), r, 30, 31), "min above window");
    }
}
