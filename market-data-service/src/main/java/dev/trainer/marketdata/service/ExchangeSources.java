package dev.trainer.marketdata.service;

import dev.trainer.exchanges.CandleClients;
import dev.trainer.exchanges.CandleFetcher;
import dev.trainer.exchanges.RequestPacer;
import dev.trainer.exchanges.RetryPolicy;
import dev.trainer.exchanges.Sleeper;
import dev.trainer.exchanges.SupportedExchange;
import dev.trainer.marketdata.config.MarketDataConfig;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The enabled exchanges of {@code market-data.exchanges.*}, each with one client and one request pacer shared by
 * every fetch from it (the exchanges limit requests per IP). Built at startup so that a misspelt exchange name in the
 * configuration stops the service instead of being ignored.
 */
@Startup
@ApplicationScoped
public class ExchangeSources {

    private final Map<String, ExchangeSource> byName = new LinkedHashMap<>();

    public ExchangeSources(MarketDataConfig config) {
        for (String name : config.exchanges().keySet()) {
            try {
                SupportedExchange.parse(name);
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("market-data.exchanges." + name + ": " + e.getMessage());
            }
        }
        MarketDataConfig.Fetch fetch = config.fetch();
        RetryPolicy retry = new RetryPolicy(fetch.maxAttempts(), fetch.firstBackoffMs(), fetch.maxRetryWaitSeconds());
        for (SupportedExchange exchange : SupportedExchange.values()) {
            Optional<MarketDataConfig.Exchange> settings = Optional.ofNullable(config.exchanges().get(exchange.label()));
            if (settings.isPresent() && !settings.get().enabled()) {
                continue;
            }
            String baseUrl = settings.flatMap(MarketDataConfig.Exchange::baseUrl).orElse(exchange.defaultBaseUrl());
            double rate = settings.flatMap(MarketDataConfig.Exchange::requestsPerSecond).orElse(exchange.defaultRequestsPerSecond());
            CandleFetcher fetcher = new CandleFetcher(CandleClients.create(exchange, baseUrl),
                    new RequestPacer(rate, Clock.systemUTC(), Sleeper.REAL), retry, Clock.systemUTC());
            byName.put(exchange.label(), new ExchangeSource(fetcher, baseUrl, rate));
        }
    }

    public Optional<ExchangeSource> forExchange(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public List<ExchangeSource> all() {
        return List.copyOf(byName.values());
    }
}
