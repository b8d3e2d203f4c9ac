package dev.trainer.marketdata.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.trainer.domain.market.Timeframe;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimeRangeTest {

    private static final long H = Timeframe.H1.durationMs();

    private static TimeRange hours(long from, long until) {
        return new TimeRange(from * H, until * H);
    }

    @Test
    void whatIsMissingIsWhatNoCoveredRangeHolds() {
        TimeRange wanted = hours(0, 100);
        assertEquals(List.of(wanted), wanted.minus(List.of()));
        assertEquals(List.of(hours(0, 10), hours(20, 30), hours(90, 100)),
                wanted.minus(List.of(hours(-5, -1), hours(10, 20), hours(30, 90), hours(120, 130))));
        assertEquals(List.of(), wanted.minus(List.of(hours(-10, 50), hours(50, 200))));
        assertEquals(List.of(hours(40, 60)), wanted.minus(List.of(hours(-10, 40), hours(60, 200))));
    }

    @Test
    void slicesHoldAtMostTheGivenCandles() {
        assertEquals(List.of(hours(0, 40), hours(40, 80), hours(80, 100)), hours(0, 100).slices(Timeframe.H1, 40));
        assertEquals(List.of(hours(0, 100)), hours(0, 100).slices(Timeframe.H1, 100));
        assertEquals(100, hours(0, 100).candles(Timeframe.H1));
        assertEquals(hours(0, 30), hours(0, 10).span(hours(10, 30)));
    }
}
