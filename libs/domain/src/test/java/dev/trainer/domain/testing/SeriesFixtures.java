package dev.trainer.domain.testing;

import dev.trainer.domain.market.Candle;
import dev.trainer.domain.market.CandleSeries;
import dev.trainer.domain.market.Timeframe;
import dev.trainer.domain.market.Trades;
import dev.trainer.domain.market.TradesCsv;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Test data: seeded random walks with intrabar paths, and the Bitstamp trades bundled in ta4j-examples. */
public final class SeriesFixtures {

    public static final long START_MS = 1_700_000_000_000L / 86_400_000L * 86_400_000L; // a UTC midnight

    private SeriesFixtures() {
    }

    /**
     * A random walk of n candles: each candle is 8 sub-steps of a log-normal walk (volatility per sub-step
     * {@code vol}), with occasional volume bursts. Deterministic for a seed.
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
            // small random gap between close and next open, as on real venues
            price *= Math.exp(0.2 * vol * gaussian(rng));
        }
        return CandleSeries.of(tf, out);
    }

    private static double gaussian(SplittableRandom rng) {
        // Box-Muller: SplittableRandom has no nextGaussian before Java 17's RandomGenerator default; this is stable
        double u1 = rng.nextDouble(), u2 = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
    }

    /** Trades of ta4j-examples' bitstamp_trades_from_20131125_usd.csv. */
    public static Trades bitstampTrades() {
        try (InputStream in = SeriesFixtures.class.getResourceAsStream("/bitstamp_trades_from_20131125_usd.csv")) {
            if (in == null) {
                throw new IllegalStateException("bitstamp_trades_from_20131125_usd.csv not on the test classpath");
            }
            return TradesCsv.parse(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static CandleSeries bitstamp(Timeframe tf) {
        return CandleSeries.of(tf, bitstampTrades().candles(tf));
    }
}
