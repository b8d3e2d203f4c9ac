package dev.trainer.domain.market;

import java.util.List;

/**
 * Candles as parallel primitive arrays (open time in epoch ms, OHLC, volume), in the order given. Unlike
 * {@link CandleSeries} it checks nothing about order, so it also carries data still to be checked.
 */
public record OhlcvColumns(long[] openTimeMs, double[] open, double[] high, double[] low, double[] close,
        double[] volume) {

    /** Throws, naming the index, on a null candle. */
    public static OhlcvColumns of(List<Candle> candles) {
        int n = candles.size();
        long[] t = new long[n];
        double[] o = new double[n], h = new double[n], l = new double[n], c = new double[n], v = new double[n];
        int i = 0;
        for (Candle candle : candles) {
            if (candle == null) {
                throw new IllegalArgumentException("candle at index " + i + " is null");
            }
            t[i] = candle.openTimeMs();
            o[i] = candle.open();
            h[i] = candle.high();
            l[i] = candle.low();
            c[i] = candle.close();
            v[i] = candle.volume();
            i++;
        }
        return new OhlcvColumns(t, o, h, l, c, v);
    }

    public int size() {
        return openTimeMs.length;
    }
}
