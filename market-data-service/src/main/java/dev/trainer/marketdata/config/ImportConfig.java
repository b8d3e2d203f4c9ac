package dev.trainer.marketdata.config;

import dev.trainer.candleimport.CandleFileImport;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Bulk imports of candle files (POST /api/market-data/imports). */
@ConfigMapping(prefix = "market-data.import")
public interface ImportConfig {

    /** Candles per COPY into the staging table and merge into candles. */
    @WithDefault("" + CandleFileImport.DEFAULT_BATCH_SIZE_CANDLES)
    int batchSizeCandles();

    /** How often a running import logs and commits its row count, which GET /api/market-data/imports shows. */
    @WithDefault("100000")
    long progressEveryCandles();

    /** The longest one import's transaction may stay open; a million candles take well under a minute. */
    @WithDefault("30m")
    Duration transactionTimeout();
}
