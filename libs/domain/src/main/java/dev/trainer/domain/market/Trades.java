package dev.trainer.domain.market;

/** Trades as parallel arrays: time in epoch milliseconds, price in quote currency, amount in base currency. */
public record Trades(long[] timeMs, double[] price, double[] amount) {

    public int size() {
        return timeMs.length;
    }

    /** Candles of the timeframe, for intervals that hold trades (see {@link TradeAggregator}). */
    public java.util.List<Candle> candles(Timeframe timeframe) {
        return TradeAggregator.aggregate(timeMs, price, amount, timeframe);
    }
}
