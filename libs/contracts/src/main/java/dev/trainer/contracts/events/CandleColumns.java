package dev.trainer.contracts.events;

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
}
