package dev.trainer.marketdata.mapping;

import dev.trainer.marketdata.repository.CandleImport;
import java.time.Duration;
import java.time.Instant;

/** Imports as GET and POST /api/market-data/imports show them. */
public final class ImportViews {

    private ImportViews() {
    }

    /**
     * One import. While RUNNING, rowsRead and newCandles are as far as it has got (its candles are not committed yet);
     * a FAILED import stored nothing, so it has no alreadyStoredCandles. elapsedMs runs until the import finishes.
     */
    public record ImportView(long id, String exchange, String pair, String timeframe, String fileFormat, String status,
            long rowsRead, long newCandles, Long alreadyStoredCandles, Long firstOpenTimeMs, Long lastOpenTimeMs,
            long elapsedMs, String error, Instant startedAt, Instant finishedAt) {
    }

    public static ImportView view(CandleImport i) {
        Instant end = i.finishedAt != null ? i.finishedAt : Instant.now();
        return new ImportView(i.id, i.exchange, i.pair, i.timeframe, i.fileFormat, i.status, i.rowsRead, i.newCandles,
                CandleImport.FAILED.equals(i.status) ? null : i.rowsRead - i.newCandles, i.firstOpenTimeMs, i.lastOpenTimeMs,
                Duration.between(i.startedAt, end).toMillis(), i.error, i.startedAt, i.finishedAt);
    }
}
