package dev.trainer.configregistry.messaging;

import dev.trainer.contracts.events.TrainingStatus;
import dev.trainer.support.KeyedMessages;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;

@ApplicationScoped
public class RegistryPublisher {

    private final MutinyEmitter<TrainingStatus> status;

    public RegistryPublisher(@Channel("training-status") MutinyEmitter<TrainingStatus> status) {
        this.status = status;
    }

    public void status(TrainingStatus event) {
        KeyedMessages.sendAndAwait(status, event.jobId(), event);
    }
}
