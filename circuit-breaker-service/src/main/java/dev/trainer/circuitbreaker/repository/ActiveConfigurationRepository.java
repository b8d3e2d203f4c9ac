package dev.trainer.circuitbreaker.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** The active_configurations table: the configurations under watch, and which of them a scope covers. */
@ApplicationScoped
public class ActiveConfigurationRepository implements PanacheRepositoryBase<ActiveConfiguration, String> {

    /** The next number in the order of arrival. Only safe under the writer lock (BreakerWriterLock). */
    public long nextReceivedSeq() {
        return ((Number) getEntityManager()
                .createNativeQuery("select coalesce(max(received_seq), 0) + 1 from active_configurations")
                .getSingleResult()).longValue();
    }

    /** Newest first, optionally only one lifecycle stage. */
    public List<ActiveConfiguration> page(String stage, int offset, int limit) {
        Sort sort = Sort.descending("receivedAt").and("configId");
        var query = stage == null ? findAll(sort) : find("stage = :stage", sort, Parameters.with("stage", stage));
        return query.range(offset, offset + limit - 1).list();
    }

    /** Every watched configuration, oldest first. */
    public List<ActiveConfiguration> inArrivalOrder() {
        return list("order by receivedSeq");
    }

    public List<String> allIds() {
        return getEntityManager().createQuery("select c.configId from ActiveConfiguration c order by c.configId",
                String.class).getResultList();
    }

    public List<String> idsOnExchange(String exchange) {
        return getEntityManager().createQuery("select c.configId from ActiveConfiguration c where c.exchange = :exchange "
                + "order by c.configId", String.class).setParameter("exchange", exchange).getResultList();
    }

    public List<String> idsOnMarket(String exchange, String pair) {
        return getEntityManager().createQuery("select c.configId from ActiveConfiguration c where c.exchange = :exchange "
                + "and c.pair = :pair order by c.configId", String.class)
                .setParameter("exchange", exchange).setParameter("pair", pair).getResultList();
    }
}
