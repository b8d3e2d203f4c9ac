package dev.trainer.circuitbreaker.repository;

import dev.trainer.contracts.events.BreakerStateChanged;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The state of one breaker for one scope: ARMED (watching) or TRIPPED (the configurations the scope covers are
 * stopped), with what tripped it, and the latest measurement either way.
 */
@Entity
@Table(name = "breaker_states")
public class BreakerState {

    public static final String ARMED = BreakerStateChanged.ARMED;
    public static final String TRIPPED = BreakerStateChanged.TRIPPED;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** The plan name, e.g. max_daily_loss. */
    public String breaker;

    /** e.g. portfolio, config:abc, market:binance|BTC/USDT, exchange:binance. */
    public String scope;

    public String state;

    /** Why it tripped; null while ARMED. */
    public String reason;

    /** The value that tripped it, in the breaker's unit; null while ARMED. */
    @Column(name = "measured_value")
    public Double measuredValue;

    /** The threshold in force when it tripped; null while ARMED. */
    public Double threshold;

    @Column(name = "tripped_at")
    public Instant trippedAt;

    /** max_daily_loss only: the UTC day whose loss tripped it. */
    @Column(name = "trip_day")
    public LocalDate tripDay;

    /** When it re-arms by itself; null: only by hand (or the roll-over). */
    @Column(name = "cool_down_until")
    public Instant coolDownUntil;

    /** The latest measurement, tripped or not; null when it was undefined. */
    @Column(name = "last_measured_value")
    public Double lastMeasuredValue;

    /** The sentence of the latest measurement, or why it was undefined. */
    @Column(name = "last_measurement")
    public String lastMeasurement;

    @Column(name = "last_measured_at")
    public Instant lastMeasuredAt;

    @Column(name = "changed_at")
    public Instant changedAt;

    public boolean tripped() {
        return TRIPPED.equals(state);
    }
}
