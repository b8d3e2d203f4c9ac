package dev.trainer.marketdata.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@ConfigMapping(prefix = "market-data")
public interface MarketDataConfig {

    /** Candles per candles.raw record; 2,000 candles stay well under Kafka's default 1 MiB record limit. */
    @WithDefault("2000")
    int chunkSizeCandles();

    /**
     * After start, the bundled dataset is aggregated into candles and a request's path through JSON is run for this
     * long before the service reports ready ({@code MarketDataWarmUp}); 0 turns it off (the tests).
     */
    @WithDefault("2s")
    Duration warmUp();

    /**
     * The exchanges reached through XChange, by the names users write (binance, binance-us, kraken, coinbase,
     * bitstamp). Every one is a source unless disabled; none is called until a training request, a fetch or a
     * scheduled series asks for it.
     */
    Map<String, Exchange> exchanges();

    interface Exchange {

        /** The exchange's REST address; a mirror's, or a test server's. Default: the exchange's own. */
        Optional<String> baseUrl();

        /** Default: a rate well inside the exchange's documented limit (SupportedExchange). */
        Optional<Double> requestsPerSecond();

        @WithDefault("true")
        boolean enabled();
    }

    /** Series the scheduler keeps up to date, as {@code exchange:BASE/QUOTE:timeframe}, e.g. binance:BTC/USDT:1h. */
    Optional<List<String>> scheduledSeries();

    /** How far back the scheduler keeps each scheduled series. */
    @WithDefault("P30D")
    Duration scheduledHistory();

    /** How often the scheduler runs (Quarkus' {@code every} syntax: 15m, 1h); {@code off} disables it. */
    @WithDefault("15m")
    String scheduleEvery();

    /** How a page is retried after a 429/418 or a transient failure, and the longest wait accepted. */
    Fetch fetch();

    interface Fetch {

        @WithDefault("5")
        int maxAttempts();

        @WithDefault("1000")
        long firstBackoffMs();

        @WithDefault("60")
        long maxRetryWaitSeconds();

        /**
         * The most candles fetched and then stored in one transaction; a missing range longer than this is fetched in
         * slices, each stored with its coverage once all of its pages have arrived.
         */
        @WithDefault("50000")
        int sliceCandles();
    }
}
