package dev.trainer.circuitbreaker.messaging;

import dev.trainer.circuitbreaker.mapping.InputChecks;
import dev.trainer.circuitbreaker.service.BreakerWriterLock;
import dev.trainer.circuitbreaker.service.FillBreakers;
import dev.trainer.contracts.events.ExecutionReported;
import dev.trainer.support.ProcessedEvents;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Consumes executions: each fill feeds the breakers it concerns (FillBreakers). An invalid fill (unknown side, a price
 * or quantity not positive, negative latency, no configId, ...) throws before anything changes and goes to the
 * dead-letter topic with the reason; a redelivered one changes nothing.
 */
@ApplicationScoped
public class ExecutionsConsumer {

    static final String CHANNEL = "executions";

    private final BreakerWriterLock lock;
    private final ProcessedEvents processed;
    private final FillBreakers breakers;
    private final Clock clock;

    public ExecutionsConsumer(BreakerWriterLock lock, ProcessedEvents processed, FillBreakers breakers, Clock clock) {
        this.lock = lock;
        this.processed = processed;
        this.breakers = breakers;
        this.clock = clock;
    }

    @Incoming(CHANNEL)
    @Blocking
    @Transactional
    public void onExecution(ExecutionReported fill) {
        InputChecks.requireValid(fill);
        lock.acquire();
        if (processed.firstDelivery(fill.eventId(), CHANNEL)) {
            breakers.onFill(fill, clock.instant());
        }
    }
}
