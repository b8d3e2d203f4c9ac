package dev.trainer.optimizer.repository;

import dev.trainer.training.progress.WindowStatus;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class WindowStateRepository implements PanacheRepositoryBase<WindowState, WindowState.Key> {

    public Optional<WindowState> lock(String jobId, String marketKey, int windowIndex) {
        return findByIdOptional(new WindowState.Key(jobId, marketKey, windowIndex), LockModeType.PESSIMISTIC_WRITE);
    }

    /**
     * Windows waiting for results whose last progress is older than {@code before}: testing, or searching with trials
     * sent and not recorded (a window still waiting for its turn under flow control waits for nothing).
     */
    public List<WindowState> stalled(Instant before) {
        return list("(status = ?1 or (status = ?2 and sentUntilTrial > recordedTrials)) and lastProgressAt < ?3",
                WindowStatus.TESTING, WindowStatus.SEARCHING, before);
    }

    /** Whether any window of the job, in any market, is still searching. */
    public boolean anySearching(String jobId) {
        return count("key.jobId = ?1 and status = ?2", jobId, WindowStatus.SEARCHING) > 0;
    }

    /** The job's windows still searching, in any market (a modifiable list). */
    public List<WindowState> searchingForJob(String jobId) {
        return new java.util.ArrayList<>(list("key.jobId = ?1 and status = ?2", jobId, WindowStatus.SEARCHING));
    }

    public List<WindowState> forMarket(String jobId, String marketKey) {
        return list("key.jobId = ?1 and key.marketKey = ?2", Sort.ascending("key.windowIndex"), jobId, marketKey);
    }
}
