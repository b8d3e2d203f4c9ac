package dev.trainer.domain.quality;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trainer.domain.market.Candle;
import dev.trainer.domain.market.OhlcvColumns;
import dev.trainer.domain.market.Timeframe;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CrossExchangeDivergenceTest {

    private static final long M = Candles.MIN;

    private static CloseSeries closes(long[] minutes, double... closes) {
        long[] times = new long[minutes.length];
        for (int i = 0; i < minutes.length; i++) {
            times[i] = minutes[i] * M;
        }
        return new CloseSeries(times, closes);
    }

    private static CrossExchangeDivergence.Found find(double maxFraction, double ownClose, CloseSeries... others) {
        return CrossExchangeDivergence.find(new long[] {0}, new double[] {ownClose}, List.of(others), maxFraction);
    }

    @Test
    void aDeviationExactlyAtTheMaximumCountsAndJustBelowItDoesNot() {
        CloseSeries a = closes(new long[] {0}, 100);
        CloseSeries b = closes(new long[] {0}, 100);
        // median of 102, 100, 100 is 100: |102 - 100| / 100 = 0.02
        assertTrue(find(0.02, 102, a, b).divergent()[0]);
        assertArrayEquals(new boolean[] {false}, find(Math.nextUp(0.02), 102, a, b).divergent());
        assertArrayEquals(new boolean[] {false}, find(0.02, 101.99, a, b).divergent());
        assertTrue(find(0.02, 97.5, a, b).divergent()[0]);
    }

    @Test
    void withOneOtherExchangeTheMedianIsTheMidpointAndBothSidesDivergeAlike() {
        // 104.1 and 100: midpoint 102.05, each 2.05 away (2.009 %)
        CloseSeries other = closes(new long[] {0}, 100);
        CloseSeries mine = closes(new long[] {0}, 104.1);
        assertTrue(find(0.02, 104.1, other).divergent()[0]);
        assertTrue(find(0.02, 100, mine).divergent()[0]);
        // 104 and 100: 1.96 % each, neither
        assertArrayEquals(new boolean[] {false}, find(0.02, 104, other).divergent());
        assertArrayEquals(new boolean[] {false}, find(0.02, 100, closes(new long[] {0}, 104)).divergent());
    }

    @Test
    void withTwoOrMoreOthersOnlyTheOutlierDiverges() {
        CloseSeries outlier = closes(new long[] {0}, 110);
        CloseSeries other = closes(new long[] {0}, 100.5);
        assertTrue(find(0.02, 110, closes(new long[] {0}, 100), other).divergent()[0]);
        assertArrayEquals(new boolean[] {false}, find(0.02, 100, outlier, other).divergent());
    }

    @Test
    void onlyTimesAnotherExchangeHoldsAreCompared() {
        // mine at minutes 0..4; one other exchange holds 1 and 3 (and 7, which I lack), another holds 3 only
        long[] times = {0, M, 2 * M, 3 * M, 4 * M};
        double[] mine = {100, 150, 100, 100, 150};
        CloseSeries a = closes(new long[] {1, 3, 7}, 100, 100, 100);
        CloseSeries b = closes(new long[] {3}, 100);
        CrossExchangeDivergence.Found found = CrossExchangeDivergence.find(times, mine, List.of(a, b), 0.02);
        assertEquals(2, found.compared());
        assertArrayEquals(new boolean[] {false, true, false, false, false}, found.divergent());
        assertEquals(0, CrossExchangeDivergence.find(times, mine, List.of(), 0.02).compared());
    }

    @Test
    void closeSeriesMustBeIncreasingInTimeWithPositiveCloses() {
        assertThrows(IllegalArgumentException.class, () -> closes(new long[] {1, 1}, 1, 2));
        assertThrows(IllegalArgumentException.class, () -> closes(new long[] {1}, 0));
        assertThrows(IllegalArgumentException.class, () -> closes(new long[] {1}, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> new CloseSeries(new long[2], new double[1]));
    }

    @Test
    void inTheReportDivergenceIsCountedAndFlaggedButDoesNotMakeACandleInvalid() {
        List<Candle> candles = Candles.withCloses(100, 101, 102, 103);
        candles = List.of(candles.get(0), Candles.at(1, 110), candles.get(2), candles.get(3));
        Map<String, CloseSeries> others = Map.of(
                "kraken", closes(new long[] {0, 1, 2}, 100, 101, 102),
                "bitfinex", closes(new long[] {1, 2}, 101, 102.1));
        QualityResult r = new QualityChecks().check(Timeframe.M1, OhlcvColumns.of(candles), others);
        QualityAssessment q = r.report();
        assertEquals(1, q.crossExchangeDivergence());
        assertEquals(3, q.crossExchangeCompared());
        assertEquals(List.of("bitfinex", "kraken"), q.crossExchangeReferences());
        assertEquals(4, q.valid());
        assertEquals(1.0, q.qualityScore());
        assertArrayEquals(new int[] {0, CandleFlags.DIVERGENT, 0, 0}, r.cleaned().flags());
        assertTrue(q.verdict().contains("cross_exchange_divergence 1 of 3 compared with bitfinex, kraken"), q.verdict());
        // the divergent close is still one of the closes this series offers others: it is valid
        assertEquals(4, r.validCloses().size());

        QualityResult dropped = new QualityChecks(QualitySettings.defaults()
                .withPolicy(QualityCheck.CROSS_EXCHANGE_DIVERGENCE, CleaningPolicy.DROP))
                .check(Timeframe.M1, OhlcvColumns.of(candles), others);
        assertEquals(3, dropped.cleaned().size());
        assertEquals(4, dropped.report().valid());
        assertEquals(1.0, dropped.report().qualityScore());
    }

    @Test
    void theMaximumDeviationIsConfigurable() {
        List<Candle> candles = List.of(Candles.at(0, 103));
        Map<String, CloseSeries> others = Map.of("a", closes(new long[] {0}, 100), "b", closes(new long[] {0}, 100));
        assertEquals(1, new QualityChecks().check(Timeframe.M1, OhlcvColumns.of(candles), others).report()
                .crossExchangeDivergence());
        assertEquals(0, new QualityChecks(QualitySettings.defaults().withDivergenceMaxDeviationFraction(0.05))
                .check(Timeframe.M1, OhlcvColumns.of(candles), others).report().crossExchangeDivergence());
    }
}
