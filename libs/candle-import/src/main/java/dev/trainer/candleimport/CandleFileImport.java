package dev.trainer.candleimport;

import dev.trainer.domain.market.Candle;
import dev.trainer.domain.market.CandleCsv.BadCsvException;
import dev.trainer.domain.market.CandleCsvReader;
import dev.trainer.domain.market.CandleFile;
import dev.trainer.domain.market.CandleFile.BadArchiveException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * One candle file into one series, streamed: the file (CSV, or a ZIP holding one CSV) is read a batch at a time,
 * each batch checked by the domain's reader (the CSV rules, and every candle through {@code CandleEntryCheck}: possible
 * prices and volume, open times on the timeframe's grid and within the accepted range) and written
 * by {@link CandleBulkWriter}. Memory stays at one batch whatever the file's length.
 *
 * <p>This is the whole import as market-data-service runs it for {@code POST /api/market-data/imports}, and as
 * {@code bin/trainer bench-import} measures it; only the transaction is the caller's. A refused file throws
 * {@link ImportRejectedException} after some batches may have been written: the caller rolls back, so an import is
 * stored whole or not at all.
 */
public final class CandleFileImport {

    /** Told after each batch once another {@code progressEveryCandles} rows have been read. */
    @FunctionalInterface
    public interface Progress {
        void rowsRead(long rowsRead, long newCandles);

        Progress NONE = (rowsRead, newCandles) -> {
        };
    }

    /**
     * Candles per COPY and merge. 50,000 keep the staging table (about 4 MB) within PostgreSQL's default temp_buffers
     * and one batch's Candle objects small. In bench-import, 10,000 took 11.6 s per million, 50,000 9.8 s and
     * 200,000 9.2 s: past this size a batch saves little and costs memory.
     */
    public static final int DEFAULT_BATCH_SIZE_CANDLES = 50_000;

    private final int batchSizeCandles;
    private final long progressEveryCandles;

    public CandleFileImport(int batchSizeCandles, long progressEveryCandles) {
        if (batchSizeCandles < 1 || progressEveryCandles < 1) {
            throw new IllegalArgumentException("batch size and progress interval must be positive, got "
                    + batchSizeCandles + " and " + progressEveryCandles);
        }
        this.batchSizeCandles = batchSizeCandles;
        this.progressEveryCandles = progressEveryCandles;
    }

    /**
     * Reads the whole file and stores its candles as {@code target}, in the connection's current transaction.
     *
     * @throws ImportRejectedException the file's content is refused; its message names the line when a row is
     * @throws IOException              the file could not be read (the client went away, say)
     */
    public ImportOutcome run(Connection connection, InputStream file, ImportTarget target, Progress progress)
            throws SQLException, IOException {
        long startNanos = System.nanoTime();
        CandleFile candleFile;
        try {
            candleFile = CandleFile.open(file);
        } catch (BadArchiveException e) {
            throw new ImportRejectedException(e.getMessage(), 0, e);
        }
        String where = candleFile.entryName().map(name -> name + " ").orElse("");
        CandleCsvReader reader = new CandleCsvReader(candleFile.reader(), target.timeframe());
        long newCandles = 0;
        long firstOpenTimeMs = 0;
        long lastOpenTimeMs = 0;
        long nextProgress = progressEveryCandles;
        try (CandleBulkWriter writer = CandleBulkWriter.open(connection, target)) {
            for (List<Candle> batch = reader.nextBatch(batchSizeCandles); !batch.isEmpty();
                    batch = reader.nextBatch(batchSizeCandles)) {
                if (reader.candlesRead() == batch.size()) { // the first batch
                    firstOpenTimeMs = batch.get(0).openTimeMs();
                }
                lastOpenTimeMs = batch.get(batch.size() - 1).openTimeMs();
                newCandles += writer.write(batch);
                if (reader.candlesRead() >= nextProgress) {
                    progress.rowsRead(reader.candlesRead(), newCandles);
                    nextProgress = (reader.candlesRead() / progressEveryCandles + 1) * progressEveryCandles;
                }
            }
        } catch (BadCsvException e) {
            throw new ImportRejectedException(where + e.getMessage(), reader.candlesRead(), e);
        } catch (BadArchiveException e) {
            throw new ImportRejectedException(e.getMessage(), reader.candlesRead(), e);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        if (reader.candlesRead() == 0) {
            throw new ImportRejectedException(where.isEmpty() ? "the file holds no candles" : where + "holds no candles", 0, null);
        }
        return new ImportOutcome(candleFile.container(), reader.layout(), reader.candlesRead(), newCandles, firstOpenTimeMs,
                lastOpenTimeMs, (System.nanoTime() - startNanos) / 1_000_000);
    }
}
