package dev.trainer.domain.quality;

import dev.trainer.domain.market.Candle;
import java.util.ArrayList;
import java.util.List;

/** Test candles on a 1m grid that no check finds anything wrong with unless their closes say otherwise. */
final class Candles {

    static final long MIN = 60_000L;

    private Candles() {
    }

    /** A traded, non-flat candle at {@code minute} whose open and close are {@code close}. */
    static Candle at(long minute, double close) {
        return new Candle(minute * MIN, close, close * 1.001, close * 0.999, close, 1);
    }

    /** One candle per minute from minute 0, with these closes. */
    static List<Candle> withCloses(double... closes) {
        List<Candle> out = new ArrayList<>();
        for (int i = 0; i < closes.length; i++) {
            out.add(at(i, closes[i]));
        }
        return out;
    }

    /**
     * {@code n} closes from 100 whose log returns alternate in sign and cycle through 7 sizes (1 to 7 tenths of a
     * percent): never two equal closes in a row, a MAD well above 0, and no return near a spike.
     */
    static double[] wiggle(int n) {
        double[] closes = new double[n];
        closes[0] = 100;
        for (int i = 1; i < n; i++) {
            double size = 0.001 * (1 + i % 7);
            closes[i] = closes[i - 1] * Math.exp(i % 2 == 0 ? size : -size);
        }
        return closes;
    }
}
