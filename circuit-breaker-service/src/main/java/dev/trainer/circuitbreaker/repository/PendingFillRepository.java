package dev.trainer.circuitbreaker.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class PendingFillRepository implements PanacheRepositoryBase<PendingFill, String> {

    /** The fills of a market due by {@code untilMs}, earliest due first (then in order of arrival of their events). */
    public List<PendingFill> dueBy(String exchange, String pair, long untilMs) {
        return list("exchange = ?1 and pair = ?2 and dueAtMs <= ?3 order by dueAtMs, filledAt, eventId", exchange, pair,
                untilMs);
    }
}
