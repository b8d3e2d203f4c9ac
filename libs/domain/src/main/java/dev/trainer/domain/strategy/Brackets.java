package dev.trainer.domain.strategy;

/** Builds signal sets whose stops and targets are ATR multiples, the common exit of the V3 strategies. */
final class Brackets {

    private Brackets() {
    }

    /**
     * Entries with stop distance = stopAtr * atr[k] and target distance = targetMultiple * stop distance. Entries whose
     * ATR is not positive (warm-up, dead data) cannot size a position and are left out.
     */
    static SignalSet atrBrackets(int[] bars, byte[] sides, double[] atr, double stopAtr, double targetMultiple) {
        int m = bars.length;
        boolean allValid = true;
        for (int k = 0; k < m && allValid; k++) {
            allValid = atr[k] > 0;
        }
        int[] b = bars;
        byte[] s = sides;
        double[] a = atr;
        if (!allValid) {
            int c = 0;
            b = new int[m];
            s = new byte[m];
            a = new double[m];
            for (int k = 0; k < m; k++) {
                if (atr[k] > 0) {
                    b[c] = bars[k];
                    s[c] = sides[k];
                    a[c] = atr[k];
                    c++;
                }
            }
            b = java.util.Arrays.copyOf(b, c);
            s = java.util.Arrays.copyOf(s, c);
            a = java.util.Arrays.copyOf(a, c);
            m = c;
        }
        double[] stops = new double[m];
        double[] targets = new double[m];
        for (int k = 0; k < m; k++) {
            stops[k] = stopAtr * a[k];
            targets[k] = targetMultiple * stops[k];
        }
        return SignalSet.of(b, s, stops, targets, NO_BARS, NO_BARS);
    }

    private static final int[] NO_BARS = new int[0];
}
