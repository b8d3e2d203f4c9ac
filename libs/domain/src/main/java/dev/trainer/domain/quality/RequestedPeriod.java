package dev.trainer.domain.quality;

import dev.trainer.domain.market.Timeframe;

/**
 * The period a series was asked for, [{@code fromMs}, {@code untilMs}) in epoch milliseconds (candles.raw's
 * {@code periodFrom} / {@code periodUntil}). Its <em>expected candle times</em> on a timeframe are the open times of
 * the candles that lie wholly inside it: UTC multiples of the timeframe's duration t with
 * {@code fromMs <= t} and {@code t + duration <= untilMs}. A candle that opens before the period or is still open at
 * its end (the one forming when a request's period ends now) is not expected.
 */
public record RequestedPeriod(long fromMs, long untilMs) {

    public RequestedPeriod {
        if (untilMs < fromMs) {
            throw new IllegalArgumentException("a period ends after it starts: [" + fromMs + ", " + untilMs + ")");
        }
    }

    /** Grid slot (open time / duration) of the first expected candle. */
    long firstSlot(Timeframe timeframe) {
        return Math.ceilDiv(fromMs, timeframe.durationMs());
    }

    /** One past the grid slot of the last expected candle. */
    long endSlot(Timeframe timeframe) {
        return Math.max(firstSlot(timeframe), Math.floorDiv(untilMs, timeframe.durationMs()));
    }

    /** How many candle times the period expects on the timeframe's grid. */
    public long expectedCandles(Timeframe timeframe) {
        return endSlot(timeframe) - firstSlot(timeframe);
    }
}
