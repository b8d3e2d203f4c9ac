package dev.trainer.circuitbreaker.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A threshold set through REST for one (breaker, scope), in the breaker's unit. */
@Entity
@Table(name = "threshold_overrides")
public class ThresholdOverride {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String breaker;

    public String scope;

    public double threshold;

    public String actor;

    public String note;

    @Column(name = "set_at")
    public Instant setAt;
}
