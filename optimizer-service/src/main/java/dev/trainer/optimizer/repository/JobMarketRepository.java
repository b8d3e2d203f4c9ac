package dev.trainer.optimizer.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JobMarketRepository implements PanacheRepositoryBase<JobMarket, JobMarket.Key> {

    public Optional<JobMarket> lock(String jobId, String marketKey) {
        return findByIdOptional(new JobMarket.Key(jobId, marketKey), LockModeType.PESSIMISTIC_WRITE);
    }

    /**
     * A finalising market that is due (its backoff over, no live claim on it) and whose job still runs, locked; rows
     * another transaction holds are skipped, so replicas claim different markets.
     */
    public Optional<JobMarket> claimFinalising(java.time.Instant now) {
        @SuppressWarnings("unchecked")
        List<Object[]> keys = getEntityManager().createNativeQuery("select m.job_id, m.market_key from job_markets m "
                + "join training_jobs j on j.id = m.job_id where m.status = 'finalising' and j.status = 'running' "
                + "and (m.next_attempt_at is null or m.next_attempt_at <= ?1) "
                + "and (m.claimed_until is null or m.claimed_until < ?1) "
                + "order by m.updated_at limit 1 for update of m skip locked")
                .setParameter(1, now).getResultList();
        return keys.isEmpty() ? Optional.empty()
                : Optional.ofNullable(findById(new JobMarket.Key((String) keys.get(0)[0], (String) keys.get(0)[1])));
    }

    public List<JobMarket> forJob(String jobId) {
        return list("key.jobId", io.quarkus.panache.common.Sort.ascending("key.marketKey"), jobId);
    }
}
