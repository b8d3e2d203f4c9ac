package dev.trainer.domain.market;

/** One OHLCV candle; {@code openTimeMs} is the UTC epoch millisecond at which the candle's interval starts. */
public record Candle(long openTimeMs, double open, double high, double low, double close, double volume) {
}
