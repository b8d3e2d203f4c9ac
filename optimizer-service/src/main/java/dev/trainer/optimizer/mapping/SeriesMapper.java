package dev.trainer.optimizer.mapping;

import dev.trainer.contracts.events.CandleColumns;
import dev.trainer.domain.market.CandleSeries;
import dev.trainer.domain.market.Timeframe;
import java.util.List;

/** The columnar chunks of candles.clean, joined into the engine's series. */
public final class SeriesMapper {

    private SeriesMapper() {
    }

    public static CandleSeries toSeries(Timeframe timeframe, List<CandleColumns> chunks) {
        CandleColumns all = CandleColumns.concat(chunks);
        return CandleSeries.ofColumns(timeframe, all.openTimeMs(), all.open(), all.high(), all.low(), all.close(),
                all.volume());
    }
}
