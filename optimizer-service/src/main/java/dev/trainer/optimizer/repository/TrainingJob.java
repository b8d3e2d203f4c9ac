package dev.trainer.optimizer.repository;

import dev.trainer.training.progress.JobStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** The plan's training_jobs row. */
@Entity
@Table(name = "training_jobs")
public class TrainingJob {

    @Id
    public String id;

    @Column(name = "user_id")
    public String userId;

    @Column(name = "strategy_name")
    public String strategyName;

    public JobStatus status;

    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> config;

    @Column(name = "total_markets")
    public int totalMarkets;

    @Column(name = "total_combinations")
    public int totalCombinations;

    @Column(name = "completed_combinations")
    public int completedCombinations;

    @Column(name = "failed_combinations")
    public int failedCombinations;

    @Column(name = "configurations_created")
    public int configurationsCreated;

    @Column(name = "best_net_profit_fraction")
    public Double bestNetProfitFraction;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "completed_at")
    public Instant completedAt;

    @Column(name = "error_message")
    public String errorMessage;

    public boolean finished() {
        return status.finished();
    }

    /** Moves the job on; throws when the progression does not allow the move. */
    public void become(JobStatus next) {
        status = status.mustBecome(next);
    }
}
