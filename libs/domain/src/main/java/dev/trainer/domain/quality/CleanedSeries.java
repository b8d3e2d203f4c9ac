package dev.trainer.domain.quality;

import dev.trainer.domain.market.Candle;
import dev.trainer.domain.market.CandleSeries;
import dev.trainer.domain.market.Timeframe;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A series after cleaning: strictly increasing open times, no duplicate, out-of-order or ohlc-invalid row, and one
 * flag mask per candle ({@link CandleFlags}) marking the candles kept with a finding whose policy is flag, and the
 * synthetic candles a forward-fill policy put in. The arrays are owned by this object; the accessors return them
 * without copying, so do not modify them.
 *
 * @param fingerprint {@link SeriesFingerprint} of the candles (flags are not part of it)
 */
public record CleanedSeries(
        Timeframe timeframe,
        long[] openTimeMs,
        double[] open,
        double[] high,
        double[] low,
        double[] close,
        double[] volume,
        int[] flags,
        String fingerprint) {

    public int size() {
        return openTimeMs.length;
    }

    public boolean isEmpty() {
        return openTimeMs.length == 0;
    }

    /** How many kept candles carry the given flag bit. */
    public int countFlagged(int flag) {
        int count = 0;
        for (int f : flags) {
            if ((f & flag) != 0) {
                count++;
            }
        }
        return count;
    }

    public Candle candle(int i) {
        return new Candle(openTimeMs[i], open[i], high[i], low[i], close[i], volume[i]);
    }

    public List<Candle> candles() {
        List<Candle> out = new ArrayList<>(size());
        for (int i = 0; i < size(); i++) {
            out.add(candle(i));
        }
        return out;
    }

    /** The kept candles as a {@link CandleSeries} (for a backtest). */
    public CandleSeries toCandleSeries() {
        return CandleSeries.ofColumns(timeframe, openTimeMs, open, high, low, close, volume);
    }

    /** Copies of the columns of candles [from, to), for sending the series in chunks. */
    public Slice slice(int fromInclusive, int toExclusive) {
        if (fromInclusive < 0 || toExclusive > size() || fromInclusive > toExclusive) {
            throw new IndexOutOfBoundsException("slice [" + fromInclusive + ", " + toExclusive + ") of a series of "
                    + size() + " candles");
        }
        return new Slice(Arrays.copyOfRange(openTimeMs, fromInclusive, toExclusive),
                Arrays.copyOfRange(open, fromInclusive, toExclusive), Arrays.copyOfRange(high, fromInclusive, toExclusive),
                Arrays.copyOfRange(low, fromInclusive, toExclusive), Arrays.copyOfRange(close, fromInclusive, toExclusive),
                Arrays.copyOfRange(volume, fromInclusive, toExclusive), Arrays.copyOfRange(flags, fromInclusive, toExclusive));
    }

    /** Part of a cleaned series, column-wise. */
    public record Slice(long[] openTimeMs, double[] open, double[] high, double[] low, double[] close, double[] volume,
            int[] flags) {
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CleanedSeries other && timeframe == other.timeframe
                && Arrays.equals(openTimeMs, other.openTimeMs) && Arrays.equals(open, other.open)
                && Arrays.equals(high, other.high) && Arrays.equals(low, other.low)
                && Arrays.equals(close, other.close) && Arrays.equals(volume, other.volume)
                && Arrays.equals(flags, other.flags) && fingerprint.equals(other.fingerprint);
    }

    @Override
    public int hashCode() {
        return fingerprint.hashCode();
    }

    @Override
    public String toString() {
        return "CleanedSeries[" + timeframe.label() + ", " + size() + " candles, fingerprint " + fingerprint + "]";
    }
}
