package dev.trainer.exchanges.bitstamp;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.math.BigDecimal;
import java.util.List;

/**
 * {@code {"data": {"pair": "BTC/USD", "ohlc": [{"timestamp": "1700000000", "open": "37000.1", "high": ..., "low": ...,
 * "close": ..., "volume": ...}, ...]}}}: every value a string, timestamps in unix seconds.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BitstampOhlcResponse(Data data) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Data(String pair, List<Ohlc> ohlc) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Ohlc(Long timestamp, BigDecimal open, BigDecimal high, BigDecimal low, BigDecimal close, BigDecimal volume) {
    }
}
