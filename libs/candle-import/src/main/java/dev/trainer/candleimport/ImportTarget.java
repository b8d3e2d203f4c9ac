package dev.trainer.candleimport;

import dev.trainer.domain.market.Timeframe;
import java.util.Objects;

/** The series a file's candles are stored as: the candles table's exchange, pair and timeframe. */
public record ImportTarget(String exchange, String pair, Timeframe timeframe) {

    public ImportTarget {
        Objects.requireNonNull(exchange, "exchange");
        Objects.requireNonNull(pair, "pair");
        Objects.requireNonNull(timeframe, "timeframe");
    }

    @Override
    public String toString() {
        return exchange + " " + pair + " " + timeframe.label();
    }
}
