package dev.trainer.optimizer.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

@ConfigMapping(prefix = "optimizer")
public interface OptimizerConfig {

    /** Parameter sets per backtest.requests record: large enough to amortise a record, small enough to spread over workers. */
    @WithDefault("64")
    int batchSizeTrials();

    /** How many cleaned series a worker keeps in memory. */
    @WithDefault("16")
    int seriesCacheSize();

    /**
     * A window still searching or testing with no result recorded for this long has its missing trials sent again
     * (lost after a crash between commit and send, or never answered). Sending again is harmless: results are
     * deduplicated by the ledger.
     */
    @WithDefault("60s")
    Duration resendAfter();

    /** How often stalled windows and jobs past their maximum runtime are looked for. */
    @WithDefault("15s")
    String sweepEvery();

    /** Names this worker in backtest.results; defaults to host name and process id. */
    Optional<String> workerId();
}
