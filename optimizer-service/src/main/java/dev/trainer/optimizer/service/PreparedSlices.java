package dev.trainer.optimizer.service;

import dev.trainer.domain.market.CandleSeries;
import dev.trainer.domain.market.Timeframe;
import dev.trainer.domain.strategy.PreparedSeries;
import dev.trainer.domain.strategy.StrategyCatalog;
import dev.trainer.optimizer.config.OptimizerConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Slices of cached series prepared for a strategy (its indicators and the intermediate results its parameter sets
 * share), kept by the workers: every batch of a window's search runs on the same slice, and preparing it again per
 * batch cost more than many of the batch's backtests. A prepared series is read-only once built, so concurrent
 * batches share it; a slice asked for twice at once is prepared once.
 */
@ApplicationScoped
public class PreparedSlices {

    /** What a prepared slice depends on: the series, the strategy and the slice's bounds. */
    public record Key(String fingerprint, String timeframe, String strategy, long fromMs, long untilMs) {
    }

    private final SeriesCache series;
    private final Map<Key, CompletableFuture<PreparedSeries>> cache;

    public PreparedSlices(SeriesCache series, OptimizerConfig config) {
        this.series = series;
        int capacity = config.preparedSlicesCacheSize();
        this.cache = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, CompletableFuture<PreparedSeries>> eldest) {
                return size() > capacity;
            }
        };
    }

    public PreparedSeries get(Key key) {
        CompletableFuture<PreparedSeries> slot;
        boolean mine = false;
        synchronized (cache) {
            slot = cache.get(key);
            if (slot == null) {
                slot = new CompletableFuture<>();
                cache.put(key, slot);
                mine = true;
            }
        }
        if (mine) {
            try {
                CandleSeries full = series.get(key.fingerprint(), Timeframe.parse(key.timeframe()));
                slot.complete(StrategyCatalog.get(key.strategy()).prepare(full.between(key.fromMs(), key.untilMs())));
            } catch (RuntimeException e) {
                slot.completeExceptionally(e);
                synchronized (cache) {
                    cache.remove(key, slot); // a failure (e.g. the series not stored yet) is not remembered
                }
                throw e;
            }
        }
        try {
            return slot.join();
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }
}
