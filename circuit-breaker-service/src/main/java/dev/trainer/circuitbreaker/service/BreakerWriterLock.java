package dev.trainer.circuitbreaker.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

/**
 * One writer at a time: every transaction that changes breaker state or its inputs (the three consumers, the REST
 * resets and overrides, the scheduled check) first takes this PostgreSQL advisory lock, held until it commits or rolls
 * back. Fills and candles of one market arrive on different topics and change the same rows (pending fills, market
 * scopes, the portfolio); serialising them keeps every read-modify-write simple and free of deadlocks, across
 * replicas too. The inputs are small (a fill, a chunk of candles), so the lock is held for milliseconds.
 */
@ApplicationScoped
public class BreakerWriterLock {

    /** Any constant; this one is "breaker" in ASCII. */
    static final long KEY = 0x627265616b6572L;

    private final EntityManager em;

    public BreakerWriterLock(EntityManager em) {
        this.em = em;
    }

    @Transactional(TxType.MANDATORY)
    public void acquire() {
        // pg_advisory_xact_lock returns void, which a native query cannot map: select a constant beside it
        em.createNativeQuery("select 1 from (select pg_advisory_xact_lock(?1)) locked").setParameter(1, KEY)
                .getSingleResult();
    }
}
