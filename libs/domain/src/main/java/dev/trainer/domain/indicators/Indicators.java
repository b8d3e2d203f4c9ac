package dev.trainer.domain.indicators;

import java.util.Arrays;

/**
 * Technical indicators over primitive arrays. Every output value at index i depends only on inputs at indices
 * &lt;= i (causal), which is what makes signals computed on a full series identical to signals computed on the
 * series truncated at i. Values that cannot be computed yet (warm-up) are {@code NaN} unless stated otherwise.
 */
public final class Indicators {

    private Indicators() {
    }

    /**
     * Simple moving average with ta4j's convention for the first {@code period - 1} values: they average the
     * values available so far (index 0 averages one value). That convention matters only because the crossing
     * rules look back through equal values exactly like ta4j's CrossIndicator; strategies never signal before
     * {@code period}.
     *
     * <p>Uses a running sum added and subtracted in the same order as ta4j's RunningTotalIndicator.
     */
    public static double[] sma(double[] x, int period) {
        requirePeriod(period);
        int n = x.length;
        double[] out = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum = sum + x[i];
            if (i >= period) {
                sum = sum - x[i - period];
            }
            out[i] = sum / Math.min(period, i + 1);
        }
        return out;
    }

    /**
     * Mean of the {@code period} values before i (excluding i): the "normal" level a value at i is compared with,
     * e.g. for volume spikes. NaN for i &lt; period.
     */
    public static double[] trailingMeanExcludingCurrent(double[] x, int period) {
        requirePeriod(period);
        int n = x.length;
        double[] out = new double[n];
        Arrays.fill(out, Double.NaN);
        double sum = 0;
        for (int i = 0; i < n; i++) {
            if (i >= period) {
                out[i] = sum / period;
                sum -= x[i - period];
            }
            sum += x[i];
        }
        return out;
    }

    /**
     * Wilder's RSI. Gains and losses are the close-to-close changes; the first average is the simple mean of the
     * first {@code period} changes (available at index {@code period}), then Wilder smoothing
     * {@code avg = (avg * (period - 1) + current) / period}. RSI = 100 - 100 / (1 + avgGain / avgLoss);
     * 100 when there are no losses, 50 when price did not move at all. NaN before index {@code period}.
     */
    public static double[] wilderRsi(double[] close, int period) {
        requirePeriod(period);
        int n = close.length;
        double[] out = new double[n];
        Arrays.fill(out, Double.NaN);
        if (n <= period) {
            return out;
        }
        double gain = 0, loss = 0;
        for (int i = 1; i <= period; i++) {
            double ch = close[i] - close[i - 1];
            if (ch > 0) {
                gain += ch;
            } else {
                loss -= ch;
            }
        }
        gain /= period;
        loss /= period;
        out[period] = rsi(gain, loss);
        for (int i = period + 1; i < n; i++) {
            double ch = close[i] - close[i - 1];
            gain = (gain * (period - 1) + Math.max(ch, 0)) / period;
            loss = (loss * (period - 1) + Math.max(-ch, 0)) / period;
            out[i] = rsi(gain, loss);
        }
        return out;
    }

    private static double rsi(double avgGain, double avgLoss) {
        if (avgLoss == 0) {
            return avgGain == 0 ? 50.0 : 100.0;
        }
        return 100.0 - 100.0 / (1.0 + avgGain / avgLoss);
    }

    /** True range: max(high - low, |high - previous close|, |low - previous close|); index 0 uses high - low. */
    public static double[] trueRange(double[] high, double[] low, double[] close) {
        int n = high.length;
        double[] tr = new double[n];
        for (int i = 0; i < n; i++) {
            double range = high[i] - low[i];
            if (i > 0) {
                double pc = close[i - 1];
                range = Math.max(range, Math.max(Math.abs(high[i] - pc), Math.abs(low[i] - pc)));
            }
            tr[i] = range;
        }
        return tr;
    }

    /**
     * Wilder's average true range: the first value (index {@code period - 1}) is the mean of the first
     * {@code period} true ranges, then {@code atr = (atr * (period - 1) + tr) / period}. NaN before.
     */
    public static double[] wilderAtr(double[] high, double[] low, double[] close, int period) {
        requirePeriod(period);
        double[] tr = trueRange(high, low, close);
        int n = tr.length;
        double[] out = new double[n];
        Arrays.fill(out, Double.NaN);
        if (n < period) {
            return out;
        }
        double sum = 0;
        for (int i = 0; i < period; i++) {
            sum += tr[i];
        }
        double atr = sum / period;
        out[period - 1] = atr;
        for (int i = period; i < n; i++) {
            atr = (atr * (period - 1) + tr[i]) / period;
            out[i] = atr;
        }
        return out;
    }

    /** Lowest value of the {@code period} values before i (excluding i). NaN for i &lt; period. */
    public static double[] trailingMinExcludingCurrent(double[] x, int period) {
        return trailingExtremeExcludingCurrent(x, period, true);
    }

    /** Highest value of the {@code period} values before i (excluding i). NaN for i &lt; period. */
    public static double[] trailingMaxExcludingCurrent(double[] x, int period) {
        return trailingExtremeExcludingCurrent(x, period, false);
    }

    // monotonic deque: O(n) whatever the period
    private static double[] trailingExtremeExcludingCurrent(double[] x, int period, boolean min) {
        requirePeriod(period);
        int n = x.length;
        double[] out = new double[n];
        Arrays.fill(out, Double.NaN);
        int[] dq = new int[n];
        int head = 0, tail = 0;
        for (int i = 0; i < n; i++) {
            // the window for i is [i - period, i - 1]
            while (head < tail && dq[head] < i - period) {
                head++;
            }
            if (i >= period) {
                out[i] = x[dq[head]];
            }
            while (head < tail && (min ? x[dq[tail - 1]] >= x[i] : x[dq[tail - 1]] <= x[i])) {
                tail--;
            }
            dq[tail++] = i;
        }
        return out;
    }

    private static void requirePeriod(int period) {
        if (period < 1) {
            throw new IllegalArgumentException("period must be >= 1, was " + period);
        }
    }
}
