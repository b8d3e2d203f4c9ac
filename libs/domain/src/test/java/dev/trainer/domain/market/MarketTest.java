package dev.trainer.domain.market;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MarketTest {

    @Test
    void timeframesParseLabelsAndExplainBadOnes() {
        assertEquals(Timeframe.M15, Timeframe.parse("15m"));
        assertEquals(Timeframe.H4, Timeframe.parse("4h"));
        assertEquals(14_400_000L, Timeframe.H4.durationMs());
        assertEquals("1d", Timeframe.D1.label());
        var e = assertThrows(IllegalArgumentException.class, () -> Timeframe.parse("2h"));
        assertTrue(e.getMessage().contains("2h") && e.getMessage().contains("1m, 5m, 15m, 1h, 4h, 1d"),
                e.getMessage());
    }

    @Test
    void seriesRejectsNonIncreasingTimesNamingTheIndex() {
        List<Candle> candles = List.of(new Candle(0, 1, 1, 1, 1, 1), new Candle(60_000, 1, 1, 1, 1, 1),
                new Candle(60_000, 1, 1, 1, 1, 1));
        var e = assertThrows(IllegalArgumentException.class, () -> CandleSeries.of(Timeframe.M1, candles));
        assertTrue(e.getMessage().contains("index 2"), e.getMessage());
    }

    @Test
    void sliceAndBetweenSelectByIndexAndTime() {
        List<Candle> candles = new java.util.ArrayList<>();
        for (int i = 0; i < 10; i++) {
            candles.add(new Candle(i * 60_000L, i, i + 1, i - 1, i + 0.5, 10 + i));
        }
        CandleSeries s = CandleSeries.of(Timeframe.M1, candles);
        CandleSeries slice = s.slice(2, 5);
        assertEquals(3, slice.size());
        assertEquals(candles.get(2), slice.candle(0));
        CandleSeries between = s.between(3 * 60_000L, 7 * 60_000L);
        assertEquals(candles.subList(3, 7), between.candles());
        assertEquals(0, s.between(100 * 60_000L, 200 * 60_000L).size());
        assertEquals(candles, s.candles());
    }

    @Test
    void tradesAggregateIntoUtcAlignedCandlesLeavingGaps() {
        long m = 60_000L;
        long[] t = {10 * m + 5, 10 * m + 30_000, 10 * m + 59_999, 11 * m, 13 * m + 1};
        double[] p = {100, 103, 99, 101, 105};
        double[] a = {1, 2, 3, 4, 5};
        List<Candle> c = TradeAggregator.aggregate(t, p, a, Timeframe.M1);
        assertEquals(List.of(new Candle(10 * m, 100, 103, 99, 99, 6), new Candle(11 * m, 101, 101, 101, 101, 4),
                new Candle(13 * m, 105, 105, 105, 105, 5)), c);
        List<Candle> five = TradeAggregator.aggregate(t, p, a, Timeframe.M5);
        assertEquals(List.of(new Candle(10 * m, 100, 105, 99, 105, 15)), five);
        var e = assertThrows(IllegalArgumentException.class,
                () -> TradeAggregator.aggregate(new long[] {5, 4}, new double[] {1, 1}, new double[] {1, 1},
                        Timeframe.M1));
        assertTrue(e.getMessage().contains("index 1"));
    }

    @Test
    void dayCalendarListsEveryDayWithTheMarkingBar() {
        long h = 3_600_000L;
        List<Candle> candles = List.of(new Candle(22 * h, 1, 1, 1, 1, 1), new Candle(23 * h, 1, 1, 1, 1, 1),
                new Candle(50 * h, 1, 1, 1, 1, 1));
        UtcDayCalendar cal = UtcDayCalendar.of(CandleSeries.of(Timeframe.H1, candles));
        assertEquals(3, cal.dayCount());
        assertEquals(1, cal.markBar(0));
        assertEquals(1, cal.markBar(1));
        assertEquals(2, cal.markBar(2));
        assertEquals(48 * h, cal.dayStartMs(2));
    }
}
