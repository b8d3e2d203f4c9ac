package dev.trainer.domain.indicators;

import java.util.Arrays;

/**
 * Where one series crosses another, with ta4j's CrossIndicator semantics: a is said to cross above b at i when
 * a[i] &gt; b[i] and, at the last index j &lt; i where a[j] != b[j], a[j] &lt; b[j] (index 0 counts even when equal,
 * in which case there is no cross). Crossing below is symmetric.
 */
public final class Crossings {

    private Crossings() {
    }

    /**
     * Returns {crossUps, crossDowns}: sorted indices &gt;= firstIndex at which a crosses above / below b.
     * One pass, O(n).
     */
    public static int[][] crossUpsAndDowns(double[] a, double[] b, int firstIndex) {
        int n = Math.min(a.length, b.length);
        int[] ups = new int[16], downs = new int[16];
        int nu = 0, nd = 0;
        // state = the last non-zero sign of a - b seen so far (0 while a == b since index 0: no cross possible yet)
        int state = n > 0 ? sign(a[0], b[0]) : 0;
        int i = 1;
        while (state == 0 && i < n) {
            state = sign(a[i], b[i]);
            i++;
        }
        // Scan for the next strict change of side; equal values keep the state (ta4j skips them). The inner loops
        // are branch-predictable searches, which is what makes this cheap enough to run per backtest.
        while (i < n) {
            if (state > 0) {
                while (i < n && !(a[i] < b[i])) {
                    i++;
                }
                if (i == n) {
                    break;
                }
                if (i >= firstIndex) {
                    if (nd == downs.length) {
                        downs = Arrays.copyOf(downs, nd * 2);
                    }
                    downs[nd++] = i;
                }
                state = -1;
            } else {
                while (i < n && !(a[i] > b[i])) {
                    i++;
                }
                if (i == n) {
                    break;
                }
                if (i >= firstIndex) {
                    if (nu == ups.length) {
                        ups = Arrays.copyOf(ups, nu * 2);
                    }
                    ups[nu++] = i;
                }
                state = 1;
            }
            i++;
        }
        return new int[][] {Arrays.copyOf(ups, nu), Arrays.copyOf(downs, nd)};
    }

    private static int sign(double a, double b) {
        return a > b ? 1 : (a < b ? -1 : 0);
    }
}
