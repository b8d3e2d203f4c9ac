package dev.trainer.exchanges;

import dev.trainer.exchanges.binance.BinanceCandleClient;
import dev.trainer.exchanges.bitstamp.BitstampCandleClient;
import dev.trainer.exchanges.coinbase.CoinbaseCandleClient;
import dev.trainer.exchanges.kraken.KrakenCandleClient;

/** The client of each supported exchange, at a base URL (the exchange's own, a mirror's, or a test server's). */
public final class CandleClients {

    private CandleClients() {
    }

    public static CandleClient create(SupportedExchange exchange, String baseUrl) {
        String url = baseUrl == null || baseUrl.isBlank() ? exchange.defaultBaseUrl() : baseUrl;
        return switch (exchange) {
            case BINANCE -> BinanceCandleClient.binance(url);
            case BINANCE_US -> BinanceCandleClient.binanceUs(url);
            case KRAKEN -> KrakenCandleClient.create(url);
            case COINBASE -> CoinbaseCandleClient.create(url);
            case BITSTAMP -> BitstampCandleClient.create(url);
        };
    }
}
