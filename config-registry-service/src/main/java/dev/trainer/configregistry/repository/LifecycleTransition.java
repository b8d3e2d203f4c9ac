package dev.trainer.configregistry.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A row of lifecycle_transitions: one stage a configuration got, how, from whom and why. Never changed. */
@Entity
@Table(name = "lifecycle_transitions")
public class LifecycleTransition {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "transition_id")
    public Long transitionId;

    @Column(name = "config_id")
    public String configId;

    /** Null for the validator's assignment. */
    @Column(name = "from_stage")
    public String fromStage;

    @Column(name = "to_stage")
    public String toStage;

    /** assign, promote, demote or retire. */
    public String action;

    public String reason;

    public String actor;

    public Instant at;
}
