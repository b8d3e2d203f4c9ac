package dev.trainer.configregistry.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.trainer.configregistry.repository.BreakerPause;
import dev.trainer.configregistry.repository.TrainedConfiguration;
import dev.trainer.contracts.events.SeriesRef;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A trained configuration as served over REST. Units are in the names: *Fraction is a fraction (0.02 = 2 %),
 * sharpeDaily the Sharpe ratio of daily returns annualised with sqrt(365), *Probability a probability (0..1); the
 * key numbers are out-of-sample and null when undefined (the reason is in outOfSampleMetrics or statistics under
 * {@code <key>_undefined_reason}). The statistics of skill against luck are left out when undefined or not
 * computed, because configurations trained before the validator computed them have none.
 *
 * @param outOfSampleDays                  days of out-of-sample daily returns
 * @param minimumTrackRecordLengthDays     out-of-sample days for the probabilistic Sharpe ratio to reach its
 *                                         confidence level
 * @param lifecycleStage                   the current stage, after any manual transition, pause or resume
 * @param stageReasons                     why it has that stage: the validator's reasons, or the last transition's
 * @param pausedFromStage                  the stage a PAUSED configuration goes back to when no tripped circuit
 *                                         breaker covers it any more; null unless PAUSED
 * @param pauses                           the tripped circuit breakers that cover it, oldest first; empty if none
 * @param trainedAt                        when validation produced the configuration
 * @param createdAt                        when the registry stored it
 */
public record ConfigurationView(String configId, String jobId, String userId, String strategy, SeriesRef market,
        Map<String, Double> parameters, Map<String, Object> v3Config, Map<String, Object> inSampleMetrics,
        Map<String, Object> outOfSampleMetrics, Map<String, Object> statistics, Double netProfitFraction,
        Double sharpeDaily, Double maxDrawdownFraction, Double grossWinRateFraction, Integer tradeCount,
        Integer outOfSampleDays, Double pValue, Double zScore, Double stabilityScore,
        @JsonInclude(JsonInclude.Include.NON_NULL) Double probabilisticSharpeProbability,
        @JsonInclude(JsonInclude.Include.NON_NULL) Double deflatedSharpeProbability,
        @JsonInclude(JsonInclude.Include.NON_NULL) Double probabilityOfBacktestOverfitting,
        @JsonInclude(JsonInclude.Include.NON_NULL) Double minimumTrackRecordLengthDays,
        String lifecycleStage, List<String> stageReasons, String pausedFromStage, List<PauseView> pauses,
        String dataFingerprint, double qualityScoreFraction,
        String codeVersion, long seed, String optimizationMethod, String validationMethod, int trialsEvaluated,
        String eventId, Instant trainedAt, Instant createdAt) {

    /** The configuration and the pauses holding it (BreakerPauseRepository.of). */
    public static ConfigurationView of(TrainedConfiguration c, List<BreakerPause> pauses) {
        return new ConfigurationView(c.configId, c.jobId, c.userId, c.strategy,
                new SeriesRef(c.exchange, c.pair, c.timeframe), c.parameters, c.v3Config, c.inSampleMetrics,
                c.outOfSampleMetrics, c.statistics, c.netProfitFraction, c.sharpeDaily, c.maxDrawdownFraction,
                c.grossWinRateFraction, c.tradeCount, c.outOfSampleDays, c.pValue, c.zScore, c.stabilityScore,
                c.probabilisticSharpeProbability, c.deflatedSharpeProbability, c.probabilityOfBacktestOverfitting,
                c.minimumTrackRecordLengthDays, c.lifecycleStage, c.stageReasons, c.pausedFromStage,
                pauses.stream().map(PauseView::of).toList(), c.dataFingerprint,
                c.qualityScoreFraction, c.codeVersion, c.seed, c.optimizationMethod, c.validationMethod,
                c.trialsEvaluated, c.eventId, c.trainedAt, c.createdAt);
    }
}
