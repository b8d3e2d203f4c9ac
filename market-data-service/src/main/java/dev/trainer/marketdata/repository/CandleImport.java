package dev.trainer.marketdata.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One bulk import of a candle file, as recorded in table imports. */
@Entity
@Table(name = "imports")
public class CandleImport {

    public static final String RUNNING = "RUNNING";
    public static final String COMPLETED = "COMPLETED";
    public static final String FAILED = "FAILED";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String exchange;

    public String pair;

    public String timeframe;

    @Column(name = "file_format")
    public String fileFormat;

    public String status;

    @Column(name = "rows_read")
    public long rowsRead;

    @Column(name = "new_candles")
    public long newCandles;

    @Column(name = "first_open_time_ms")
    public Long firstOpenTimeMs;

    @Column(name = "last_open_time_ms")
    public Long lastOpenTimeMs;

    public String error;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "finished_at")
    public Instant finishedAt;
}
