package dev.trainer.optimizer.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class TrainingJobRepository implements PanacheRepositoryBase<TrainingJob, String> {

    /** The job, locked for the rest of the transaction: the consumers of several topics update it. */
    public Optional<TrainingJob> lock(String id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    public List<TrainingJob> running() {
        return list("status", TrainingJob.RUNNING);
    }

    public List<TrainingJob> recent(String status, int limit) {
        Sort newestFirst = Sort.descending("createdAt");
        return (status == null ? findAll(newestFirst) : find("status", newestFirst, status)).page(0, limit).list();
    }
}
