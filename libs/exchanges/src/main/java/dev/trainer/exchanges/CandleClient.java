package dev.trainer.exchanges;

import dev.trainer.domain.market.Timeframe;
import java.io.IOException;
import java.util.Set;

/**
 * Fetches one page of candles from one exchange through its XChange client. Pagination, rate limits, retries and
 * checking what came back are {@link CandleFetcher}'s job, the same for every exchange.
 */
public interface CandleClient {

    SupportedExchange exchange();

    Set<Timeframe> timeframes();

    /** The most candles one request may ask for, as the exchange documents it. */
    int maxCandlesPerPage();

    /**
     * Candles with open time from {@code fromMs} on, at most {@code limit}, asking for none at or after
     * {@code untilMs}. Throws what the XChange client throws (IOException, XChange's ExchangeException) or
     * {@link MalformedPageException} when the answer parsed but does not hold candles.
     */
    CandlePage page(MarketPair pair, Timeframe timeframe, long fromMs, long untilMs, int limit) throws IOException;
}
