package dev.trainer.cleaning.config;

import dev.trainer.domain.quality.CleaningPolicy;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/**
 * {@code cleaning.*}. Settings left out take the domain's defaults ({@code QualitySettings.defaults()}, explained in
 * docs/DATA_QUALITY.md), so each default is written once; {@link ConfiguredQualitySettings} checks the whole at start.
 */
@ConfigMapping(prefix = "cleaning")
public interface CleaningConfig {

    /**
     * The gate: the least fraction (0..1) of valid candles a series needs to be trained on. 0.70 is the diagnosis's
     * decision point: below 70 % valid candles, data quality is the primary problem.
     */
    Optional<Double> thresholdFraction();

    /** Candles per candles.clean record; 2,000 candles with their flags stay well under Kafka's 1 MiB record limit. */
    @WithDefault("2000")
    int chunkSizeCandles();

    /**
     * After start, the checks and a series' way through JSON run on a synthetic series for this long before the
     * service reports ready ({@code CleaningWarmUp}); 0 turns it off (the tests).
     */
    @WithDefault("2s")
    Duration warmUp();

    /** What cleaning does with what each check finds: drop, flag, forward-fill or report, where the check allows it. */
    Policy policy();

    ForwardFill forwardFill();

    StaleRuns staleRuns();

    Spikes spikes();

    CrossExchange crossExchange();

    interface Policy {
        Optional<CleaningPolicy> zeroVolume();

        Optional<CleaningPolicy> flat();

        Optional<CleaningPolicy> ohlcInvalid();

        Optional<CleaningPolicy> duplicates();

        Optional<CleaningPolicy> outOfOrder();

        Optional<CleaningPolicy> missing();

        Optional<CleaningPolicy> staleRuns();

        Optional<CleaningPolicy> spikes();

        Optional<CleaningPolicy> crossExchangeDivergence();
    }

    interface ForwardFill {
        /** The longest run of synthetic candles a forward-fill may create; a longer gap is left and counted. */
        Optional<Integer> maxRunCandles();
    }

    interface StaleRuns {
        /** How many consecutive identical closes make a stale run. */
        Optional<Integer> minRunCandles();
    }

    interface Spikes {
        /** How many non-zero log returns before a candle its return is judged against. */
        Optional<Integer> windowReturns();

        /** The robust z-score (absolute) from which a return is a spike. */
        Optional<Double> thresholdZ();
    }

    interface CrossExchange {
        /** The deviation from the cross-exchange median close (a fraction, 0.02 = 2 %) from which a candle diverges. */
        Optional<Double> maxDeviationFraction();
    }
}
