package dev.trainer.domain.market;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * An immutable, time-ordered run of candles of one timeframe, stored column-wise in primitive arrays so that
 * indicators and the backtest loop read doubles, not objects.
 *
 * <p>Only strictly increasing open times are enforced. Gaps (missing candles), zero volume and flat candles are
 * allowed here on purpose: detecting and reporting them is the cleaning step's job, and a backtest must be able to
 * run on whatever the cleaning step accepted.
 */
public final class CandleSeries {

    private final Timeframe timeframe;
    private final long[] openTimeMs;
    private final double[] open;
    private final double[] high;
    private final double[] low;
    private final double[] close;
    private final double[] volume;

    private CandleSeries(Timeframe timeframe, long[] openTimeMs, double[] open, double[] high, double[] low,
            double[] close, double[] volume) {
        this.timeframe = timeframe;
        this.openTimeMs = openTimeMs;
        this.open = open;
        this.high = high;
        this.low = low;
        this.close = close;
        this.volume = volume;
    }

    /**
     * Builds a series from candles. Throws IllegalArgumentException naming the first offending index if open times
     * are not strictly increasing or a price or volume is not a finite number.
     */
    public static CandleSeries of(Timeframe timeframe, List<Candle> candles) {
        Objects.requireNonNull(timeframe, "timeframe");
        Objects.requireNonNull(candles, "candles");
        OhlcvColumns cols = OhlcvColumns.of(candles);
        return validated(timeframe, cols.openTimeMs(), cols.open(), cols.high(), cols.low(), cols.close(), cols.volume());
    }

    /** Builds a series from columns (copied). Same validation as {@link #of(Timeframe, List)}. */
    public static CandleSeries ofColumns(Timeframe timeframe, long[] openTimeMs, double[] open, double[] high,
            double[] low, double[] close, double[] volume) {
        Objects.requireNonNull(timeframe, "timeframe");
        int n = openTimeMs.length;
        if (open.length != n || high.length != n || low.length != n || close.length != n || volume.length != n) {
            throw new IllegalArgumentException("column lengths differ: time=" + n + ", open=" + open.length + ", high="
                    + high.length + ", low=" + low.length + ", close=" + close.length + ", volume=" + volume.length);
        }
        return validated(timeframe, openTimeMs.clone(), open.clone(), high.clone(), low.clone(), close.clone(),
                volume.clone());
    }

    private static CandleSeries validated(Timeframe tf, long[] t, double[] o, double[] h, double[] l, double[] c,
            double[] v) {
        for (int i = 0; i < t.length; i++) {
            if (i > 0 && t[i] <= t[i - 1]) {
                throw new IllegalArgumentException("open times must be strictly increasing: candle at index " + i
                        + " has openTimeMs " + t[i] + " but the previous one has " + t[i - 1]);
            }
            if (!Double.isFinite(o[i]) || !Double.isFinite(h[i]) || !Double.isFinite(l[i])
                    || !Double.isFinite(c[i]) || !Double.isFinite(v[i])) {
                throw new IllegalArgumentException("candle at index " + i + " has a non-finite value: open=" + o[i]
                        + " high=" + h[i] + " low=" + l[i] + " close=" + c[i] + " volume=" + v[i]);
            }
        }
        return new CandleSeries(tf, t, o, h, l, c, v);
    }

    public Timeframe timeframe() {
        return timeframe;
    }

    public int size() {
        return openTimeMs.length;
    }

    public boolean isEmpty() {
        return openTimeMs.length == 0;
    }

    public long openTimeMs(int i) {
        return openTimeMs[i];
    }

    public double open(int i) {
        return open[i];
    }

    public double high(int i) {
        return high[i];
    }

    public double low(int i) {
        return low[i];
    }

    public double close(int i) {
        return close[i];
    }

    public double volume(int i) {
        return volume[i];
    }

    /** The end (exclusive) of candle i's interval: open time plus the timeframe's duration. */
    public long closeTimeMs(int i) {
        return openTimeMs[i] + timeframe.durationMs();
    }

    public Candle candle(int i) {
        return new Candle(openTimeMs[i], open[i], high[i], low[i], close[i], volume[i]);
    }

    /** A read-only list view; candles are created on access. */
    public List<Candle> candles() {
        return new AbstractList<>() {
            @Override
            public Candle get(int index) {
                return candle(index);
            }

            @Override
            public int size() {
                return openTimeMs.length;
            }
        };
    }

    public CandleSeries slice(int fromInclusive, int toExclusive) {
        if (fromInclusive < 0 || toExclusive > size() || fromInclusive > toExclusive) {
            throw new IndexOutOfBoundsException("slice [" + fromInclusive + ", " + toExclusive + ") of a series of "
                    + size() + " candles");
        }
        return new CandleSeries(timeframe, Arrays.copyOfRange(openTimeMs, fromInclusive, toExclusive),
                Arrays.copyOfRange(open, fromInclusive, toExclusive), Arrays.copyOfRange(high, fromInclusive, toExclusive),
                Arrays.copyOfRange(low, fromInclusive, toExclusive), Arrays.copyOfRange(close, fromInclusive, toExclusive),
                Arrays.copyOfRange(volume, fromInclusive, toExclusive));
    }

    /** Candles whose open time lies in [fromMsInclusive, toMsExclusive). */
    public CandleSeries between(long fromMsInclusive, long toMsExclusive) {
        int from = lowerBound(fromMsInclusive);
        int to = Math.max(from, lowerBound(toMsExclusive));
        return slice(from, to);
    }

    /** Index of the first candle whose open time is >= timeMs (size() if none). */
    public int lowerBound(long timeMs) {
        int lo = 0, hi = openTimeMs.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (openTimeMs[mid] < timeMs) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    // Direct column access for the engine and the indicators. The arrays are shared, never modify them.
    public long[] openTimeArray() {
        return openTimeMs;
    }

    public double[] openArray() {
        return open;
    }

    public double[] highArray() {
        return high;
    }

    public double[] lowArray() {
        return low;
    }

    public double[] closeArray() {
        return close;
    }

    public double[] volumeArray() {
        return volume;
    }

    @Override
    public String toString() {
        return "CandleSeries[" + timeframe.label() + ", " + size() + " candles"
                + (isEmpty() ? "" : ", " + openTimeMs[0] + ".." + openTimeMs[size() - 1]) + "]";
    }
}
