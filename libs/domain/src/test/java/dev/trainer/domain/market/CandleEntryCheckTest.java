package dev.trainer.domain.market;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class CandleEntryCheckTest {

    private static final long NOW = Instant.parse("2026-12-07T12:34:56Z").toEpochMilli();
    private static final long T = Instant.parse("2024-01-01T00:00:00Z").toEpochMilli();

    private static String problem(long time, double open, double high, double low, double close, double volume) {
        return CandleEntryCheck.problem(new Candle(time, open, high, low, close, volume), Timeframe.H1, NOW);
    }

    @Test
    void possibleCandlesPassIncludingFlatAndZeroVolumeOnes() {
        assertNull(problem(T, 10, 12, 9, 11, 5));
        assertNull(problem(T, 10, 10, 10, 10, 0), "flat with no volume is the quality step's business, not impossible");
        assertNull(problem(T, 1e-9, 1e-9, 1e-9, 1e-9, 1e17), "tiny prices and huge volumes exist");
        assertNull(problem(CandleEntryCheck.EARLIEST_OPEN_TIME_MS, 1, 1, 1, 1, 1), "the first day is accepted");
    }

    @Test
    void everyPriceMustBeAboveZeroFiniteAndBounded() {
        assertEquals("open -5.0 is not above 0", problem(T, -5, 12, 9, 11, 5));
        assertEquals("low 0.0 is not above 0", problem(T, 10, 12, 0, 11, 5));
        assertEquals("high NaN is not a finite number", problem(T, 10, Double.NaN, 9, 11, 5));
        assertEquals("close Infinity is not a finite number", problem(T, 10, 12, 9, Double.POSITIVE_INFINITY, 5));
        assertEquals("high 1.0E308 is above 1.0E12, the largest accepted", problem(T, 10, 1e308, 9, 11, 5));
    }

    @Test
    void volumeMustBeFiniteAtLeastZeroAndBounded() {
        assertEquals("volume -1.0 is below 0", problem(T, 10, 12, 9, 11, -1));
        assertEquals("volume NaN is not a finite number", problem(T, 10, 12, 9, 11, Double.NaN));
        assertEquals("volume 1.0E308 is above 1.0E18, the largest accepted", problem(T, 10, 12, 9, 11, 1e308));
    }

    @Test
    void ohlcMustBeInOrder() {
        assertEquals("high 8.0 is below low 9.0", problem(T, 10, 8, 9, 11, 5));
        assertEquals("open 13.0 is outside low 9.0 .. high 12.0", problem(T, 13, 12, 9, 11, 5));
        assertEquals("close 8.5 is outside low 9.0 .. high 12.0", problem(T, 10, 12, 9, 8.5, 5));
    }

    @Test
    void openTimesOnTheGridFromBitcoinsFirstDayToNowPlusOneCandle() {
        assertEquals("time 2024-01-01T00:30:00Z is not the start of a 1h candle (a UTC multiple of 3600000 ms)",
                problem(T + 1_800_000, 10, 12, 9, 11, 5));
        assertEquals("time 2009-01-02T23:00:00Z is before 2009-01-03T00:00:00Z, the earliest accepted",
                problem(CandleEntryCheck.EARLIEST_OPEN_TIME_MS - 3_600_000, 10, 12, 9, 11, 5));
        assertEquals("time 1970-01-01T00:00:00Z is before 2009-01-03T00:00:00Z, the earliest accepted",
                problem(0, 10, 12, 9, 11, 5), "seconds taken for milliseconds land here");
        long year3000 = Instant.parse("3000-01-01T00:00:00Z").toEpochMilli();
        assertEquals("time 3000-01-01T00:00:00Z is after now plus one 1h candle (2026-12-07T13:34:56Z)",
                problem(year3000, 10, 12, 9, 11, 5));
        long nextHour = Instant.parse("2026-12-07T13:00:00Z").toEpochMilli();
        assertNull(problem(nextHour, 10, 12, 9, 11, 5), "a clock a little behind the exchange's is tolerated");
        assertEquals("time 2026-12-07T14:00:00Z is after now plus one 1h candle (2026-12-07T13:34:56Z)",
                problem(nextHour + 3_600_000, 10, 12, 9, 11, 5));
        assertEquals("time +292278994-08-17T07:12:55.807Z is after now plus one 1h candle (2026-12-07T13:34:56Z)",
                problem(Long.MAX_VALUE, 10, 12, 9, 11, 5), "no overflow at the extremes");
    }

    @Test
    void columnsNameTheFirstImpossibleCandle() {
        long[] t = {T, T + 3_600_000, T + 7_200_000};
        double[] ok = {10, 10, 10};
        assertNull(CandleEntryCheck.problem(t, ok, ok, ok, ok, new double[3], Timeframe.H1, NOW));
        assertEquals("candle 1 (openTimeMs 1704070800000): close -10.0 is not above 0", CandleEntryCheck.problem(t, ok, ok,
                ok, new double[] {10, -10, -20}, new double[3], Timeframe.H1, NOW));
    }
}
