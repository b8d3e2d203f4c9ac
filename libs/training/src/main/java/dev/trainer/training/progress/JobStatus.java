package dev.trainer.training.progress;

import java.util.Set;

/**
 * A training job: pending until its first market starts, running until every market has finished; completed when at
 * least one market completed, failed when none did; cancelled by its owner; stopped past its maximum runtime as
 * completed or failed by the same rule.
 */
public enum JobStatus implements Progression<JobStatus> {
    PENDING, RUNNING, COMPLETED, FAILED, CANCELLED;

    @Override
    public Set<JobStatus> next() {
        return switch (this) {
            case PENDING -> Set.of(RUNNING, COMPLETED, FAILED, CANCELLED);
            case RUNNING -> Set.of(COMPLETED, FAILED, CANCELLED);
            case COMPLETED, FAILED, CANCELLED -> Set.of();
        };
    }
}
