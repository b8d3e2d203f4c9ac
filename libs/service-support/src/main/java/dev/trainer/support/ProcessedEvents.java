package dev.trainer.support;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

/**
 * Makes consumers idempotent: the id of every event a service has acted on is recorded in its own
 * {@code processed_events} table, in the same transaction as the effect of the event, so a redelivered
 * event is recognised and changes nothing.
 */
@ApplicationScoped
public class ProcessedEvents {

    private final EntityManager em;

    public ProcessedEvents(EntityManager em) {
        this.em = em;
    }

    /** True the first time an event id is seen by this consumer; false for a redelivery. */
    @Transactional(TxType.MANDATORY)
    public boolean firstDelivery(String eventId, String consumer) {
        int inserted = em.createNativeQuery(
                "insert into processed_events (event_id, consumer, processed_at) values (?1, ?2, now()) on conflict do nothing")
                .setParameter(1, eventId)
                .setParameter(2, consumer)
                .executeUpdate();
        return inserted == 1;
    }
}
