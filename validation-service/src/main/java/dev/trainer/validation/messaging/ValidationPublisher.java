package dev.trainer.validation.messaging;

import dev.trainer.contracts.events.ConfigTrained;
import dev.trainer.contracts.events.TrainingStatus;
import dev.trainer.support.KeyedMessages;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;

@ApplicationScoped
public class ValidationPublisher {

    private final MutinyEmitter<ConfigTrained> configs;
    private final MutinyEmitter<TrainingStatus> status;

    public ValidationPublisher(@Channel("configs-trained") MutinyEmitter<ConfigTrained> configs,
            @Channel("training-status") MutinyEmitter<TrainingStatus> status) {
        this.configs = configs;
        this.status = status;
    }

    public void configTrained(ConfigTrained event) {
        KeyedMessages.sendAndAwait(configs, event.configId(), event);
    }

    public void status(TrainingStatus event) {
        KeyedMessages.sendAndAwait(status, event.jobId(), event);
    }
}
