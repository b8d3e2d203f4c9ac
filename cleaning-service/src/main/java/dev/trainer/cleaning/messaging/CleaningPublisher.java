package dev.trainer.cleaning.messaging;

import dev.trainer.contracts.events.CleanCandlesChunk;
import dev.trainer.contracts.events.TrainingStatus;
import dev.trainer.support.KeyedMessages;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;

@ApplicationScoped
public class CleaningPublisher {

    private final MutinyEmitter<CleanCandlesChunk> cleanCandles;
    private final MutinyEmitter<TrainingStatus> status;

    public CleaningPublisher(@Channel("candles-clean") MutinyEmitter<CleanCandlesChunk> cleanCandles,
            @Channel("training-status") MutinyEmitter<TrainingStatus> status) {
        this.cleanCandles = cleanCandles;
        this.status = status;
    }

    public void cleanCandles(CleanCandlesChunk chunk) {
        KeyedMessages.sendAndAwait(cleanCandles, chunk.series().key(), chunk);
    }

    public void status(TrainingStatus event) {
        KeyedMessages.sendAndAwait(status, event.jobId(), event);
    }
}
