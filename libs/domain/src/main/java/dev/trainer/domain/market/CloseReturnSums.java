package dev.trainer.domain.market;

/**
 * Prefix sums of a series' close-to-close returns {@code r[b] = close[b] / close[b-1] - 1} (0 for bar 0 and after a
 * close &lt;= 0), of their squares and of the squares of their negative parts.
 *
 * <p>Why: a long position that holds all equity is worth a fixed quantity times the close, so its per-bar returns
 * are the series' own close-to-close returns. The backtester then adds a whole holding period's return moments in
 * O(1) instead of dividing bar by bar, which is most of an all-in strategy's cost (SMA_CROSSOVER).
 */
public final class CloseReturnSums {

    private final double[] sum;
    private final double[] sumOfSquares;
    private final double[] sumOfDownsideSquares;

    private CloseReturnSums(double[] sum, double[] sumOfSquares, double[] sumOfDownsideSquares) {
        this.sum = sum;
        this.sumOfSquares = sumOfSquares;
        this.sumOfDownsideSquares = sumOfDownsideSquares;
    }

    public static CloseReturnSums of(CandleSeries series) {
        double[] close = series.closeArray();
        int n = close.length;
        double[] s = new double[n + 1], s2 = new double[n + 1], d2 = new double[n + 1];
        for (int b = 0; b < n; b++) {
            double r = b > 0 && close[b - 1] > 0 ? close[b] / close[b - 1] - 1 : 0;
            s[b + 1] = s[b] + r;
            s2[b + 1] = s2[b] + r * r;
            d2[b + 1] = d2[b] + (r < 0 ? r * r : 0);
        }
        return new CloseReturnSums(s, s2, d2);
    }

    /** Sum of r[b] for from &lt;= b &lt; to. */
    public double sum(int from, int to) {
        return sum[to] - sum[from];
    }

    /** Sum of r[b]^2 for from &lt;= b &lt; to. */
    public double sumOfSquares(int from, int to) {
        return sumOfSquares[to] - sumOfSquares[from];
    }

    /** Sum of min(r[b], 0)^2 for from &lt;= b &lt; to. */
    public double sumOfDownsideSquares(int from, int to) {
        return sumOfDownsideSquares[to] - sumOfDownsideSquares[from];
    }
}
