package dev.trainer.circuitbreaker.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.List;

@ApplicationScoped
public class OutgoingEventRepository implements PanacheRepositoryBase<OutgoingEvent, Long> {

    /**
     * The oldest unsent events (a sent one is deleted), locked: a second sender (another replica) waits for this one's
     * transaction and then finds them gone, so events leave in the order they were made.
     */
    public List<OutgoingEvent> oldestUnsent(int limit) {
        return find("order by seq").withLock(LockModeType.PESSIMISTIC_WRITE).range(0, limit - 1).list();
    }
}
