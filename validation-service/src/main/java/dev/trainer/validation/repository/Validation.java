package dev.trainer.validation.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A validated configuration: its stage, why, and the statistics behind it. Written once. */
@Entity
@Table(name = "validations")
public class Validation {

    @Id
    @Column(name = "config_id")
    public String configId;

    @Column(name = "job_id")
    public String jobId;

    /** exchange|pair|timeframe */
    public String market;

    public String stage;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> reasons;

    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> statistics;

    @Column(name = "created_at")
    public Instant createdAt;
}
