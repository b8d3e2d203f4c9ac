package dev.trainer.exchanges;

import dev.trainer.domain.market.Candle;
import java.util.List;

/**
 * The candles of a fetch, oldest first without duplicates, and the range the exchange was fully asked about:
 * [{@code fromMs}, {@code untilMs}), both on the timeframe's grid, {@code untilMs} never past the open time of the
 * candle still forming. Every candle the exchange holds in that range is in {@code candles}.
 */
public record FetchResult(List<Candle> candles, long fromMs, long untilMs, int requests) {

    public FetchResult {
        candles = List.copyOf(candles);
    }
}
