package dev.trainer.optimizer;

import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.trainer.contracts.events.CandleColumns;
import dev.trainer.domain.market.CandleSeries;
import dev.trainer.domain.market.Timeframe;
import dev.trainer.domain.strategy.PreparedSeries;
import dev.trainer.optimizer.config.OptimizerConfig;
import dev.trainer.optimizer.service.PreparedSlices;
import dev.trainer.optimizer.service.SeriesCache;
import org.junit.jupiter.api.Test;

class PreparedSlicesTest {

    private static final long HOUR_MS = 3_600_000L;

    private static PreparedSlices slices(int maxSlices, long maxBars) {
        CandleColumns c = OptimizerServiceTest.wave();
        CandleSeries series = CandleSeries.ofColumns(Timeframe.H1, c.openTimeMs(), c.open(), c.high(), c.low(), c.close(),
                c.volume());
        SeriesCache cache = mock(SeriesCache.class);
        when(cache.get(eq("fp"), any())).thenReturn(series);
        OptimizerConfig config = mock(OptimizerConfig.class);
        when(config.preparedSlicesCacheSize()).thenReturn(maxSlices);
        when(config.preparedSlicesMaxBars()).thenReturn(maxBars);
        return new PreparedSlices(cache, config);
    }

    /** A slice of {@code bars} hourly bars starting {@code offset} bars into the wave. */
    private static PreparedSlices.Key slice(int offset, int bars) {
        long from = OptimizerServiceTest.wave().openTimeMs()[0] + offset * HOUR_MS;
        return new PreparedSlices.Key("fp", "1h", "SMA_CROSSOVER", from, from + bars * HOUR_MS);
    }

    @Test
    void aSliceIsPreparedOnceAndSharedByTheBatchesThatAskForIt() {
        PreparedSlices slices = slices(8, 10_000);
        PreparedSeries first = slices.get(slice(0, 100));
        assertSame(first, slices.get(slice(0, 100)));
        assertNotSame(first, slices.get(slice(1, 100)), "another slice is another preparation");
    }

    @Test
    void theLeastRecentlyUsedSlicesGoWhenTheBarsOrTheSlicesExceedTheirBounds() {
        PreparedSlices byBars = slices(8, 250);
        PreparedSeries a = byBars.get(slice(0, 100));
        PreparedSeries b = byBars.get(slice(100, 100));
        assertSame(a, byBars.get(slice(0, 100))); // 200 bars: both kept, a now the most recent
        byBars.get(slice(200, 100)); // 300 bars: b, the least recently used, goes
        assertSame(a, byBars.get(slice(0, 100)));
        assertNotSame(b, byBars.get(slice(100, 100)));

        PreparedSlices bySlices = slices(1, 10_000);
        PreparedSeries c = bySlices.get(slice(0, 100));
        bySlices.get(slice(100, 100));
        assertNotSame(c, bySlices.get(slice(0, 100)));

        PreparedSlices tooBig = slices(8, 50);
        PreparedSeries d = tooBig.get(slice(0, 100));
        assertSame(d, tooBig.get(slice(0, 100)), "the slice in use stays, however large");
    }
}
