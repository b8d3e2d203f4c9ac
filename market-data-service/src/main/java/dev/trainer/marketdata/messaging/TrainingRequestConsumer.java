package dev.trainer.marketdata.messaging;

import dev.trainer.contracts.events.TrainingRequested;
import dev.trainer.marketdata.service.MarketLoader;
import dev.trainer.support.ProcessedEvents;
import dev.trainer.training.InvalidTrainingRequest;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Consumes training.requests. The request's effect and the record that it was handled commit together; outputs
 * are acknowledged by the broker before that commit, so a crash in between redelivers the request and the
 * outputs go out again under the same event ids, which the next step ignores.
 */
@ApplicationScoped
public class TrainingRequestConsumer {

    private final MarketLoader loader;
    private final ProcessedEvents processed;

    public TrainingRequestConsumer(MarketLoader loader, ProcessedEvents processed) {
        this.loader = loader;
        this.processed = processed;
    }

    @Incoming("training-requests")
    @Blocking
    @Transactional
    // markets from an exchange are fetched while this transaction is open (each fetched range commits on its own),
    // which under an exchange's rate limit can take far longer than the default 60 s
    @TransactionConfiguration(timeout = 3600)
    public void onTrainingRequested(TrainingRequested request) {
        InvalidTrainingRequest.refuseIfInvalid(request); // to the dead-letter topic, with the reason, before any fetch
        if (processed.firstDelivery(request.eventId(), "training-requests")) {
            loader.load(request);
        }
    }
}
