package dev.trainer.configregistry.messaging;

import dev.trainer.configregistry.service.BreakerPauses;
import dev.trainer.contracts.events.BreakerStateChanged;
import dev.trainer.support.ProcessedEvents;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Consumes breaker.events: a TRIPPED breaker pauses the configurations it covers, an ARMED one lets them resume once
 * no other tripped breaker holds them (BreakerPauses). A redelivered event (same event id) is recognised by
 * processed_events and changes nothing; a malformed event throws and goes to the dead-letter topic.
 */
@ApplicationScoped
public class BreakerEventsConsumer {

    static final String CHANNEL = "breaker-events";

    private final ProcessedEvents processed;
    private final BreakerPauses pauses;

    public BreakerEventsConsumer(ProcessedEvents processed, BreakerPauses pauses) {
        this.processed = processed;
        this.pauses = pauses;
    }

    @Incoming(CHANNEL)
    @Blocking
    @Transactional
    public void onBreakerStateChanged(BreakerStateChanged event) {
        if (!processed.firstDelivery(event.eventId(), CHANNEL)) {
            return;
        }
        pauses.apply(event);
    }
}
