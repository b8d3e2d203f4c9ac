package dev.trainer.marketdata.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/** What market-data did for one market of one training job. */
@Entity
@Table(name = "market_loads")
public class MarketLoad {

    @EmbeddedId
    public Key key;

    @Column(name = "candle_count")
    public int candleCount;

    @Column(name = "chunk_count")
    public int chunkCount;

    public String status;

    public String message;

    @Column(name = "loaded_at")
    public Instant loadedAt;

    @Embeddable
    public record Key(@Column(name = "job_id") String jobId, String exchange, String pair, String timeframe)
            implements Serializable {
    }
}
