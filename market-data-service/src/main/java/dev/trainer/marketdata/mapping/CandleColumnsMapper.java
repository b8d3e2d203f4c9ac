package dev.trainer.marketdata.mapping;

import dev.trainer.contracts.events.CandleColumns;
import dev.trainer.domain.market.Candle;
import dev.trainer.domain.market.OhlcvColumns;
import java.util.List;

/** Candles to the columnar wire form of candles.raw. */
public final class CandleColumnsMapper {

    private CandleColumnsMapper() {
    }

    public static CandleColumns toColumns(List<Candle> candles) {
        OhlcvColumns c = OhlcvColumns.of(candles);
        return new CandleColumns(c.openTimeMs(), c.open(), c.high(), c.low(), c.close(), c.volume());
    }
}
