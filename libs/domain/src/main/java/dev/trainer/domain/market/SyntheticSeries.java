package dev.trainer.domain.market;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded synthetic candles, for tests and for measuring the engine's throughput (runtime estimates) without real
 * data at hand. Not market data: never trained on.
 */
public final class SyntheticSeries {

    /** A UTC midnight (2023-11-14), where synthetic series start. */
    public static final long START_MS = 1_700_000_000_000L / 86_400_000L * 86_400_000L;

    private SyntheticSeries() {
    }

    /**
     * A random walk of n candles from {@link #START_MS}: each candle is 8 sub-steps of a log-normal walk
     * (volatility per sub-step {@code vol}), with occasional volume bursts and small gaps between a close and the
     * next open, as on real venues. Deterministic for a seed (SplittableRandom's sequence is specified).
     */
    public static CandleSeries randomWalk(int n, long seed, Timeframe tf, double vol) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<Candle> out = new ArrayList<>(n);
        double price = 100.0;
        for (int i = 0; i < n; i++) {
            double open = price;
            double high = open, low = open;
            for (int s = 0; s < 8; s++) {
                price *= Math.exp(vol * gaussian(rng));
                high = Math.max(high, price);
                low = Math.min(low, price);
            }
            double volume = 10 + 5 * rng.nextDouble() + (rng.nextDouble() < 0.05 ? 60 * rng.nextDouble() : 0);
            out.add(new Candle(START_MS + i * tf.durationMs(), open, high, low, price, volume));
            price *= Math.exp(0.2 * vol * gaussian(rng));
        }
        return CandleSeries.of(tf, out);
    }

    // Box-Muller over SplittableRandom: a fixed algorithm, so the series is the same on every JDK
    private static double gaussian(SplittableRandom rng) {
        double u1 = rng.nextDouble(), u2 = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
    }
}
