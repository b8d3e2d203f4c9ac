package dev.trainer.optimizer.service;

import dev.trainer.domain.market.CandleSeries;
import dev.trainer.domain.market.Timeframe;
import dev.trainer.optimizer.config.OptimizerConfig;
import dev.trainer.optimizer.mapping.SeriesMapper;
import dev.trainer.optimizer.repository.CleanChunkRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Cleaned series by fingerprint, kept in memory by the backtest workers: a job sends thousands of batches over the
 * same series, which is read from the database once.
 */
@ApplicationScoped
public class SeriesCache {

    private final CleanChunkRepository chunks;
    private final Map<String, CandleSeries> cache;

    public SeriesCache(CleanChunkRepository chunks, OptimizerConfig config) {
        this.chunks = chunks;
        int capacity = config.seriesCacheSize();
        this.cache = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, CandleSeries> eldest) {
                return size() > capacity;
            }
        };
    }

    public CandleSeries get(String fingerprint, Timeframe timeframe) {
        synchronized (cache) {
            CandleSeries cached = cache.get(fingerprint);
            if (cached != null) {
                return cached;
            }
        }
        var stored = QuarkusTransaction.joiningExisting().call(() -> chunks.chunks(fingerprint));
        if (stored.isEmpty()) {
            throw new IllegalStateException("no cleaned series with fingerprint " + fingerprint + " is stored");
        }
        CandleSeries series = SeriesMapper.toSeries(timeframe, stored);
        synchronized (cache) {
            cache.put(fingerprint, series);
        }
        return series;
    }
}
