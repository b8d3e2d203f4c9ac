package dev.trainer.optimizer.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;

/** Markets reported as failed by an earlier step, whether or not their job is known yet. The first report stands. */
@ApplicationScoped
public class MarketFailures {

    private final EntityManager em;

    public MarketFailures(EntityManager em) {
        this.em = em;
    }

    public void record(String jobId, String marketKey, String reason) {
        em.createNativeQuery("insert into market_failures (job_id, market_key, reason) values (?1, ?2, ?3) on conflict do nothing")
                .setParameter(1, jobId).setParameter(2, marketKey).setParameter(3, reason).executeUpdate();
    }

    @SuppressWarnings("unchecked")
    public Optional<String> reason(String jobId, String marketKey) {
        List<String> rows = em.createNativeQuery("select reason from market_failures where job_id = ?1 and market_key = ?2")
                .setParameter(1, jobId).setParameter(2, marketKey).getResultList();
        return rows.stream().findFirst();
    }
}
