package dev.trainer.domain.indicators;

/**
 * Swing lows and highs: a bar whose low (high) is strictly below (above) the lows (highs) of the {@code order} bars
 * on each side, like scipy's argrelextrema(np.less / np.greater, order) that the plan used. A swing at k is only
 * known once bar k + order has closed; callers must respect that (see {@link #isKnownAt}).
 */
public final class SwingPoints {

    private SwingPoints() {
    }

    public static boolean[] lows(double[] low, int order) {
        return extremes(low, order, true);
    }

    public static boolean[] highs(double[] high, int order) {
        return extremes(high, order, false);
    }

    /** True if a swing at bar k has been confirmed by the close of bar i. */
    public static boolean isKnownAt(int k, int i, int order) {
        return k + order <= i;
    }

    private static boolean[] extremes(double[] x, int order, boolean lows) {
        int n = x.length;
        boolean[] out = new boolean[n];
        for (int k = order; k + order < n; k++) {
            boolean ok = true;
            for (int j = 1; j <= order && ok; j++) {
                ok = lows ? (x[k] < x[k - j] && x[k] < x[k + j]) : (x[k] > x[k - j] && x[k] > x[k + j]);
            }
            out[k] = ok;
        }
        return out;
    }
}
