package dev.trainer.cleaning.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "cleaning")
public interface CleaningConfig {

    /**
     * The gate: the least fraction (0..1) of valid candles a series needs to be trained on. 0.70 is the diagnosis's
     * decision point: below 70 % valid candles, data quality is the primary problem.
     */
    @WithDefault("0.70")
    double thresholdFraction();

    /** Candles per candles.clean record; 2,000 candles with their flags stay well under Kafka's 1 MiB record limit. */
    @WithDefault("2000")
    int chunkSizeCandles();
}
