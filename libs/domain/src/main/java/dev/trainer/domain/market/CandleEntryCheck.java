package dev.trainer.domain.market;

import java.time.Instant;

/**
 * Whether a candle can exist at all: the one check every way a candle enters the system runs (a file import, a fetch
 * from an exchange, a {@code candles.raw} or {@code candles.clean} record). A candle that fails it is refused, never
 * stored or used. This is not the data-quality step: those checks judge candles that can exist (zero volume, flat,
 * stale, spikes) inside a series; this one refuses values no market produces. The quality step's
 * {@code ohlc_invalid} uses {@link #valuesProblem} so that both agree on which values are impossible.
 *
 * <p>The rules, each problem naming its field:
 * <ul>
 * <li>open, high, low and close finite, above 0 and at most {@link #MAX_PRICE};</li>
 * <li>low at or below min(open, close), max(open, close) at or below high;</li>
 * <li>volume finite, at least 0 and at most {@link #MAX_VOLUME};</li>
 * <li>the open time on the timeframe's UTC grid, not before {@link #EARLIEST_OPEN_TIME_MS} and not after now plus
 * one candle of the timeframe.</li>
 * </ul>
 */
public final class CandleEntryCheck {

    /**
     * 2009-01-03T00:00:00Z, the day of Bitcoin's first block: no crypto market has a candle before it, so an older open
     * time is a wrong unit or a made-up value.
     */
    public static final long EARLIEST_OPEN_TIME_MS = 1_230_940_800_000L;

    /**
     * The largest price accepted, 1e12 quote units: millions of times any crypto price so far, and small enough that
     * sums and squares of prices over any series stay finite (1e308 made averages and variances infinite).
     */
    public static final double MAX_PRICE = 1e12;

    /** The largest volume accepted, 1e18 base units: far above a candle of the most abundant tokens, squares stay finite. */
    public static final double MAX_VOLUME = 1e18;

    private static final String[] PRICES = {"open", "high", "low", "close"};

    private CandleEntryCheck() {
    }

    /**
     * Null when the candle may enter as a candle of {@code timeframe}, seen at {@code nowMs}; else the first problem,
     * naming its field, e.g. {@code "low -1.0 is not above 0"} or {@code "time 3000-01-01T00:00:00Z is after now plus
     * one 1h candle (2026-12-08T01:00:00Z)"}.
     */
    public static String problem(Candle c, Timeframe timeframe, long nowMs) {
        return problem(c.openTimeMs(), c.open(), c.high(), c.low(), c.close(), c.volume(), timeframe, nowMs);
    }

    /** {@link #problem(Candle, Timeframe, long)} on the candle's fields. */
    public static String problem(long openTimeMs, double open, double high, double low, double close, double volume,
            Timeframe timeframe, long nowMs) {
        String values = valuesProblem(open, high, low, close, volume);
        return values != null ? values : timeProblem(openTimeMs, timeframe, nowMs);
    }

    /**
     * The first impossible candle of columns (all of the same length), as {@code "candle i (openTimeMs t): problem"};
     * null when every candle may enter.
     */
    public static String problem(long[] openTimeMs, double[] open, double[] high, double[] low, double[] close,
            double[] volume, Timeframe timeframe, long nowMs) {
        for (int i = 0; i < openTimeMs.length; i++) {
            String problem = problem(openTimeMs[i], open[i], high[i], low[i], close[i], volume[i], timeframe, nowMs);
            if (problem != null) {
                return "candle " + i + " (openTimeMs " + openTimeMs[i] + "): " + problem;
            }
        }
        return null;
    }

    /** The price and volume rules alone (no time): null when they hold, else the first problem, naming its field. */
    public static String valuesProblem(double open, double high, double low, double close, double volume) {
        double[] prices = {open, high, low, close};
        for (int i = 0; i < prices.length; i++) {
            String problem = bounded(PRICES[i], prices[i], MAX_PRICE);
            if (problem == null && !(prices[i] > 0)) {
                problem = PRICES[i] + " " + prices[i] + " is not above 0";
            }
            if (problem != null) {
                return problem;
            }
        }
        String volumeProblem = bounded("volume", volume, MAX_VOLUME);
        if (volumeProblem != null) {
            return volumeProblem;
        }
        if (volume < 0) {
            return "volume " + volume + " is below 0";
        }
        if (high < low) {
            return "high " + high + " is below low " + low;
        }
        if (open < low || open > high) {
            return "open " + open + " is outside low " + low + " .. high " + high;
        }
        if (close < low || close > high) {
            return "close " + close + " is outside low " + low + " .. high " + high;
        }
        return null;
    }

    /** The open time rules alone: on the timeframe's grid and within the accepted range as seen at {@code nowMs}. */
    public static String timeProblem(long openTimeMs, Timeframe timeframe, long nowMs) {
        if (openTimeMs < EARLIEST_OPEN_TIME_MS) {
            return "time " + instant(openTimeMs) + " is before " + Instant.ofEpochMilli(EARLIEST_OPEN_TIME_MS)
                    + ", the earliest accepted";
        }
        long latest = nowMs + timeframe.durationMs();
        if (openTimeMs > latest) {
            return "time " + instant(openTimeMs) + " is after now plus one " + timeframe.label() + " candle ("
                    + Instant.ofEpochMilli(latest) + ")";
        }
        if (timeframe.alignDown(openTimeMs) != openTimeMs) {
            return "time " + instant(openTimeMs) + " is not the start of a " + timeframe.label()
                    + " candle (a UTC multiple of " + timeframe.durationMs() + " ms)";
        }
        return null;
    }

    private static String bounded(String field, double value, double max) {
        if (!Double.isFinite(value)) {
            return field + " " + value + " is not a finite number";
        }
        if (value > max) {
            return field + " " + value + " is above " + max + ", the largest accepted";
        }
        return null;
    }

    // Instant.ofEpochMilli covers every long: years beyond 9999 print with a sign, which is still readable
    private static String instant(long ms) {
        return Instant.ofEpochMilli(ms).toString();
    }
}
