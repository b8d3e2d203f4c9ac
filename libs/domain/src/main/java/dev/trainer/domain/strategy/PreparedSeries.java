package dev.trainer.domain.strategy;

import dev.trainer.domain.indicators.Indicators;
import dev.trainer.domain.market.CandleSeries;
import dev.trainer.domain.market.CloseReturnSums;
import dev.trainer.domain.market.UtcDayCalendar;

import java.lang.ref.SoftReference;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * A series plus everything derived from it that does not depend on a parameter set: indicator arrays (keyed by
 * indicator and period), the UTC day calendar, and strategy-specific intermediate results. Computed lazily, once,
 * and shared by every backtest of every parameter set over this series, from any number of threads.
 */
public final class PreparedSeries {

    private final CandleSeries series;
    private final ConcurrentHashMap<Object, Object> memo = new ConcurrentHashMap<>();

    private PreparedSeries(CandleSeries series) {
        this.series = series;
    }

    public static PreparedSeries of(CandleSeries series) {
        return new PreparedSeries(Objects.requireNonNull(series, "series"));
    }

    public CandleSeries series() {
        return series;
    }

    public int size() {
        return series.size();
    }

    /** Key of a cached indicator: its name and period. */
    public record IndicatorKey(String indicator, int period) {
    }

    /**
     * Returns the cached value for the key, computing it on first use. Deliberately not
     * ConcurrentHashMap.computeIfAbsent: suppliers call memo() themselves (an indicator built from another), which
     * computeIfAbsent forbids; two threads may compute the same deterministic value once each, the first one wins.
     */
    @SuppressWarnings("unchecked")
    public <T> T memo(Object key, Supplier<T> supplier) {
        Object v = memo.get(key);
        if (v == null) {
            v = Objects.requireNonNull(supplier.get(), "memo supplier returned null");
            Object prev = memo.putIfAbsent(key, v);
            if (prev != null) {
                v = prev;
            }
        }
        return (T) v;
    }

    /**
     * Like {@link #memo}, for values that depend on trial parameters (there can be very many of them, e.g. one per
     * random draw): held through soft references, so the garbage collector may drop them under memory pressure and
     * they are recomputed on the next use.
     */
    @SuppressWarnings("unchecked")
    public <T> T memoSoft(Object key, Supplier<T> supplier) {
        Object ref = memo.get(key);
        T v = ref instanceof SoftReference<?> soft ? (T) soft.get() : null;
        if (v == null) {
            v = Objects.requireNonNull(supplier.get(), "memo supplier returned null");
            memo.put(key, new SoftReference<>(v));
        }
        return v;
    }

    /** SMA of closes (ta4j convention for the first period - 1 values, see {@link Indicators#sma}). */
    public double[] smaOfClose(int period) {
        return memo(new IndicatorKey("sma_close", period), () -> Indicators.sma(series.closeArray(), period));
    }

    public double[] rsi(int period) {
        return memo(new IndicatorKey("rsi_wilder", period), () -> Indicators.wilderRsi(series.closeArray(), period));
    }

    public double[] atr(int period) {
        return memo(new IndicatorKey("atr_wilder", period),
                () -> Indicators.wilderAtr(series.highArray(), series.lowArray(), series.closeArray(), period));
    }

    /** Mean volume of the {@code period} bars before each bar (excluding it). */
    public double[] volumeMeanBefore(int period) {
        return memo(new IndicatorKey("volume_mean_before", period),
                () -> Indicators.trailingMeanExcludingCurrent(series.volumeArray(), period));
    }

    /** Lowest low of the {@code period} bars before each bar (excluding it). */
    public double[] lowestLowBefore(int period) {
        return memo(new IndicatorKey("lowest_low_before", period),
                () -> Indicators.trailingMinExcludingCurrent(series.lowArray(), period));
    }

    /** Highest high of the {@code period} bars before each bar (excluding it). */
    public double[] highestHighBefore(int period) {
        return memo(new IndicatorKey("highest_high_before", period),
                () -> Indicators.trailingMaxExcludingCurrent(series.highArray(), period));
    }

    public UtcDayCalendar days() {
        return memo(UtcDayCalendar.class, () -> UtcDayCalendar.of(series));
    }

    public CloseReturnSums closeReturnSums() {
        return memo(CloseReturnSums.class, () -> CloseReturnSums.of(series));
    }
}
