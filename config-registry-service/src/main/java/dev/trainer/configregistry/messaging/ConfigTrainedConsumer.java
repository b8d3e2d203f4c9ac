package dev.trainer.configregistry.messaging;

import dev.trainer.configregistry.repository.TrainedConfigurationRepository;
import dev.trainer.configregistry.service.BreakerPauses;
import dev.trainer.configregistry.service.LifecycleTransitions;
import dev.trainer.contracts.EventTypes;
import dev.trainer.contracts.Topics;
import dev.trainer.contracts.events.ConfigTrained;
import dev.trainer.contracts.events.TrainingStatus;
import dev.trainer.contracts.events.TrainingStatus.State;
import dev.trainer.support.ProcessedEvents;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Consumes configs.trained into trained_configurations. A redelivered event (same event id) is recognised by
 * processed_events; a second event for an already stored configuration (same config id) stores nothing. Only a
 * newly stored configuration gets the first row of its lifecycle history (the validator's assignment), is paused at
 * once if tripped circuit breakers named it before it arrived (BreakerPauses), and is reported on training.status
 * (CONFIG_STORED), under an id derived from the configuration, so a crash between the report and the commit repeats
 * the report under the same id.
 */
@ApplicationScoped
public class ConfigTrainedConsumer {

    static final String SERVICE = "config-registry-service";
    private static final Logger LOG = Logger.getLogger(ConfigTrainedConsumer.class);

    private final TrainedConfigurationRepository configurations;
    private final ProcessedEvents processed;
    private final RegistryPublisher publisher;
    private final LifecycleTransitions lifecycle;
    private final BreakerPauses pauses;

    public ConfigTrainedConsumer(TrainedConfigurationRepository configurations, ProcessedEvents processed,
            RegistryPublisher publisher, LifecycleTransitions lifecycle, BreakerPauses pauses) {
        this.configurations = configurations;
        this.processed = processed;
        this.publisher = publisher;
        this.lifecycle = lifecycle;
        this.pauses = pauses;
    }

    @Incoming("configs-trained")
    @Blocking
    @Transactional
    public void onConfigTrained(ConfigTrained config) {
        if (!processed.firstDelivery(config.eventId(), "configs-trained")) {
            return;
        }
        configurations.lockPauseDecision(config.configId());
        if (!configurations.insertIfAbsent(config)) {
            LOG.infof("configuration %s is already stored; event %s ignored", config.configId(), config.eventId());
            return;
        }
        lifecycle.recordAssignment(config);
        boolean paused = pauses.pauseOnArrival(config.configId());
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("config_id", config.configId());
        details.put("lifecycle_stage", config.lifecycleStage());
        details.put("paused", paused);
        publisher.status(new TrainingStatus(
                EventTypes.deterministicId(Topics.TRAINING_STATUS, State.CONFIG_STORED.name(), config.configId()),
                TrainingStatus.SCHEMA_VERSION, Instant.now(), config.jobId(), SERVICE, config.market(), State.CONFIG_STORED,
                "configuration " + config.configId() + " stored as " + config.lifecycleStage()
                        + (paused ? ", PAUSED at once by circuit breakers that tripped before it arrived" : ""),
                details));
    }
}
