package dev.trainer.circuitbreaker.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A fill waiting for the first candle of its exchange and pair that opens at or after filledAt + horizon. */
@Entity
@Table(name = "pending_fills")
public class PendingFill {

    /** The ExecutionReported's event id. */
    @Id
    @Column(name = "event_id")
    public String eventId;

    @Column(name = "config_id")
    public String configId;

    public String exchange;

    public String pair;

    /** BUY or SELL. */
    public String side;

    @Column(name = "filled_price")
    public double filledPrice;

    @Column(name = "filled_at")
    public Instant filledAt;

    /** filledAt + horizon, epoch milliseconds. */
    @Column(name = "due_at_ms")
    public long dueAtMs;
}
