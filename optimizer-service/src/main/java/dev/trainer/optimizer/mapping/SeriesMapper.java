package dev.trainer.optimizer.mapping;

import dev.trainer.contracts.events.CandleColumns;
import dev.trainer.domain.market.Candle;
import dev.trainer.domain.market.CandleSeries;
import dev.trainer.domain.market.Timeframe;
import java.util.ArrayList;
import java.util.List;

/** The columnar chunks of candles.clean, joined into the engine's series. */
public final class SeriesMapper {

    private SeriesMapper() {
    }

    public static CandleSeries toSeries(Timeframe timeframe, List<CandleColumns> chunks) {
        List<Candle> candles = new ArrayList<>();
        for (CandleColumns c : chunks) {
            c.requireConsistent();
            for (int i = 0; i < c.size(); i++) {
                candles.add(new Candle(c.openTimeMs()[i], c.open()[i], c.high()[i], c.low()[i], c.close()[i], c.volume()[i]));
            }
        }
        return CandleSeries.of(timeframe, candles);
    }
}
