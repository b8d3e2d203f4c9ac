package dev.trainer.contracts.events;

/**
 * One market's candle series: an exchange, a pair written BASE/QUOTE, and a timeframe label
 * such as 1m, 5m, 15m, 1h, 4h or 1d.
 */
public record SeriesRef(String exchange, String pair, String timeframe) {

    /** The Kafka key of every record about this series, so one series stays in one partition, in order. */
    public String key() {
        return exchange + "|" + pair + "|" + timeframe;
    }

    @Override
    public String toString() {
        return key();
    }
}
