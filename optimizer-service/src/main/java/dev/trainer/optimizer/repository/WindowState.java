package dev.trainer.optimizer.repository;

import dev.trainer.training.progress.WindowStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** A validation window of a market: searching its train slice, testing the winner, or done. */
@Entity
@Table(name = "validation_windows")
public class WindowState {

    @EmbeddedId
    public Key key;

    @Column(name = "train_from_ms")
    public long trainFromMs;

    @Column(name = "train_until_ms")
    public long trainUntilMs;

    @Column(name = "test_from_ms")
    public long testFromMs;

    @Column(name = "test_until_ms")
    public long testUntilMs;

    @Column(name = "planned_trials")
    public int plannedTrials;

    public WindowStatus status;

    @Column(name = "best_trial")
    public Integer bestTrial;

    @Column(name = "best_score")
    public Double bestScore;

    /** The first trial number of the round being searched (0 for searches with a single round). */
    @Column(name = "round_started_trial")
    public int roundStartedTrial;

    @Column(name = "last_progress_at")
    public Instant lastProgressAt;

    /**
     * Trials of the current round numbered below this have been sent to the workers; the rest wait for the job's
     * batches in flight to come back (flow control: a big job never floods the workers' topic ahead of a small one).
     */
    @Column(name = "sent_until_trial")
    public int sentUntilTrial;

    /** Times the sweeper sent this window's missing trials again since its last progress. */
    public int resends;

    /** Times recording this window's results failed; past the limit its market fails with {@link #lastError}. */
    @Column(name = "failed_attempts")
    public int failedAttempts;

    @Column(name = "last_error")
    public String lastError;

    /** The search trials in the ledger: counted as they are recorded, so progress needs no count over the ledger. */
    @Column(name = "recorded_trials")
    public int recordedTrials;

    /** The names of the ledger's parameter values of this window's trials, in their order. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "parameter_names")
    public String[] parameterNames;

    /** The names of the ledger's summary metrics of this window's trials, in their order. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "metric_names")
    public String[] metricNames;

    public boolean searching() {
        return status == WindowStatus.SEARCHING;
    }

    /** Moves the window on; throws when the progression does not allow the move. */
    public void become(WindowStatus next) {
        status = status.mustBecome(next);
    }

    /** Trials of the current round not sent yet. */
    public int unsentTrials() {
        return searching() ? plannedTrials - sentUntilTrial : 0;
    }

    /** Trials sent and not recorded yet (rounds are contiguous: every earlier round is recorded whole). */
    public int trialsInFlight() {
        return searching() ? Math.max(0, sentUntilTrial - recordedTrials) : 0;
    }

    @Embeddable
    public static class Key implements Serializable {
        @Column(name = "job_id")
        public String jobId;

        @Column(name = "market_key")
        public String marketKey;

        @Column(name = "window_index")
        public int windowIndex;

        public Key() {
        }

        public Key(String jobId, String marketKey, int windowIndex) {
            this.jobId = jobId;
            this.marketKey = marketKey;
            this.windowIndex = windowIndex;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.jobId.equals(jobId) && k.marketKey.equals(marketKey) && k.windowIndex == windowIndex;
        }

        @Override
        public int hashCode() {
            return Objects.hash(jobId, marketKey, windowIndex);
        }
    }
}
