package dev.trainer.circuitbreaker.messaging;

import dev.trainer.circuitbreaker.repository.OutgoingEvent;
import dev.trainer.circuitbreaker.repository.OutgoingEventRepository;
import dev.trainer.contracts.events.BreakerStateChanged;
import dev.trainer.contracts.serde.EventJson;
import dev.trainer.support.KeyedMessages;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.jboss.logging.Logger;

/**
 * Sends the outgoing_events rows to breaker.events, oldest first, and marks each sent once the broker has it. Runs
 * after every commit that wrote events (on its own thread: the committing transaction is finished, and a consumer
 * does not wait for the broker) and from the scheduled check, which picks up what a crash or a broker outage left.
 */
@ApplicationScoped
public class BreakerEventSender {

    static final int BATCH = 100;
    static final int SEND_TIMEOUT_S = 300;
    private static final Logger LOG = Logger.getLogger(BreakerEventSender.class);

    private final MutinyEmitter<BreakerStateChanged> emitter;
    private final OutgoingEventRepository outgoing;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "breaker-events-sender");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean queued = new AtomicBoolean();

    public BreakerEventSender(@Channel("breaker-events") MutinyEmitter<BreakerStateChanged> emitter,
            OutgoingEventRepository outgoing) {
        this.emitter = emitter;
        this.outgoing = outgoing;
    }

    /** Sends what is pending soon, on the sender's thread; several calls before it runs make one run. */
    public void sendSoon() {
        if (queued.compareAndSet(false, true)) {
            worker.execute(() -> {
                queued.set(false);
                sendPending();
            });
        }
    }

    /** Sends every pending event, oldest first; a failure is logged and left for the next run. */
    public synchronized void sendPending() {
        try {
            int sent;
            do {
                sent = QuarkusTransaction.requiringNew().timeout(SEND_TIMEOUT_S).call(this::sendBatch);
            } while (sent == BATCH);
        } catch (RuntimeException e) {
            LOG.warnf(e, "breaker.events not sent yet (%s); the scheduled check tries again", e.getMessage());
        }
    }

    private int sendBatch() {
        List<OutgoingEvent> batch = outgoing.oldestUnsent(BATCH);
        for (OutgoingEvent row : batch) {
            BreakerStateChanged event = EventJson.read(row.payload.getBytes(StandardCharsets.UTF_8),
                    BreakerStateChanged.class);
            KeyedMessages.sendAndAwait(emitter, row.recordKey, event);
            outgoing.delete(row); // the broker has it: the table holds only what is still to send
            LOG.infof("breaker.events: %s %s %s -> %s (%s) configs %s", event.breaker(), event.scope(),
                    event.previousState(), event.state(), event.cause(), event.configIds());
        }
        return batch.size();
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }
}
