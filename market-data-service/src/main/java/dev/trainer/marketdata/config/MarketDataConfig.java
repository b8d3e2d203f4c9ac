package dev.trainer.marketdata.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "market-data")
public interface MarketDataConfig {

    /** Candles per candles.raw record; 2,000 candles stay well under Kafka's default 1 MiB record limit. */
    @WithDefault("2000")
    int chunkSizeCandles();
}
