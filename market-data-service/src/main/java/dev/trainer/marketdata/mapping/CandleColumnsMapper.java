package dev.trainer.marketdata.mapping;

import dev.trainer.contracts.events.CandleColumns;
import dev.trainer.domain.market.Candle;
import java.util.List;

/** Candles to the columnar wire form of candles.raw. */
public final class CandleColumnsMapper {

    private CandleColumnsMapper() {
    }

    public static CandleColumns toColumns(List<Candle> candles) {
        int n = candles.size();
        long[] time = new long[n];
        double[] open = new double[n];
        double[] high = new double[n];
        double[] low = new double[n];
        double[] close = new double[n];
        double[] volume = new double[n];
        for (int i = 0; i < n; i++) {
            Candle c = candles.get(i);
            time[i] = c.openTimeMs();
            open[i] = c.open();
            high[i] = c.high();
            low[i] = c.low();
            close[i] = c.close();
            volume[i] = c.volume();
        }
        return new CandleColumns(time, open, high, low, close, volume);
    }
}
