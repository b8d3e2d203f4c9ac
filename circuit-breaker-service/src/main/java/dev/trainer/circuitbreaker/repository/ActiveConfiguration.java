package dev.trainer.circuitbreaker.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A trained configuration under the breakers' watch, with the state (ARMED or TRIPPED) of each breaker for it. */
@Entity
@Table(name = "active_configurations")
public class ActiveConfiguration {

    public static final String ARMED = "ARMED";
    public static final String TRIPPED = "TRIPPED";

    @Id
    @Column(name = "config_id")
    public String configId;

    public String strategy;

    public String exchange;

    public String pair;

    public String timeframe;

    public String stage;

    @Column(name = "max_daily_loss_state")
    public String maxDailyLossState;

    @Column(name = "max_correlation_spike_state")
    public String maxCorrelationSpikeState;

    @Column(name = "unusual_market_threshold_state")
    public String unusualMarketThresholdState;

    @Column(name = "latency_threshold_ms_state")
    public String latencyThresholdMsState;

    @Column(name = "max_adverse_selection_state")
    public String maxAdverseSelectionState;

    @Column(name = "consecutive_losses_limit_state")
    public String consecutiveLossesLimitState;

    @Column(name = "regime_break_threshold_state")
    public String regimeBreakThresholdState;

    @Column(name = "received_at")
    public Instant receivedAt;
}
