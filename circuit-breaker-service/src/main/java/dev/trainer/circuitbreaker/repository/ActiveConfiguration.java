package dev.trainer.circuitbreaker.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A trained configuration under the breakers' watch, with its out-of-sample daily returns. Its breakers' states are
 * not here: they belong to the scopes that cover it (BreakerState).
 */
@Entity
@Table(name = "active_configurations")
public class ActiveConfiguration {

    @Id
    @Column(name = "config_id")
    public String configId;

    public String strategy;

    public String exchange;

    public String pair;

    public String timeframe;

    public String stage;

    @Column(name = "received_at")
    public Instant receivedAt;

    /** 1, 2, 3, ... in the order of arrival: of two correlated configurations the one with the higher number trips. */
    @Column(name = "received_seq")
    public long receivedSeq;

    /** 00:00 UTC of each out-of-sample day, epoch milliseconds, ascending. */
    @Column(name = "oos_day_starts_ms")
    public long[] oosDayStartsMs;

    /** The out-of-sample daily returns (fractions), one per day of {@link #oosDayStartsMs}. */
    @Column(name = "oos_daily_returns")
    public double[] oosDailyReturns;
}
