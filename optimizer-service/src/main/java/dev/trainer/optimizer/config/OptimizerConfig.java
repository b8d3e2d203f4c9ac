package dev.trainer.optimizer.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

@ConfigMapping(prefix = "optimizer")
public interface OptimizerConfig {

    /**
     * At most this many parameter sets per backtest.requests record: large enough to amortise a record, its
     * serialisation and its ledger write, small enough to spread a grid over the workers.
     */
    @WithDefault("4096")
    int batchSizeTrials();

    /**
     * A batch holds fewer trials when its request or its results could exceed this many bytes as JSON (estimated
     * from the values per trial at their longest), so records stay below Kafka's default 1 MB limit.
     */
    @WithDefault("800000")
    int maxBatchBytes();

    /** How many prepared slices (series slice x strategy) a worker keeps in memory at most. */
    @WithDefault("8")
    int preparedSlicesCacheSize();

    /**
     * How many bars the prepared slices a worker keeps may hold together (a prepared slice keeps up to about 2 KB per
     * bar once a grid has run on it); the slice in use stays whatever its size.
     */
    @WithDefault("60000")
    long preparedSlicesMaxBars();

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

    /**
     * At most this many batches of one job wait for the workers at a time; more are sent as results come back. A
     * big job then never queues hundreds of batches ahead of a small one, and what the sweeper waits for is bounded.
     * Default: the partitions of backtest.requests, so that every worker of a full consumer group has work.
     */
    @WithDefault("12")
    int batchesInFlightPerJob();

    /**
     * The sweeper gives a window this many times its expected time (its trials in flight at the throughput measured
     * on its job) before it sends them again, and never less than {@link #resendAfter()}.
     */
    @WithDefault("5")
    int resendPatience();

    /** A window sent again this many times without any progress fails its market (the reason says so). */
    @WithDefault("5")
    int maxResends();

    /** Recording a window's results may fail this many times before its market fails with the last error. */
    @WithDefault("3")
    int maxStepAttempts();

    /** Attempts at a market's outcome (the overfitting estimate, the outcome event) before the market fails. */
    @WithDefault("3")
    int finaliseAttempts();

    /** Wait before the first retry of a failed outcome; doubled for each later one. */
    @WithDefault("10s")
    Duration finaliseBackoff();

    /** How long a finaliser's claim on a market lasts (a crashed replica's claim runs out after this). */
    @WithDefault("30m")
    Duration finaliseLease();

    /** How often the finaliser looks for markets whose outcome is due (after a restart, a backoff, a lost claim). */
    @WithDefault("5s")
    String finalisePoll();

    /** Threads that replay trials for the overfitting estimate; default: the available processors. */
    Optional<Integer> finaliseThreads();

    /** How often stalled windows and jobs past their maximum runtime are looked for. */
    @WithDefault("15s")
    String sweepEvery();

    /**
     * How long the engine runs on a synthetic series after start, before the service reports itself ready, so the
     * first job runs compiled code; 0 turns the warm-up off.
     */
    @WithDefault("4s")
    Duration warmUp();

    /** Names this worker in backtest.results; defaults to host name and process id. */
    Optional<String> workerId();
}
