package dev.trainer.candleimport;

import dev.trainer.domain.market.CandleCsvReader.Layout;
import dev.trainer.domain.market.CandleFile.Container;

/**
 * What one import read and stored. {@code rowsRead} counts candle rows (not the header nor blank lines); those not
 * new were stored already, by an earlier import or load, and were left as they were.
 */
public record ImportOutcome(Container container, Layout layout, long rowsRead, long newCandles, long firstOpenTimeMs,
        long lastOpenTimeMs, long elapsedMs) {

    public long alreadyStoredCandles() {
        return rowsRead - newCandles;
    }

    /** The container and the CSV form, e.g. {@code zip/binance-klines} or {@code csv/research}. */
    public String fileFormat() {
        return container.label() + "/" + layout.label();
    }
}
