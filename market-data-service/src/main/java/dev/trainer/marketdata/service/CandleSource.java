package dev.trainer.marketdata.service;

import dev.trainer.domain.market.Candle;
import dev.trainer.domain.market.Timeframe;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** Where candles of one exchange come from. */
public interface CandleSource {

    /** The exchange name users put in training requests. */
    String exchange();

    Set<String> pairs();

    Set<Timeframe> timeframes();

    /** Candles with open time in [from, until), in time order. */
    List<Candle> candles(String pair, Timeframe timeframe, Instant from, Instant until);
}
