package dev.trainer.circuitbreaker.messaging;

import dev.trainer.circuitbreaker.mapping.InputChecks;
import dev.trainer.circuitbreaker.service.BreakerWriterLock;
import dev.trainer.circuitbreaker.service.ConfigurationArrivals;
import dev.trainer.contracts.events.ConfigTrained;
import dev.trainer.support.ProcessedEvents;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Consumes configs.trained: every trained configuration comes under the breakers' watch (ConfigurationArrivals). The
 * change and the record that the event was handled commit together; a redelivered event changes nothing, and an
 * invalid one goes to the dead-letter topic.
 */
@ApplicationScoped
public class ConfigTrainedConsumer {

    static final String CHANNEL = "configs-trained";
    private static final Logger LOG = Logger.getLogger(ConfigTrainedConsumer.class);

    private final BreakerWriterLock lock;
    private final ProcessedEvents processed;
    private final ConfigurationArrivals arrivals;
    private final Clock clock;

    public ConfigTrainedConsumer(BreakerWriterLock lock, ProcessedEvents processed, ConfigurationArrivals arrivals,
            Clock clock) {
        this.lock = lock;
        this.processed = processed;
        this.arrivals = arrivals;
        this.clock = clock;
    }

    @Incoming(CHANNEL)
    @Blocking
    @Transactional
    public void onConfigTrained(ConfigTrained config) {
        InputChecks.requireValid(config);
        lock.acquire();
        if (processed.firstDelivery(config.eventId(), CHANNEL)) {
            boolean added = arrivals.arrive(config, clock.instant());
            LOG.debugf("configuration %s (%s, %s, %s): %s", config.configId(), config.strategy(), config.market(),
                    config.lifecycleStage(), added ? "watched" : "already watched");
        }
    }
}
