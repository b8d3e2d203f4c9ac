package dev.trainer.optimizer.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

@ConfigMapping(prefix = "optimizer")
public interface OptimizerConfig {

    /** Parameter sets per backtest.requests record: large enough to amortise a record, small enough to spread over workers. */
    @WithDefault("64")
    int batchSizeTrials();

    /** How many cleaned series a worker keeps in memory. */
    @WithDefault("16")
    int seriesCacheSize();

    /** Names this worker in backtest.results; defaults to host name and process id. */
    Optional<String> workerId();
}
