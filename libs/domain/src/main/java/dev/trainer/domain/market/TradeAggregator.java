package dev.trainer.domain.market;

import java.util.ArrayList;
import java.util.List;

/** Turns individual trades into OHLCV candles. */
public final class TradeAggregator {

    private TradeAggregator() {
    }

    /**
     * Aggregates trades into candles aligned to UTC multiples of the timeframe. Open is the first trade's price,
     * close the last one's, volume the sum of amounts. Only intervals that contain at least one trade produce a
     * candle: gaps stay gaps so that the cleaning step can see and report them instead of trading on invented prices.
     *
     * @throws IllegalArgumentException if the arrays differ in length, times decrease, or a price/amount is invalid
     */
    public static List<Candle> aggregate(long[] tradeTimeMs, double[] price, double[] amount, Timeframe tf) {
        if (tradeTimeMs.length != price.length || price.length != amount.length) {
            throw new IllegalArgumentException("array lengths differ: times=" + tradeTimeMs.length + ", prices="
                    + price.length + ", amounts=" + amount.length);
        }
        List<Candle> candles = new ArrayList<>();
        int n = tradeTimeMs.length;
        long bucket = Long.MIN_VALUE;
        double o = 0, h = 0, l = 0, c = 0, v = 0;
        for (int i = 0; i < n; i++) {
            if (i > 0 && tradeTimeMs[i] < tradeTimeMs[i - 1]) {
                throw new IllegalArgumentException("trade times must be non-decreasing: trade at index " + i + " ("
                        + tradeTimeMs[i] + ") is earlier than the previous one (" + tradeTimeMs[i - 1] + ")");
            }
            double p = price[i];
            double a = amount[i];
            if (!Double.isFinite(p) || p <= 0) {
                throw new IllegalArgumentException("trade at index " + i + " has invalid price " + p);
            }
            if (!Double.isFinite(a) || a < 0) {
                throw new IllegalArgumentException("trade at index " + i + " has invalid amount " + a);
            }
            long b = tf.alignDown(tradeTimeMs[i]);
            if (b != bucket) {
                if (bucket != Long.MIN_VALUE) {
                    candles.add(new Candle(bucket, o, h, l, c, v));
                }
                bucket = b;
                o = h = l = c = p;
                v = 0;
            }
            if (p > h) {
                h = p;
            }
            if (p < l) {
                l = p;
            }
            c = p;
            v += a;
        }
        if (bucket != Long.MIN_VALUE) {
            candles.add(new Candle(bucket, o, h, l, c, v));
        }
        return candles;
    }
}
