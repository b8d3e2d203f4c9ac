package dev.trainer.configregistry.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.hibernate.annotations.DynamicUpdate;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A row of trained_configurations (see the migrations for units). Written once from its configs.trained event;
 * afterwards only its lifecycle stage, stage reasons and paused-from stage change, by manual transitions and by the
 * circuit breakers.
 */
@Entity
@Table(name = "trained_configurations")
// a transition writes the stage columns only: the stored JSON (the V3 configuration above all) is never rewritten
@DynamicUpdate
public class TrainedConfiguration {

    @Id
    @Column(name = "config_id")
    public String configId;

    @Column(name = "event_id")
    public String eventId;

    @Column(name = "job_id")
    public String jobId;

    @Column(name = "user_id")
    public String userId;

    public String strategy;
    public String exchange;
    public String pair;
    public String timeframe;

    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Double> parameters;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "v3_config")
    public Map<String, Object> v3Config;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "in_sample_metrics")
    public Map<String, Object> inSampleMetrics;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "out_of_sample_metrics")
    public Map<String, Object> outOfSampleMetrics;

    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> statistics;

    @Column(name = "net_profit_fraction")
    public Double netProfitFraction;

    @Column(name = "sharpe_daily")
    public Double sharpeDaily;

    @Column(name = "max_drawdown_fraction")
    public Double maxDrawdownFraction;

    @Column(name = "gross_win_rate_fraction")
    public Double grossWinRateFraction;

    @Column(name = "trade_count")
    public Integer tradeCount;

    @Column(name = "out_of_sample_days")
    public Integer outOfSampleDays;

    @Column(name = "p_value")
    public Double pValue;

    @Column(name = "z_score")
    public Double zScore;

    @Column(name = "stability_score")
    public Double stabilityScore;

    @Column(name = "probabilistic_sharpe_probability")
    public Double probabilisticSharpeProbability;

    @Column(name = "deflated_sharpe_probability")
    public Double deflatedSharpeProbability;

    @Column(name = "probability_of_backtest_overfitting")
    public Double probabilityOfBacktestOverfitting;

    @Column(name = "minimum_track_record_length_days")
    public Double minimumTrackRecordLengthDays;

    @Column(name = "lifecycle_stage")
    public String lifecycleStage;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "stage_reasons")
    public List<String> stageReasons;

    /** The stage a PAUSED configuration goes back to when no tripped breaker covers it any more; null otherwise. */
    @Column(name = "paused_from_stage")
    public String pausedFromStage;

    @Column(name = "data_fingerprint")
    public String dataFingerprint;

    @Column(name = "quality_score_fraction")
    public double qualityScoreFraction;

    @Column(name = "code_version")
    public String codeVersion;

    public long seed;

    @Column(name = "optimization_method")
    public String optimizationMethod;

    @Column(name = "validation_method")
    public String validationMethod;

    @Column(name = "trials_evaluated")
    public int trialsEvaluated;

    @Column(name = "trained_at")
    public Instant trainedAt;

    @Column(name = "created_at")
    public Instant createdAt;
}
