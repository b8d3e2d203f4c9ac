package dev.trainer.domain.quality;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.trainer.domain.market.Candle;
import dev.trainer.domain.market.Timeframe;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StaleRunsTest {

    private static boolean[] stale(int minRun, double... closes) {
        return StaleRuns.find(closes, minRun);
    }

    @Test
    void aRunOneShortOfTheMinimumCountsNothing() {
        assertArrayEquals(new boolean[6], stale(5, 1, 2, 2, 2, 2, 3));
    }

    @Test
    void aRunOfExactlyTheMinimumCountsEveryCandleAfterItsFirst() {
        assertArrayEquals(new boolean[] {false, false, true, true, true, true, false}, stale(5, 1, 2, 2, 2, 2, 2, 3));
    }

    @Test
    void longerRunsCountMoreAndRunsAtTheEdgesCountToo() {
        assertArrayEquals(new boolean[] {false, true, true, false, false, true, true, true},
                stale(3, 7, 7, 7, 8, 9, 9, 9, 9));
    }

    @Test
    void onlyConsecutiveEqualClosesMakeARun() {
        // 5 twice, 6, 5 twice: the value recurs but no run of 3
        assertArrayEquals(new boolean[5], stale(3, 5, 5, 6, 5, 5));
        assertArrayEquals(new boolean[0], stale(2));
        assertArrayEquals(new boolean[] {false, true}, stale(2, 4, 4));
    }

    @Test
    void aRunNeedsAtLeastTwoCandles() {
        assertThrows(IllegalArgumentException.class, () -> stale(1, 1, 1));
    }

    @Test
    void inTheReportStaleCandlesAreCountedFlaggedAndInvalid() {
        // 20 wiggling closes, then the last one repeated 5 times more (a run of 6)
        List<Candle> candles = new ArrayList<>(Candles.withCloses(Candles.wiggle(20)));
        double last = candles.get(19).close();
        for (int i = 20; i < 25; i++) {
            candles.add(Candles.at(i, last));
        }
        QualityResult r = new QualityChecks().check(Timeframe.M1, candles);
        assertEquals(5, r.report().staleRuns());
        assertEquals(20, r.report().valid());
        assertEquals(CandleFlags.STALE, r.cleaned().flags()[24]);
        assertEquals(0, r.cleaned().flags()[19]);
        assertEquals(5, r.cleaned().countFlagged(CandleFlags.STALE));

        QualityResult shorter = new QualityChecks().check(Timeframe.M1, candles.subList(0, 23)); // a run of 4
        assertEquals(0, shorter.report().staleRuns());
        assertEquals(23, shorter.report().valid());
    }

    @Test
    void runsAreTakenOverTheRowsLeftAfterDuplicatesOutOfOrderAndInvalidRows() {
        // closes 5, 5, [duplicate of minute 1 at 9], 5, [invalid], 5: with the bad rows left out, a run of 4 fives
        List<Candle> candles = new ArrayList<>(List.of(Candles.at(0, 5), Candles.at(1, 5), Candles.at(1, 9),
                Candles.at(2, 5), new Candle(3 * Candles.MIN, 5, 4, 6, 5, 1), Candles.at(4, 5)));
        QualityAssessment q = new QualityChecks(QualitySettings.defaults().withStaleMinRunCandles(4))
                .check(Timeframe.M1, candles).report();
        assertEquals(3, q.staleRuns());
        assertEquals(1, q.duplicates());
        assertEquals(1, q.ohlcInvalid());
        assertFalse(q.passed());
    }
}
