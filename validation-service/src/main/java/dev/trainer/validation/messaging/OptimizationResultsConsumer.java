package dev.trainer.validation.messaging;

import dev.trainer.contracts.EventTypes;
import dev.trainer.contracts.Topics;
import dev.trainer.contracts.events.ConfigTrained;
import dev.trainer.contracts.events.OptimizationCompleted;
import dev.trainer.contracts.events.TrainingStatus;
import dev.trainer.contracts.events.TrainingStatus.State;
import dev.trainer.support.ProcessedEvents;
import dev.trainer.validation.config.ValidationConfig;
import dev.trainer.validation.mapping.ConfigTrainedMapper;
import dev.trainer.validation.repository.ValidationRepository;
import dev.trainer.validation.service.ValidationOutcome;
import dev.trainer.validation.service.Validator;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Consumes optimization.results: validates each market's outcome, stores the verdict, publishes configs.trained
 * and a CONFIG_VALIDATED status. The verdict and the record that the outcome was handled commit together;
 * the outputs are acknowledged by the broker before that commit, so a crash in between redelivers the outcome
 * and the outputs go out again under the same event ids, which the next steps ignore. A second, different
 * outcome for an already validated job and market is ignored: its configuration id is taken.
 */
@ApplicationScoped
public class OptimizationResultsConsumer {

    static final String SERVICE = "validation-service";
    private static final Logger LOG = Logger.getLogger(OptimizationResultsConsumer.class);

    private final Validator validator;
    private final ValidationRepository validations;
    private final ValidationPublisher publisher;
    private final ProcessedEvents processed;
    private final ValidationConfig config;

    public OptimizationResultsConsumer(Validator validator, ValidationRepository validations,
            ValidationPublisher publisher, ProcessedEvents processed, ValidationConfig config) {
        this.validator = validator;
        this.validations = validations;
        this.publisher = publisher;
        this.processed = processed;
        this.config = config;
    }

    @Incoming("optimization-results")
    @Blocking
    @Transactional
    public void onOptimizationCompleted(OptimizationCompleted result) {
        if (!processed.firstDelivery(result.eventId(), "optimization-results")) {
            return;
        }
        ValidationOutcome outcome = validator.validate(result);
        ConfigTrained trained = ConfigTrainedMapper.of(result, outcome, config, Instant.now());
        if (!validations.insertIfAbsent(trained.configId(), result.jobId(), result.market().key(), outcome.stage(),
                outcome.reasons(), outcome.statistics())) {
            LOG.warnf("job %s market %s was already validated as configuration %s; outcome %s ignored", result.jobId(),
                    result.market(), trained.configId(), result.eventId());
            return;
        }
        publisher.configTrained(trained);
        publisher.status(status(result, trained));
        LOG.infof("job %s market %s: configuration %s is %s", result.jobId(), result.market(), trained.configId(),
                trained.lifecycleStage());
    }

    private static TrainingStatus status(OptimizationCompleted result, ConfigTrained trained) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("config_id", trained.configId());
        details.put("lifecycle_stage", trained.lifecycleStage());
        for (String key : new String[] {"trade_count", "net_profit_fraction", "sharpe_daily"}) {
            details.put(key, trained.outOfSampleMetrics().get(key));
        }
        details.put("p_value", trained.statistics().get("p_value"));
        return new TrainingStatus(EventTypes.deterministicId(Topics.TRAINING_STATUS, State.CONFIG_VALIDATED.name(), result.eventId()),
                TrainingStatus.SCHEMA_VERSION, trained.occurredAt(), result.jobId(), SERVICE, result.market(),
                State.CONFIG_VALIDATED, "configuration " + trained.configId() + " is " + trained.lifecycleStage() + ": "
                        + String.join("; ", trained.stageReasons()),
                details);
    }
}
