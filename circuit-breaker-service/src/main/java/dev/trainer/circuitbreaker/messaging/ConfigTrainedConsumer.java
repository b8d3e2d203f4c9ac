package dev.trainer.circuitbreaker.messaging;

import dev.trainer.circuitbreaker.repository.ActiveConfigurationRepository;
import dev.trainer.contracts.events.ConfigTrained;
import dev.trainer.support.ProcessedEvents;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Consumes configs.trained: every trained configuration comes under the breakers' watch with all breakers ARMED.
 * The row and the record that the event was handled commit together; a redelivered event changes nothing.
 */
@ApplicationScoped
public class ConfigTrainedConsumer {

    private static final Logger LOG = Logger.getLogger(ConfigTrainedConsumer.class);

    private final ActiveConfigurationRepository configurations;
    private final ProcessedEvents processed;

    public ConfigTrainedConsumer(ActiveConfigurationRepository configurations, ProcessedEvents processed) {
        this.configurations = configurations;
        this.processed = processed;
    }

    @Incoming("configs-trained")
    @Blocking
    @Transactional
    public void onConfigTrained(ConfigTrained config) {
        if (processed.firstDelivery(config.eventId(), "configs-trained")) {
            boolean added = configurations.addIfAbsent(config);
            LOG.debugf("configuration %s (%s, %s, %s): %s", config.configId(), config.strategy(), config.market(),
                    config.lifecycleStage(), added ? "armed" : "already watched");
        }
    }
}
