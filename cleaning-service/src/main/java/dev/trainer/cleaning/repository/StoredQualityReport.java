package dev.trainer.cleaning.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/** What the checks counted on one series of one job, and the gate's decision. Counts are numbers of candles. */
@Entity
@Table(name = "quality_reports")
public class StoredQualityReport {

    @EmbeddedId
    public Key key;

    public int total;

    @Column(name = "zero_volume")
    public int zeroVolume;

    public int flat;

    @Column(name = "ohlc_invalid")
    public int ohlcInvalid;

    public int duplicates;

    @Column(name = "out_of_order")
    public int outOfOrder;

    /** Absent grid times: between the first and the last candle, plus missingHead and missingTail. */
    public int missing;

    /** Candle times of the requested period before the first candle received (0 before V3). */
    @Column(name = "missing_head")
    public int missingHead;

    /** Candle times of the requested period after the last candle received (0 before V3). */
    @Column(name = "missing_tail")
    public int missingTail;

    /** The period the series was asked for; null before V3 or when the chunks did not say. */
    @Column(name = "period_from")
    public Instant periodFrom;

    @Column(name = "period_until")
    public Instant periodUntil;

    @Column(name = "stale_runs")
    public int staleRuns;

    public int spikes;

    @Column(name = "cross_exchange_divergence")
    public int crossExchangeDivergence;

    /** Candles that had at least one other exchange's close at their time. */
    @Column(name = "cross_exchange_compared")
    public int crossExchangeCompared;

    /** The other exchanges compared with. */
    @Column(name = "cross_exchange_references")
    public String[] crossExchangeReferences;

    public int valid;

    /** valid / (total + missingHead + missingTail), 0..1. */
    @Column(name = "valid_fraction")
    public double validFraction;

    /** valid_fraction x 100, 0..100. */
    @Column(name = "valid_pct")
    public double validPct;

    public int synthetic;

    public int unfilled;

    /** Candles in the cleaned series, synthetic ones included; null for reports stored before V2. */
    @Column(name = "clean_candle_count")
    public Integer cleanCandleCount;

    /** Valid candles in the cleaned series / cleanCandleCount, 0..1. */
    @Column(name = "quality_score")
    public double qualityScore;

    /** The gate's minimum valid fraction, 0..1. */
    @Column(name = "threshold_fraction")
    public double thresholdFraction;

    public boolean passed;

    public String verdict;

    /** SHA-256 (hex) of the cleaned series. */
    public String fingerprint;

    /** The settings the series was checked with ({@code QualitySettings.describe()}); null before V2. */
    public String settings;

    @Column(name = "created_at")
    public Instant createdAt;

    @Embeddable
    public record Key(@Column(name = "job_id") String jobId, String exchange, String pair, String timeframe)
            implements Serializable {
    }
}
