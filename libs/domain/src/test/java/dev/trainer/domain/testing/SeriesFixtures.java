package dev.trainer.domain.testing;

import dev.trainer.domain.market.CandleSeries;
import dev.trainer.domain.market.SyntheticSeries;
import dev.trainer.domain.market.Timeframe;
import dev.trainer.domain.market.Trades;
import dev.trainer.domain.market.TradesCsv;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Test data: seeded random walks with intrabar paths, and the Bitstamp trades bundled in ta4j-examples. */
public final class SeriesFixtures {

    public static final long START_MS = SyntheticSeries.START_MS;

    private SeriesFixtures() {
    }

    /** See {@link SyntheticSeries#randomWalk}. */
    public static CandleSeries randomWalk(int n, long seed, Timeframe tf, double vol) {
        return SyntheticSeries.randomWalk(n, seed, tf, vol);
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
