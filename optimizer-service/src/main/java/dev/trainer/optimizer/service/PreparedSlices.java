package dev.trainer.optimizer.service;

import dev.trainer.domain.market.CandleSeries;
import dev.trainer.domain.market.Timeframe;
import dev.trainer.domain.strategy.PreparedSeries;
import dev.trainer.domain.strategy.StrategyCatalog;
import dev.trainer.optimizer.config.OptimizerConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Slices of cached series prepared for a strategy (its indicators and the intermediate results its parameter sets
 * share), kept by the workers: every batch of a window's search runs on the same slice, and preparing it again per
 * batch cost more than many of the batch's backtests. A prepared series is read-only once built, so concurrent
 * batches share it; a slice asked for twice at once is prepared once.
 *
 * <p>A prepared slice grows as parameter sets fill its intermediate results: LIQUIDITY_SWEEP_V3's whole grid leaves
 * about 2 KB per bar (10 MB for 5,000 one-minute bars). So the cache is bounded by bars as well as by slices: the
 * least recently used slices go while the rest hold more than {@code optimizer.prepared-slices-max-bars}, though
 * the slice just asked for always stays.
 */
@ApplicationScoped
public class PreparedSlices {

    /** What a prepared slice depends on: the series, the strategy and the slice's bounds. */
    public record Key(String fingerprint, String timeframe, String strategy, long fromMs, long untilMs) {
    }

    /** A slice being prepared or prepared, and its bars once known (read and written under the cache's lock). */
    private static final class Slot {
        final CompletableFuture<PreparedSeries> prepared = new CompletableFuture<>();
        int bars;
    }

    private final SeriesCache series;
    private final int maxSlices;
    private final long maxBars;
    private final LinkedHashMap<Key, Slot> cache = new LinkedHashMap<>(16, 0.75f, true);

    public PreparedSlices(SeriesCache series, OptimizerConfig config) {
        this.series = series;
        this.maxSlices = config.preparedSlicesCacheSize();
        this.maxBars = config.preparedSlicesMaxBars();
    }

    public PreparedSeries get(Key key) {
        Slot slot;
        boolean mine = false;
        synchronized (cache) {
            slot = cache.get(key);
            if (slot == null) {
                slot = new Slot();
                cache.put(key, slot);
                mine = true;
            }
        }
        if (mine) {
            try {
                CandleSeries slice = series.get(key.fingerprint(), Timeframe.parse(key.timeframe()))
                        .between(key.fromMs(), key.untilMs());
                slot.prepared.complete(StrategyCatalog.get(key.strategy()).prepare(slice));
                synchronized (cache) {
                    slot.bars = slice.size();
                    evict(key);
                }
            } catch (RuntimeException e) {
                slot.prepared.completeExceptionally(e);
                synchronized (cache) {
                    cache.remove(key, slot); // a failure (e.g. the series not stored yet) is not remembered
                }
                throw e;
            }
        }
        try {
            return slot.prepared.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    /** Drops the least recently used slices, never {@code keep}, until the cache is within its bounds. */
    private void evict(Key keep) {
        long bars = cache.values().stream().mapToLong(s -> s.bars).sum();
        Iterator<Map.Entry<Key, Slot>> eldestFirst = cache.entrySet().iterator();
        while ((cache.size() > maxSlices || bars > maxBars) && eldestFirst.hasNext()) {
            Map.Entry<Key, Slot> e = eldestFirst.next();
            if (!e.getKey().equals(keep) && e.getValue().prepared.isDone()) {
                bars -= e.getValue().bars;
                eldestFirst.remove();
            }
        }
    }
}
