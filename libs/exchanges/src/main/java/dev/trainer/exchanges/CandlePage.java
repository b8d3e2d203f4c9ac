package dev.trainer.exchanges;

import dev.trainer.domain.market.Candle;
import java.util.List;

/**
 * One answer of an exchange: its candles as it sent them (any order, possibly outside the range asked for), and the
 * exclusive end of the time it was asked about. Exchanges that answer "the next N candles from a start" were asked
 * about everything up to the fetch's end; Coinbase answers one time window, so an empty page from it only says that
 * window had no trades.
 */
public record CandlePage(List<Candle> candles, long askedUntilMs) {

    public CandlePage {
        candles = List.copyOf(candles);
    }
}
