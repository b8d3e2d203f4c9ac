package dev.trainer.marketdata.service;

import dev.trainer.domain.market.Timeframe;
import dev.trainer.exchanges.MarketPair;

/** A series the scheduler keeps up to date, written {@code exchange:BASE/QUOTE:timeframe} in the configuration. */
public record ScheduledSeries(String exchange, MarketPair pair, Timeframe timeframe) {

    public static ScheduledSeries parse(String text) {
        String[] parts = text.trim().split(":");
        if (parts.length != 3) {
            throw new IllegalArgumentException("a scheduled series is exchange:BASE/QUOTE:timeframe, e.g. binance:BTC/USDT:1h; got '"
                    + text + "'");
        }
        return new ScheduledSeries(parts[0].trim(), MarketPair.parse(parts[1]), Timeframe.parse(parts[2]));
    }

    @Override
    public String toString() {
        return exchange + ":" + pair + ":" + timeframe;
    }
}
