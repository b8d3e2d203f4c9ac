package dev.trainer.domain.quality;

import static dev.trainer.domain.quality.Candles.MIN;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trainer.domain.market.Candle;
import dev.trainer.domain.market.Timeframe;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Drop, flag and forward-fill, each where a check allows it, and the forward-fill limit. */
class CleaningPoliciesTest {

    private static QualityResult check(QualitySettings settings, List<Candle> candles) {
        return new QualityChecks(settings).check(Timeframe.M1, candles);
    }

    private static QualitySettings with(QualityCheck check, CleaningPolicy policy) {
        return QualitySettings.defaults().withPolicy(check, policy);
    }

    private static Candle zeroVolume(long minute, double close) {
        return new Candle(minute * MIN, close, close * 1.001, close * 0.999, close, 0);
    }

    private static Candle flat(long minute, double close) {
        return new Candle(minute * MIN, close, close, close, close, 3);
    }

    private static Candle invalid(long minute) {
        return new Candle(minute * MIN, 100, 99, 101, 100, 1); // high below low
    }

    private static Candle synthetic(long minute, double close) {
        return new Candle(minute * MIN, close, close, close, close, 0);
    }

    private static long[] minutes(CleanedSeries s) {
        return java.util.Arrays.stream(s.openTimeMs()).map(t -> t / MIN).toArray();
    }

    /** Candles at the given minutes, closes 100, 101, 100, 101, ... by minute. */
    private static List<Candle> at(long... minutes) {
        List<Candle> out = new ArrayList<>();
        for (long m : minutes) {
            out.add(Candles.at(m, m % 2 == 0 ? 100 : 101));
        }
        return out;
    }

    @Test
    void dropRemovesZeroVolumeAndFlatCandlesWhichStillCountAsInvalid() {
        List<Candle> candles = List.of(Candles.at(0, 100), zeroVolume(1, 101), flat(2, 100), Candles.at(3, 101));
        QualityResult flagged = check(QualitySettings.defaults(), candles);
        assertEquals(4, flagged.cleaned().size());
        assertArrayEquals(new int[] {0, CandleFlags.ZERO_VOLUME, CandleFlags.FLAT, 0}, flagged.cleaned().flags());
        assertEquals(0.5, flagged.report().qualityScore());

        QualityResult dropped = check(with(QualityCheck.ZERO_VOLUME, CleaningPolicy.DROP)
                .withPolicy(QualityCheck.FLAT, CleaningPolicy.DROP), candles);
        assertArrayEquals(new long[] {0, 3}, minutes(dropped.cleaned()));
        assertArrayEquals(new int[] {0, 0}, dropped.cleaned().flags());
        assertEquals(2, dropped.report().valid());
        assertEquals(0.5, dropped.report().validFraction());
        assertEquals(1.0, dropped.report().qualityScore());
        assertEquals(2, dropped.report().cleanCandleCount());
        // the dropped times are held by rows that arrived: not missing
        assertEquals(0, dropped.report().missing());
    }

    @Test
    void aCandleSeveralChecksFlagCarriesAllTheirBits() {
        QualityResult r = check(QualitySettings.defaults(), List.of(new Candle(0, 5, 5, 5, 5, 0)));
        assertArrayEquals(new int[] {CandleFlags.ZERO_VOLUME | CandleFlags.FLAT}, r.cleaned().flags());
    }

    @Test
    void forwardFillReplacesAnInvalidCandleWithASyntheticCopyOfThePreviousClose() {
        List<Candle> candles = List.of(Candles.at(0, 100), Candles.at(1, 101), invalid(2), Candles.at(3, 101));
        QualityResult r = check(with(QualityCheck.OHLC_INVALID, CleaningPolicy.FORWARD_FILL), candles);
        assertEquals(List.of(candles.get(0), candles.get(1), synthetic(2, 101), candles.get(3)), r.cleaned().candles());
        assertArrayEquals(new int[] {0, 0, CandleFlags.SYNTHETIC, 0}, r.cleaned().flags());
        QualityAssessment q = r.report();
        assertEquals(1, q.synthetic());
        assertEquals(0, q.unfilled());
        assertEquals(3, q.valid());
        assertEquals(0.75, q.validFraction());
        assertEquals(4, q.cleanCandleCount());
        assertEquals(0.75, q.qualityScore()); // the synthetic candle is not valid
        assertTrue(q.verdict().endsWith("3 candles kept (0 flagged), 1 dropped, 1 synthetic"), q.verdict());
        // synthetic candles are part of the fingerprint: a filled series is another series
        assertNotEquals(check(QualitySettings.defaults(), candles).cleaned().fingerprint(), r.cleaned().fingerprint());
        // they are no observation either, so not among the closes offered to other exchanges
        assertEquals(3, r.validCloses().size());
    }

    @Test
    void forwardFillOfMissingFillsAGapAsLongAsTheLimit() {
        QualitySettings fill = with(QualityCheck.MISSING, CleaningPolicy.FORWARD_FILL).withForwardFillMaxRunCandles(3);
        QualityResult r = check(fill, at(0, 1, 5, 6)); // minutes 2, 3, 4 absent: a run of 3
        assertArrayEquals(new long[] {0, 1, 2, 3, 4, 5, 6}, minutes(r.cleaned()));
        assertEquals(synthetic(3, 101), r.cleaned().candle(3));
        assertEquals(3, r.report().missing());
        assertEquals(3, r.report().synthetic());
        assertEquals(0, r.report().unfilled());
        assertEquals(4, r.report().valid());
        assertEquals(1.0, r.report().validFraction()); // missing times are no rows: validity is about what arrived
        assertEquals(4.0 / 7, r.report().qualityScore());
    }

    @Test
    void aGapLongerThanTheLimitIsLeftWholeAndCountedUnfilled() {
        QualitySettings fill = with(QualityCheck.MISSING, CleaningPolicy.FORWARD_FILL).withForwardFillMaxRunCandles(3);
        QualityResult r = check(fill, at(0, 1, 6, 7, 9)); // minutes 2..5 absent (4), then 8 (1)
        assertArrayEquals(new long[] {0, 1, 6, 7, 8, 9}, minutes(r.cleaned()));
        assertEquals(5, r.report().missing());
        assertEquals(1, r.report().synthetic());
        assertEquals(4, r.report().unfilled());
        assertTrue(r.report().verdict().endsWith(", 1 synthetic, 4 left unfilled"), r.report().verdict());
    }

    @Test
    void invalidRowsAndAbsentTimesNextToEachOtherAreOneRun() {
        QualitySettings fill = with(QualityCheck.MISSING, CleaningPolicy.FORWARD_FILL)
                .withPolicy(QualityCheck.OHLC_INVALID, CleaningPolicy.FORWARD_FILL).withForwardFillMaxRunCandles(3);
        List<Candle> three = new ArrayList<>(at(0, 1));
        three.add(invalid(2));
        three.addAll(at(5)); // 2 invalid, 3 and 4 absent: a run of 3
        QualityResult filled = check(fill, three);
        assertArrayEquals(new long[] {0, 1, 2, 3, 4, 5}, minutes(filled.cleaned()));
        assertEquals(3, filled.report().synthetic());

        List<Candle> four = new ArrayList<>(three.subList(0, 3));
        four.addAll(at(6)); // 2 invalid, 3, 4, 5 absent: a run of 4
        QualityResult left = check(fill, four);
        assertArrayEquals(new long[] {0, 1, 6}, minutes(left.cleaned()));
        assertEquals(0, left.report().synthetic());
        assertEquals(4, left.report().unfilled());
    }

    @Test
    void aRunWithNoPreviousCloseIsLeftUnfilled() {
        List<Candle> candles = new ArrayList<>(List.of(invalid(0)));
        candles.addAll(at(1, 2));
        QualityResult r = check(with(QualityCheck.OHLC_INVALID, CleaningPolicy.FORWARD_FILL), candles);
        assertArrayEquals(new long[] {1, 2}, minutes(r.cleaned()));
        assertEquals(1, r.report().unfilled());
        assertEquals(0, r.report().synthetic());
    }

    @Test
    void aTimeHeldByAnOutOfOrderRowIsNotMissingSoItIsNotFilled() {
        List<Candle> candles = at(0, 2, 1, 3); // minute 1 arrives late: dropped, not missing
        QualityResult r = check(with(QualityCheck.MISSING, CleaningPolicy.FORWARD_FILL), candles);
        assertEquals(0, r.report().missing());
        assertArrayEquals(new long[] {0, 2, 3}, minutes(r.cleaned()));
    }

    @Test
    void dropWinsOverForwardFillWhichWinsOverFlag() {
        QualitySettings settings = with(QualityCheck.ZERO_VOLUME, CleaningPolicy.DROP)
                .withPolicy(QualityCheck.OHLC_INVALID, CleaningPolicy.FORWARD_FILL);
        Candle invalidAndZeroVolume = new Candle(MIN, 100, 99, 101, 100, 0);
        Candle invalidAndFlatZero = new Candle(2 * MIN, 0, 0, 0, 0, 3); // flat (flag) and invalid (fill)
        List<Candle> candles = List.of(Candles.at(0, 100), invalidAndZeroVolume, invalidAndFlatZero, Candles.at(3, 101));
        QualityResult r = check(settings, candles);
        assertArrayEquals(new long[] {0, 2, 3}, minutes(r.cleaned()));
        assertEquals(synthetic(2, 100), r.cleaned().candle(1));
        assertArrayEquals(new int[] {0, CandleFlags.SYNTHETIC, 0}, r.cleaned().flags());
    }

    @Test
    void aSpikeCanBeDroppedOrReplaced() {
        double[] closes = Candles.wiggle(40);
        closes[30] *= 1.2;
        List<Candle> candles = Candles.withCloses(closes);
        QualitySettings spikes = QualitySettings.defaults().withSpikes(20, 10);
        QualityResult flagged = check(spikes, candles);
        assertEquals(1, flagged.report().spikes());
        assertEquals(CandleFlags.SPIKE, flagged.cleaned().flags()[30]);

        QualityResult dropped = check(spikes.withPolicy(QualityCheck.SPIKE, CleaningPolicy.DROP), candles);
        assertEquals(39, dropped.cleaned().size());
        assertEquals(1.0, dropped.report().qualityScore());

        QualityResult filled = check(spikes.withPolicy(QualityCheck.SPIKE, CleaningPolicy.FORWARD_FILL), candles);
        assertEquals(synthetic(30, closes[29]), filled.cleaned().candle(30));
        assertEquals(1, filled.report().synthetic());
        assertEquals(39.0 / 40, filled.report().qualityScore());
    }

    @Test
    void staleCandlesCanBeDropped() {
        List<Candle> candles = Candles.withCloses(1, 2, 3, 3, 3, 3, 3, 4);
        QualityResult r = check(with(QualityCheck.STALE_RUN, CleaningPolicy.DROP), candles);
        assertEquals(4, r.report().staleRuns());
        assertArrayEquals(new long[] {0, 1, 2, 7}, minutes(r.cleaned()));
    }
}
