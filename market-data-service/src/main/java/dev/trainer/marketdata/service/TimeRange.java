package dev.trainer.marketdata.service;

import dev.trainer.domain.market.Timeframe;
import java.util.ArrayList;
import java.util.List;

/** Open times [fromMs, untilMs) of a series, in epoch milliseconds. */
public record TimeRange(long fromMs, long untilMs) {

    public TimeRange {
        if (untilMs < fromMs) {
            throw new IllegalArgumentException("a range ends after it starts: [" + fromMs + ", " + untilMs + ")");
        }
    }

    public boolean isEmpty() {
        return fromMs == untilMs;
    }

    /** How many candles of the timeframe open inside, for a range on the timeframe's grid. */
    public long candles(Timeframe timeframe) {
        return (untilMs - fromMs) / timeframe.durationMs();
    }

    /** The parts of this range that none of {@code covered} (sorted by start, not overlapping) holds. */
    public List<TimeRange> minus(List<TimeRange> covered) {
        List<TimeRange> missing = new ArrayList<>();
        long cursor = fromMs;
        for (TimeRange c : covered) {
            if (c.untilMs <= cursor || c.fromMs >= untilMs) {
                continue;
            }
            if (c.fromMs > cursor) {
                missing.add(new TimeRange(cursor, c.fromMs));
            }
            cursor = Math.max(cursor, c.untilMs);
        }
        if (cursor < untilMs) {
            missing.add(new TimeRange(cursor, untilMs));
        }
        return missing;
    }

    /** Consecutive pieces of at most {@code maxCandles} candles of the timeframe. */
    public List<TimeRange> slices(Timeframe timeframe, int maxCandles) {
        List<TimeRange> slices = new ArrayList<>();
        long step = maxCandles * timeframe.durationMs();
        for (long from = fromMs; from < untilMs; from += step) {
            slices.add(new TimeRange(from, Math.min(untilMs, from + step)));
        }
        return slices;
    }

    /** The range covering both, for two ranges that overlap or touch. */
    public TimeRange span(TimeRange other) {
        return new TimeRange(Math.min(fromMs, other.fromMs), Math.max(untilMs, other.untilMs));
    }
}
