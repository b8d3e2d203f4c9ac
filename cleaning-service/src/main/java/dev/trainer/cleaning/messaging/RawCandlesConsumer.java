package dev.trainer.cleaning.messaging;

import dev.trainer.cleaning.service.SeriesCleaner;
import dev.trainer.contracts.events.RawCandlesChunk;
import dev.trainer.support.ProcessedEvents;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Consumes candles.raw. Storing a chunk, evaluating a complete series, and the record that the chunk was handled
 * commit together; outputs are acknowledged by the broker before that commit, so a crash in between redelivers the
 * chunk and the outputs go out again under the same event ids, which the next step ignores. A chunk that breaks the
 * contract throws, which rolls everything back and sends it to dlq.candles.raw.cleaning-service: an impossible candle
 * in it too (a price not above 0, OHLC out of order, an open time off the grid or past now plus one candle), the reason
 * naming the candle and the field.
 */
@ApplicationScoped
public class RawCandlesConsumer {

    private final SeriesCleaner cleaner;
    private final ProcessedEvents processed;

    public RawCandlesConsumer(SeriesCleaner cleaner, ProcessedEvents processed) {
        this.cleaner = cleaner;
        this.processed = processed;
    }

    @Incoming("candles-raw")
    @Blocking
    @Transactional
    public void onRawCandles(RawCandlesChunk chunk) {
        SeriesCleaner.requireValid(chunk, System.currentTimeMillis());
        if (processed.firstDelivery(chunk.eventId(), "candles-raw")) {
            cleaner.accept(chunk);
        }
    }
}
