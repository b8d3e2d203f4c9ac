package dev.trainer.optimizer.repository;

import dev.trainer.training.progress.Progression;
import dev.trainer.training.progress.JobStatus;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class TrainingJobRepository implements PanacheRepositoryBase<TrainingJob, String> {

    /** Advisory-lock namespace of job ids ("JOB"), apart from other services' keys in a shared database. */
    private static final int JOB_LOCK_SPACE = 0x4A4F42;

    /**
     * Holds the job id's advisory lock until the transaction ends, whether or not the job's row exists yet. The
     * request and the events that may come before it (cleaned chunks, market failures) take it first, so neither
     * can miss the other: a row inserted by an uncommitted registration is invisible to a row lock.
     */
    public void lockId(String jobId) {
        // pg_advisory_xact_lock returns void, which a native query cannot map: select a constant beside it
        getEntityManager().createNativeQuery("select 1 from (select pg_advisory_xact_lock(?1, hashtext(?2))) locked")
                .setParameter(1, JOB_LOCK_SPACE).setParameter(2, jobId).getSingleResult();
    }

    /** The job, locked for the rest of the transaction: the consumers of several topics update it. */
    public Optional<TrainingJob> lock(String id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    public List<TrainingJob> running() {
        return list("status", JobStatus.RUNNING);
    }

    public List<TrainingJob> recent(String status, int limit) {
        Sort newestFirst = Sort.descending("createdAt");
        return (status == null ? findAll(newestFirst) : find("status", newestFirst, Progression.fromDb(JobStatus.class, status))).page(0, limit).list();
    }
}
