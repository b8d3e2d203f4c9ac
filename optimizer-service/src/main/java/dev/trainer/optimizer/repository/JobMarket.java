package dev.trainer.optimizer.repository;

import dev.trainer.training.progress.MarketStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/** One market of a training job and how far it got. */
@Entity
@Table(name = "job_markets")
public class JobMarket {

    @EmbeddedId
    public Key key;

    public String exchange;
    public String pair;
    public String timeframe;
    public MarketStatus status;
    public String message;

    @Column(name = "data_fingerprint")
    public String dataFingerprint;

    @Column(name = "quality_score_fraction")
    public Double qualityScoreFraction;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    /** Attempts at computing the outcome so far; bounded by {@code optimizer.finalise-attempts}. */
    @Column(name = "finalise_attempts")
    public int finaliseAttempts;

    /** Not before this is the outcome attempted again (backoff after a failed attempt). */
    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    /** A finaliser works on the outcome until then (a lease: a crashed replica's claim runs out). */
    @Column(name = "claimed_until")
    public Instant claimedUntil;

    public boolean finished() {
        return status.finished();
    }

    /** Moves the market on; throws when the progression does not allow the move. */
    public void become(MarketStatus next) {
        status = status.mustBecome(next);
    }

    @Embeddable
    public static class Key implements Serializable {
        @Column(name = "job_id")
        public String jobId;

        @Column(name = "market_key")
        public String marketKey;

        public Key() {
        }

        public Key(String jobId, String marketKey) {
            this.jobId = jobId;
            this.marketKey = marketKey;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.jobId.equals(jobId) && k.marketKey.equals(marketKey);
        }

        @Override
        public int hashCode() {
            return jobId.hashCode() * 31 + marketKey.hashCode();
        }
    }
}
