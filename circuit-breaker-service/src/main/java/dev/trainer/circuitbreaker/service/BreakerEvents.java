package dev.trainer.circuitbreaker.service;

import dev.trainer.circuitbreaker.messaging.BreakerEventSender;
import dev.trainer.circuitbreaker.repository.OutgoingEvent;
import dev.trainer.circuitbreaker.repository.OutgoingEventRepository;
import dev.trainer.contracts.events.BreakerStateChanged;
import dev.trainer.contracts.serde.EventJson;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.nio.charset.StandardCharsets;

/**
 * Publishes breaker.events after the commit of the state change they report: each event is written to
 * outgoing_events in the same transaction, and the sender is woken once that transaction has committed. A rolled back
 * change publishes nothing; a committed one is published even if the process stops right after the commit (the
 * scheduled check sends what is left, under the same event id).
 */
@ApplicationScoped
public class BreakerEvents {

    private static final Object WAKE_REGISTERED = new Object();

    private final OutgoingEventRepository outgoing;
    private final BreakerEventSender sender;
    private final TransactionSynchronizationRegistry transactions;

    public BreakerEvents(OutgoingEventRepository outgoing, BreakerEventSender sender,
            TransactionSynchronizationRegistry transactions) {
        this.outgoing = outgoing;
        this.sender = sender;
        this.transactions = transactions;
    }

    @Transactional(TxType.MANDATORY)
    public void publishAfterCommit(BreakerStateChanged event) {
        OutgoingEvent row = new OutgoingEvent();
        row.eventId = event.eventId();
        row.recordKey = event.scope();
        row.payload = new String(EventJson.write(event), StandardCharsets.UTF_8);
        row.createdAt = event.occurredAt();
        outgoing.persist(row);
        if (transactions.getResource(WAKE_REGISTERED) == null) {
            transactions.putResource(WAKE_REGISTERED, Boolean.TRUE);
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    if (status == Status.STATUS_COMMITTED) {
                        sender.sendSoon();
                    }
                }
            });
        }
    }
}
