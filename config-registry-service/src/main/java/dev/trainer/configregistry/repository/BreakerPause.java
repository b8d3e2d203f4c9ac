package dev.trainer.configregistry.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * A row of breaker_pauses: a tripped circuit breaker, for one scope, covers a configuration and holds it PAUSED.
 * Written from the breaker's TRIPPED event and deleted by its ARMED event; never changed in between.
 */
@Entity
@Table(name = "breaker_pauses")
@IdClass(BreakerPause.Key.class)
public class BreakerPause {

    @Id
    @Column(name = "config_id")
    public String configId;

    /** The breaker's name as in the plan, e.g. max_daily_loss. */
    @Id
    public String breaker;

    /** portfolio, config:&lt;configId&gt;, market:&lt;exchange&gt;|&lt;pair&gt; or exchange:&lt;exchange&gt;. */
    @Id
    public String scope;

    /** The breaker's own sentence; may be null. */
    public String reason;

    /** In {@link #unit}; null if the event gave none. */
    @Column(name = "measured_value")
    public Double measuredValue;

    /** In {@link #unit}; null if the event gave none. */
    public Double threshold;

    public String unit;

    /** When the breaker tripped. */
    public Instant since;

    /** The primary key (config_id, breaker, scope). */
    public static class Key implements Serializable {

        public String configId;
        public String breaker;
        public String scope;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(configId, k.configId) && Objects.equals(breaker, k.breaker)
                    && Objects.equals(scope, k.scope);
        }

        @Override
        public int hashCode() {
            return Objects.hash(configId, breaker, scope);
        }
    }
}
