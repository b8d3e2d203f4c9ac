package dev.trainer.domain.market;

/**
 * The UTC calendar days a series spans, each with the index of the last candle that has closed by the day's end.
 *
 * <p>Every calendar day from the first candle's day to the last candle's day is listed, including days without any
 * candle (data gaps): such a day repeats the previous day's mark candle, so an equity curve marked on it has a zero
 * return that day, which is the honest statement "nothing was observed".
 */
public final class UtcDayCalendar {

    public static final long DAY_MS = 86_400_000L;

    private final long[] dayStartMs;
    private final int[] markBar;

    private UtcDayCalendar(long[] dayStartMs, int[] markBar) {
        this.dayStartMs = dayStartMs;
        this.markBar = markBar;
    }

    public static UtcDayCalendar of(CandleSeries series) {
        int n = series.size();
        if (n == 0) {
            return new UtcDayCalendar(new long[0], new int[0]);
        }
        long firstDay = Math.floorDiv(series.openTimeMs(0), DAY_MS) * DAY_MS;
        long lastDay = Math.floorDiv(series.openTimeMs(n - 1), DAY_MS) * DAY_MS;
        int days = (int) ((lastDay - firstDay) / DAY_MS) + 1;
        long[] start = new long[days];
        int[] mark = new int[days];
        int bar = 0;
        for (int d = 0; d < days; d++) {
            start[d] = firstDay + d * DAY_MS;
            long end = start[d] + DAY_MS;
            // the last candle that opens before the day ends is the one whose close marks the day
            while (bar + 1 < n && series.openTimeMs(bar + 1) < end) {
                bar++;
            }
            mark[d] = bar;
        }
        return new UtcDayCalendar(start, mark);
    }

    public int dayCount() {
        return dayStartMs.length;
    }

    /** Start (00:00 UTC) of day d in epoch ms. */
    public long dayStartMs(int d) {
        return dayStartMs[d];
    }

    /** Index of the candle whose close marks the end of day d. Non-decreasing in d. */
    public int markBar(int d) {
        return markBar[d];
    }

    public long[] dayStartArray() {
        return dayStartMs;
    }

    public int[] markBarArray() {
        return markBar;
    }
}
