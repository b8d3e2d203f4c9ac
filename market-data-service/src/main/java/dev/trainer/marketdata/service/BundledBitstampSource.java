package dev.trainer.marketdata.service;

import dev.trainer.domain.market.Candle;
import dev.trainer.domain.market.Timeframe;
import dev.trainer.domain.market.TradeAggregator;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
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
        List<Candle> all = byTimeframe.computeIfAbsent(timeframe,
                tf -> TradeAggregator.aggregate(trades().timeMs, trades().price, trades().amount, tf));
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
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            reader.readLine(); // header: timestamp,price,amount (timestamp in epoch seconds)
            long[] time = new long[100_000];
            double[] price = new double[100_000];
            double[] amount = new double[100_000];
            int n = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split(",");
                if (n == time.length) {
                    time = java.util.Arrays.copyOf(time, n * 2);
                    price = java.util.Arrays.copyOf(price, n * 2);
                    amount = java.util.Arrays.copyOf(amount, n * 2);
                }
                time[n] = Long.parseLong(f[0].trim()) * 1000;
                price[n] = Double.parseDouble(f[1]);
                amount[n] = Double.parseDouble(f[2]);
                n++;
            }
            return new Trades(java.util.Arrays.copyOf(time, n), java.util.Arrays.copyOf(price, n),
                    java.util.Arrays.copyOf(amount, n));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    private record Trades(long[] timeMs, double[] price, double[] amount) {
    }
}
