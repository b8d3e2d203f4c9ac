package dev.trainer.exchanges;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The exchanges candles are fetched from, by the names users write, with each one's public REST address and a
 * request rate that stays well inside its documented limit for unauthenticated market data.
 */
public enum SupportedExchange {
    /** Spot API; 6,000 request weight a minute per IP, a klines request weighs 2. */
    BINANCE("binance", "https://api.binance.com", 10),
    /** Binance's US venue, same API; 1,200 request weight a minute per IP. */
    BINANCE_US("binance-us", "https://api.binance.us", 5),
    /** Public endpoints allow about one call a second before the counter-based limit starts refusing. */
    KRAKEN("kraken", "https://api.kraken.com", 1),
    /** Coinbase Exchange (formerly Coinbase Pro): public endpoints 10 requests a second per IP. */
    COINBASE("coinbase", "https://api.exchange.coinbase.com", 5),
    /** 400 requests a second, 10,000 per 10 minutes per IP. */
    BITSTAMP("bitstamp", "https://www.bitstamp.net", 5);

    private final String label;
    private final String defaultBaseUrl;
    private final double defaultRequestsPerSecond;

    SupportedExchange(String label, String defaultBaseUrl, double defaultRequestsPerSecond) {
        this.label = label;
        this.defaultBaseUrl = defaultBaseUrl;
        this.defaultRequestsPerSecond = defaultRequestsPerSecond;
    }

    /** The name users write: binance, binance-us, kraken, coinbase, bitstamp. */
    public String label() {
        return label;
    }

    public String defaultBaseUrl() {
        return defaultBaseUrl;
    }

    public double defaultRequestsPerSecond() {
        return defaultRequestsPerSecond;
    }

    public static SupportedExchange parse(String name) {
        if (name != null) {
            for (SupportedExchange e : values()) {
                if (e.label.equals(name.trim().toLowerCase(Locale.ROOT))) {
                    return e;
                }
            }
        }
        throw new IllegalArgumentException("unknown exchange '" + name + "'; supported: " + labels());
    }

    public static String labels() {
        return Arrays.stream(values()).map(SupportedExchange::label).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return label;
    }
}
