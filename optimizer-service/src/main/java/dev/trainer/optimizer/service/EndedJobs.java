package dev.trainer.optimizer.service;

import dev.trainer.optimizer.repository.TrainingJobRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Whether a job has ended (completed, failed, cancelled, stopped), as the workers ask before each batch: a cancelled
 * job's queued batches are then skipped without a backtest. The answer for a running job is kept for a second, so a
 * worker asks the database at most once a second per job; an ended job stays ended.
 */
@ApplicationScoped
public class EndedJobs {

    private static final long RECHECK_NANOS = 1_000_000_000L;
    private static final int MAX_REMEMBERED = 10_000;

    private final TrainingJobRepository jobs;
    private final Map<String, Long> runningCheckedAt = new ConcurrentHashMap<>();
    private final Map<String, Boolean> ended = new ConcurrentHashMap<>();

    public EndedJobs(TrainingJobRepository jobs) {
        this.jobs = jobs;
    }

    public boolean ended(String jobId) {
        if (ended.containsKey(jobId)) {
            return true;
        }
        long now = System.nanoTime();
        Long checked = runningCheckedAt.get(jobId);
        if (checked != null && now - checked < RECHECK_NANOS) {
            return false;
        }
        boolean finished = QuarkusTransaction.requiringNew().call(() -> jobs.findByIdOptional(jobId)
                .map(j -> j.finished()).orElse(false));
        if (runningCheckedAt.size() > MAX_REMEMBERED) {
            runningCheckedAt.clear();
        }
        if (ended.size() > MAX_REMEMBERED) {
            ended.clear();
        }
        if (finished) {
            ended.put(jobId, Boolean.TRUE);
            runningCheckedAt.remove(jobId);
        } else {
            runningCheckedAt.put(jobId, now);
        }
        return finished;
    }
}
