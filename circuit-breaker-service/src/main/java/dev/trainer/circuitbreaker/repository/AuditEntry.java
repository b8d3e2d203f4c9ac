package dev.trainer.circuitbreaker.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One override set or cleared, or one manual reset: who, why, and the values before and after. */
@Entity
@Table(name = "breaker_audit")
public class AuditEntry {

    public static final String OVERRIDE_SET = "OVERRIDE_SET";
    public static final String OVERRIDE_CLEARED = "OVERRIDE_CLEARED";
    public static final String MANUAL_RESET = "MANUAL_RESET";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public Instant at;

    public String action;

    public String breaker;

    public String scope;

    public String actor;

    public String note;

    /** The threshold in force before (an override, or the default), in the breaker's unit. */
    @Column(name = "old_threshold")
    public Double oldThreshold;

    @Column(name = "new_threshold")
    public Double newThreshold;

    @Column(name = "old_state")
    public String oldState;

    @Column(name = "new_state")
    public String newState;
}
