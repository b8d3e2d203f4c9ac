package dev.trainer.contracts.events;

import java.util.List;

/**
 * Candles in columns, one array per field, all of the same length: compact on the wire and
 * ready for the primitive arrays of the backtest engine. Times are bar open times in epoch
 * milliseconds (UTC); prices in quote currency; volume in base currency.
 */
public record CandleColumns(long[] openTimeMs, double[] open, double[] high, double[] low, double[] close,
        double[] volume) {

    public int size() {
        return openTimeMs.length;
    }

    /** Throws with the first column whose length differs from {@code openTimeMs}. */
    public CandleColumns requireConsistent() {
        int n = openTimeMs.length;
        if (open.length != n || high.length != n || low.length != n || close.length != n || volume.length != n) {
            throw new IllegalArgumentException("candle columns differ in length: openTimeMs=" + n + ", open=" + open.length
                    + ", high=" + high.length + ", low=" + low.length + ", close=" + close.length + ", volume="
                    + volume.length);
        }
        return this;
    }

    /** The chunks' columns one after the other, in the order given. */
    public static CandleColumns concat(List<CandleColumns> chunks) {
        int n = 0;
        for (CandleColumns c : chunks) {
            n += c.requireConsistent().size();
        }
        long[] time = new long[n];
        double[] open = new double[n], high = new double[n], low = new double[n], close = new double[n],
                volume = new double[n];
        int at = 0;
        for (CandleColumns c : chunks) {
            int size = c.size();
            System.arraycopy(c.openTimeMs(), 0, time, at, size);
            System.arraycopy(c.open(), 0, open, at, size);
            System.arraycopy(c.high(), 0, high, at, size);
            System.arraycopy(c.low(), 0, low, at, size);
            System.arraycopy(c.close(), 0, close, at, size);
            System.arraycopy(c.volume(), 0, volume, at, size);
            at += size;
        }
        return new CandleColumns(time, open, high, low, close, volume);
    }
}
