package dev.trainer.circuitbreaker.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * The trailing candles of one series (exchange, pair, timeframe), oldest first, as many as the market breakers need;
 * the three arrays have the same length. Written once per candles.clean chunk.
 */
@Entity
@Table(name = "market_series")
public class MarketSeries {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String exchange;

    public String pair;

    public String timeframe;

    /** The open time of the newest candle seen (epoch ms): only newer candles change the state. */
    @Column(name = "last_open_time_ms")
    public long lastOpenTimeMs;

    @Column(name = "open_times_ms")
    public long[] openTimesMs;

    public double[] opens;

    public double[] closes;

    @Column(name = "updated_at")
    public Instant updatedAt;

    public String key() {
        return exchange + "|" + pair + "|" + timeframe;
    }
}
