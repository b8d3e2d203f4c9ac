package dev.trainer.exchanges.testing;

import dev.trainer.domain.market.Candle;
import dev.trainer.domain.market.Timeframe;
import dev.trainer.exchanges.MarketPair;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The market a {@link FakeExchangeServer} serves: one pair, candles of every timeframe on its grid from
 * {@code first} until {@code end}, except in the stretches without trades. Prices are a function of the open time
 * with binary fractions only, so they survive every exchange's text format exactly and tests can compute what a
 * fetch must return.
 */
public final class FakeMarket {

    private final MarketPair pair;
    private final long firstMs;
    private final long endMs;
    private final List<long[]> withoutTrades = new ArrayList<>();

    private FakeMarket(MarketPair pair, long firstMs, long endMs) {
        this.pair = pair;
        this.firstMs = firstMs;
        this.endMs = endMs;
    }

    public static FakeMarket of(String pair, Instant first, Instant end) {
        return new FakeMarket(MarketPair.parse(pair), first.toEpochMilli(), end.toEpochMilli());
    }

    /** No candle opens in [from, until): the exchange had no trades then. */
    public synchronized FakeMarket withoutTradesBetween(Instant from, Instant until) {
        withoutTrades.add(new long[] {from.toEpochMilli(), until.toEpochMilli()});
        return this;
    }

    public MarketPair pair() {
        return pair;
    }

    /** Every candle that opens in [fromMs, untilMs), oldest first. */
    public synchronized List<Candle> candles(Timeframe timeframe, long fromMs, long untilMs) {
        List<Candle> out = new ArrayList<>();
        long d = timeframe.durationMs();
        long start = Math.max(fromMs, firstMs);
        long t = timeframe.alignDown(start) == start ? start : timeframe.alignDown(start) + d;
        for (; t < Math.min(untilMs, endMs); t += d) {
            if (traded(t)) {
                out.add(candle(timeframe, t));
            }
        }
        return out;
    }

    public List<Candle> candles(Timeframe timeframe, Instant from, Instant until) {
        return candles(timeframe, from.toEpochMilli(), until.toEpochMilli());
    }

    private boolean traded(long openMs) {
        for (long[] range : withoutTrades) {
            if (openMs >= range[0] && openMs < range[1]) {
                return false;
            }
        }
        return true;
    }

    static Candle candle(Timeframe timeframe, long openMs) {
        long i = openMs / timeframe.durationMs();
        double open = 30_000 + (i % 997) * 0.5;
        double close = open + ((i % 7) - 3) * 0.25;
        double high = Math.max(open, close) + 1.25;
        double low = Math.min(open, close) - 0.75;
        double volume = 1 + (i % 13) * 0.125;
        return new Candle(openMs, open, high, low, close, volume);
    }
}
