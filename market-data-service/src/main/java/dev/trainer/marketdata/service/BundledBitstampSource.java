package dev.trainer.marketdata.service;

import dev.trainer.domain.market.Candle;
import dev.trainer.domain.market.Timeframe;
import dev.trainer.domain.market.Trades;
import dev.trainer.domain.market.TradesCsv;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The offline exchange {@code bitstamp-2013}: 100,000 real BTC/USD trades recorded on Bitstamp from 25 November
 * to 1 December 2013, shipped inside {@code org.ta4j:ta4j-examples:0.18}, aggregated here into candles. It lets the
 * demo and the tests train on real market data on machines that cannot reach an exchange.
 */
@ApplicationScoped
public class BundledBitstampSource implements CandleSource {

    public static final String EXCHANGE = "bitstamp-2013";
    public static final String PAIR = "BTC/USD";
    static final String RESOURCE = "bitstamp_trades_from_20131125_usd.csv";
    private static final Set<Timeframe> TIMEFRAMES = Set.of(Timeframe.M1, Timeframe.M5, Timeframe.M15, Timeframe.H1);

    private final Map<Timeframe, List<Candle>> byTimeframe = new EnumMap<>(Timeframe.class);
    private Trades trades;

    @Override
    public String exchange() {
        return EXCHANGE;
    }

    @Override
    public Set<String> pairs() {
        return Set.of(PAIR);
    }

    @Override
    public Set<Timeframe> timeframes() {
        return TIMEFRAMES;
    }

    @Override
    public synchronized List<Candle> candles(String pair, Timeframe timeframe, Instant from, Instant until) {
        List<Candle> all = byTimeframe.computeIfAbsent(timeframe, tf -> trades().candles(tf));
        long fromMs = from.toEpochMilli();
        long untilMs = until.toEpochMilli();
        return all.stream().filter(c -> c.openTimeMs() >= fromMs && c.openTimeMs() < untilMs).toList();
    }

    /** True when the dataset is on the classpath; readiness reports it. */
    public boolean available() {
        return Thread.currentThread().getContextClassLoader().getResource(RESOURCE) != null
                || BundledBitstampSource.class.getClassLoader().getResource(RESOURCE) != null;
    }

    private Trades trades() {
        if (trades == null) {
            trades = readTrades();
        }
        return trades;
    }

    private static Trades readTrades() {
        InputStream in = BundledBitstampSource.class.getClassLoader().getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IllegalStateException(RESOURCE + " is not on the classpath (it comes with org.ta4j:ta4j-examples:0.18)");
        }
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return TradesCsv.parse(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
