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

    public List<JobMarket> forJob(String jobId) {
        return list("key.jobId", io.quarkus.panache.common.Sort.ascending("key.marketKey"), jobId);
    }
}
