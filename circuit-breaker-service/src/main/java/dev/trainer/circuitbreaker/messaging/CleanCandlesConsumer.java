package dev.trainer.circuitbreaker.messaging;

import dev.trainer.circuitbreaker.mapping.InputChecks;
import dev.trainer.circuitbreaker.service.BreakerWriterLock;
import dev.trainer.circuitbreaker.service.MarketBreakers;
import dev.trainer.contracts.events.CleanCandlesChunk;
import dev.trainer.support.ProcessedEvents;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Consumes candles.clean, one chunk at a time: the market breakers and the adverse-selection judgement of pending fills
 * (MarketBreakers). Chunks of history for training jobs come through here too; they only warm the trailing windows.
 * A chunk with an impossible candle (InputChecks, CandleEntryCheck) goes to the dead-letter topic and changes nothing.
 */
@ApplicationScoped
public class CleanCandlesConsumer {

    static final String CHANNEL = "candles-clean";

    private final BreakerWriterLock lock;
    private final ProcessedEvents processed;
    private final MarketBreakers breakers;
    private final Clock clock;

    public CleanCandlesConsumer(BreakerWriterLock lock, ProcessedEvents processed, MarketBreakers breakers,
            Clock clock) {
        this.lock = lock;
        this.processed = processed;
        this.breakers = breakers;
        this.clock = clock;
    }

    @Incoming(CHANNEL)
    @Blocking
    @Transactional
    public void onChunk(CleanCandlesChunk chunk) {
        InputChecks.requireValid(chunk, clock.millis());
        lock.acquire();
        if (processed.firstDelivery(chunk.eventId(), CHANNEL)) {
            breakers.onChunk(chunk, clock.instant());
        }
    }
}
