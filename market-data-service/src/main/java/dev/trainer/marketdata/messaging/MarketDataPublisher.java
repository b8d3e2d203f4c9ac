package dev.trainer.marketdata.messaging;

import dev.trainer.contracts.events.RawCandlesChunk;
import dev.trainer.contracts.events.TrainingStatus;
import dev.trainer.support.KeyedMessages;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;

@ApplicationScoped
public class MarketDataPublisher {

    private final MutinyEmitter<RawCandlesChunk> rawCandles;
    private final MutinyEmitter<TrainingStatus> status;

    public MarketDataPublisher(@Channel("candles-raw") MutinyEmitter<RawCandlesChunk> rawCandles,
            @Channel("training-status") MutinyEmitter<TrainingStatus> status) {
        this.rawCandles = rawCandles;
        this.status = status;
    }

    public void rawCandles(RawCandlesChunk chunk) {
        KeyedMessages.sendAndAwait(rawCandles, chunk.series().key(), chunk);
    }

    public void status(TrainingStatus event) {
        KeyedMessages.sendAndAwait(status, event.jobId(), event);
    }
}
