package dev.trainer.validation.mapping;

import dev.trainer.contracts.EventTypes;
import dev.trainer.contracts.Topics;
import dev.trainer.contracts.events.ConfigTrained;
import dev.trainer.contracts.events.OptimizationCompleted;
import dev.trainer.validation.config.ValidationConfig;
import dev.trainer.validation.service.ValidationOutcome;
import java.time.Instant;
import java.util.Map;

/** Builds the configs.trained event of a validated optimisation outcome. */
public final class ConfigTrainedMapper {

    private ConfigTrainedMapper() {
    }

    /** One configuration per job and market: the same job and market always name the same configuration. */
    public static String configId(OptimizationCompleted result) {
        return EventTypes.deterministicId(result.jobId(), result.market().key());
    }

    /**
     * The event id follows from the optimisation outcome's event id, so a redelivered outcome republishes the
     * same event, which consumers ignore.
     */
    public static String eventId(OptimizationCompleted result) {
        return EventTypes.deterministicId(Topics.CONFIGS_TRAINED, result.eventId());
    }

    public static ConfigTrained of(OptimizationCompleted result, ValidationOutcome outcome, ValidationConfig config,
            Instant now) {
        String configId = configId(result);
        Map<String, Double> parameters = result.finalParameters() == null ? Map.of() : result.finalParameters();
        return new ConfigTrained(eventId(result), ConfigTrained.SCHEMA_VERSION, now, configId, result.jobId(),
                result.userId(), result.strategy(), result.market(), parameters, outcome.inSampleMetrics(),
                outcome.outOfSampleMetrics(), outcome.statistics(), outcome.stage(), outcome.reasons(),
                result.dataFingerprint(), result.qualityScore(), config.codeVersion(), result.seed(), result.method(),
                result.validationMethod(), result.trialsEvaluated(),
                V3Config.of(configId, result, outcome, config), outcome.outOfSampleDayStartsMs(),
                outcome.outOfSampleDailyReturns());
    }
}
