package dev.trainer.exchanges;

import dev.trainer.domain.market.Timeframe;
import java.time.Instant;

/**
 * The open times a fetch of [since, until) asks for: [{@code fromMs}, {@code untilMs}) on the timeframe's grid (a
 * candle belongs to the range when it opens inside it), cut at the open time of the candle still forming at
 * {@code nowMs}, which is never asked for. Empty when {@code fromMs == untilMs}.
 */
public record FetchWindow(long fromMs, long untilMs) {

    public static FetchWindow of(Timeframe timeframe, Instant since, Instant until, long nowMs) {
        long from = alignUp(timeframe, since.toEpochMilli());
        long to = Math.min(alignUp(timeframe, until.toEpochMilli()), timeframe.alignDown(nowMs));
        return new FetchWindow(from, Math.max(from, to));
    }

    public boolean isEmpty() {
        return fromMs >= untilMs;
    }

    private static long alignUp(Timeframe timeframe, long timeMs) {
        long down = timeframe.alignDown(timeMs);
        return down == timeMs ? down : down + timeframe.durationMs();
    }
}
