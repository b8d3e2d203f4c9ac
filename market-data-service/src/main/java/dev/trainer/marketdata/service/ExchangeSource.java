package dev.trainer.marketdata.service;

import dev.trainer.domain.market.Candle;
import dev.trainer.domain.market.Timeframe;
import dev.trainer.exchanges.CandleFetcher;
import dev.trainer.exchanges.FetchProgress;
import dev.trainer.exchanges.MarketPair;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * An exchange reached through XChange (libs/exchanges) as a source. It serves any pair the exchange lists, so
 * {@link #pairs()} is empty: the exchange itself refuses a pair it does not know. Training requests, the fetch
 * endpoint and the scheduler go through {@link MissingRangeFetcher}, which asks only for what is not stored yet.
 */
public final class ExchangeSource implements CandleSource {

    private final CandleFetcher fetcher;
    private final String baseUrl;
    private final double requestsPerSecond;

    public ExchangeSource(CandleFetcher fetcher, String baseUrl, double requestsPerSecond) {
        this.fetcher = fetcher;
        this.baseUrl = baseUrl;
        this.requestsPerSecond = requestsPerSecond;
    }

    @Override
    public String exchange() {
        return fetcher.exchange().label();
    }

    @Override
    public Set<String> pairs() {
        return Set.of();
    }

    @Override
    public Set<Timeframe> timeframes() {
        return fetcher.client().timeframes();
    }

    /** Straight from the exchange, stored or not. */
    @Override
    public List<Candle> candles(String pair, Timeframe timeframe, Instant from, Instant until) {
        return fetcher.fetch(MarketPair.parse(pair), timeframe, from, until, FetchProgress.NONE).candles();
    }

    public CandleFetcher fetcher() {
        return fetcher;
    }

    public String baseUrl() {
        return baseUrl;
    }

    public double requestsPerSecond() {
        return requestsPerSecond;
    }
}
