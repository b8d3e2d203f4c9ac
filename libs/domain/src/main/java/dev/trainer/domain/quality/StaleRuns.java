package dev.trainer.domain.quality;

/**
 * Runs of identical closes: a feed that keeps repeating the last price (the diagnosis's "stuck" candles) shows as
 * many consecutive candles with exactly the same close. The first candle of a run is a real price; the repeats are
 * what cannot be trusted, so those are the ones found.
 */
final class StaleRuns {

    private StaleRuns() {
    }

    /**
     * Marks every candle after the first of each run of at least {@code minRunCandles} consecutive equal closes
     * (a run of minRunCandles - 1 marks nothing, a run of minRunCandles marks minRunCandles - 1).
     *
     * @param close closes in time order, all finite
     */
    static boolean[] find(double[] close, int minRunCandles) {
        if (minRunCandles < 2) {
            throw new IllegalArgumentException("a run needs at least 2 candles, got " + minRunCandles);
        }
        int n = close.length;
        boolean[] stale = new boolean[n];
        int runStart = 0;
        for (int i = 1; i <= n; i++) {
            if (i == n || close[i] != close[runStart]) {
                if (i - runStart >= minRunCandles) {
                    for (int k = runStart + 1; k < i; k++) {
                        stale[k] = true;
                    }
                }
                runStart = i;
            }
        }
        return stale;
    }
}
