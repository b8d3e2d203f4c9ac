package dev.trainer.marketdata;

import dev.trainer.exchanges.SupportedExchange;
import dev.trainer.exchanges.testing.FakeExchangeServer;
import dev.trainer.exchanges.testing.FakeMarket;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Starts libs/exchanges' fake exchange for a {@code @QuarkusTest} and points every exchange's base URL at it, so no
 * test reaches a real exchange. Its market is BTC/USDT from 2024-01-01 until two days from now, without trades on
 * 2024-02-20 from 00:00 to 05:00; bitstamp:BTC/USDT:1h is a scheduled series (the schedule itself is off in tests).
 */
public class FakeExchangeResource implements QuarkusTestResourceLifecycleManager {

    static final Instant NO_TRADES_FROM = Instant.parse("2024-02-20T00:00:00Z");
    static final Instant NO_TRADES_UNTIL = Instant.parse("2024-02-20T05:00:00Z");

    private static FakeExchangeServer server;

    static FakeExchangeServer server() {
        return server;
    }

    @Override
    public Map<String, String> start() {
        server = FakeExchangeServer.start(FakeMarket.of("BTC/USDT", Instant.parse("2024-01-01T00:00:00Z"),
                Instant.now().plus(Duration.ofDays(2))).withoutTradesBetween(NO_TRADES_FROM, NO_TRADES_UNTIL));
        Map<String, String> config = new HashMap<>();
        for (SupportedExchange exchange : SupportedExchange.values()) {
            config.put("market-data.exchanges." + exchange.label() + ".base-url", server.baseUrl(exchange));
            config.put("market-data.exchanges." + exchange.label() + ".requests-per-second", "200");
        }
        config.put("market-data.fetch.first-backoff-ms", "50");
        config.put("market-data.scheduled-series", "bitstamp:BTC/USDT:1h");
        return config;
    }

    @Override
    public void stop() {
        if (server != null) {
            server.close();
        }
    }
}
