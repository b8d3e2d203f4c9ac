package dev.trainer.domain.quality;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trainer.domain.market.Candle;
import dev.trainer.domain.market.Timeframe;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class QualityChecksTest {

    private static final long MIN = 60_000L;
    private static final QualityChecks CHECKS = new QualityChecks();

    /**
     * A valid candle at minute {@code minute}: open 100, high 102, low 99, volume 5, close 101 on even minutes and
     * 101.5 on odd ones (so that consecutive candles are no stale run).
     */
    static Candle good(long minute) {
        return new Candle(minute * MIN, 100, 102, 99, close(minute), 5);
    }

    static Candle zeroVolume(long minute) {
        return new Candle(minute * MIN, 100, 102, 99, close(minute), 0);
    }

    private static double close(long minute) {
        return minute % 2 == 0 ? 101 : 101.5;
    }

    /** What the verdict lists after missing when the new checks found nothing and no other exchange is known. */
    private static final String NOTHING_ELSE = ", stale_runs 0, spikes 0, cross_exchange_divergence 0 (no other exchange)";

    private static Candle flat(long minute) {
        return new Candle(minute * MIN, 100, 100, 100, 100, 5);
    }

    private static QualityAssessment report(List<Candle> candles) {
        return CHECKS.check(Timeframe.M1, candles).report();
    }

    private static long[] times(CleanedSeries s) {
        return s.openTimeMs();
    }

    @Nested
    class Empty {

        @Test
        void anEmptySeriesHasNothingValidAndIsRefusedSayingWhy() {
            QualityResult r = CHECKS.check(Timeframe.M5, List.of());
            QualityAssessment q = r.report();
            assertEquals(new QualityAssessment(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, List.of(), 0, 0.0, 0, 0, 0, 0.0, 0.70,
                    false, q.verdict()), q);
            assertEquals(0.0, q.validPct());
            assertTrue(q.verdict().startsWith("refused: the series has no candles"), q.verdict());
            assertTrue(r.cleaned().isEmpty());
            // SHA-256 of zero bytes
            assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", r.cleaned().fingerprint());
        }
    }

    @Nested
    class OneCandle {

        @Test
        void oneGoodCandleIsAllValidAndPasses() {
            QualityResult r = CHECKS.check(Timeframe.M1, List.of(good(7)));
            assertEquals(new QualityAssessment(1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, List.of(), 1, 1.0, 0, 0, 1, 1.0, 0.70,
                    true, r.report().verdict()), r.report());
            assertEquals("passed: 100.0 % of 1 candle valid, at or above the 70.0 % threshold (zero_volume 0, flat 0,"
                    + " ohlc_invalid 0, duplicates 0, out_of_order 0, missing 0" + NOTHING_ELSE + "); 1 candle kept"
                    + " (0 flagged), 0 dropped, 0 synthetic", r.report().verdict());
            assertEquals(100.0, r.report().validPct());
            assertEquals(List.of(good(7)), r.cleaned().candles());
            assertArrayEquals(new int[] {0}, r.cleaned().flags());
        }

        @Test
        void oneZeroVolumeFlatCandleIsKeptFlaggedButNotValid() {
            Candle dead = new Candle(0, 192.86, 192.86, 192.86, 192.86, 0);
            QualityResult r = CHECKS.check(Timeframe.M5, List.of(dead));
            QualityAssessment q = r.report();
            assertEquals(1, q.zeroVolume());
            assertEquals(1, q.flat());
            assertEquals(0, q.valid());
            assertEquals(0.0, q.validFraction());
            assertFalse(q.passed());
            assertEquals(List.of(dead), r.cleaned().candles());
            assertArrayEquals(new int[] {CandleFlags.ZERO_VOLUME | CandleFlags.FLAT}, r.cleaned().flags());
        }
    }

    @Nested
    class ZeroVolumeAndFlat {

        @Test
        void zeroVolumeCountsRowsWithVolumeZeroIncludingNegativeZero() {
            List<Candle> candles = List.of(good(0), zeroVolume(1), good(2), new Candle(3 * MIN, 100, 102, 99, 101, -0.0),
                    new Candle(4 * MIN, 100, 102, 99, 101, 1e-12));
            QualityAssessment q = report(candles);
            assertEquals(2, q.zeroVolume());
            assertEquals(0, q.flat());
            assertEquals(0, q.ohlcInvalid());
            assertEquals(3, q.valid());
        }

        @Test
        void flatCountsRowsWithHighEqualToLowOnly() {
            List<Candle> candles = List.of(flat(0), good(1),
                    new Candle(2 * MIN, 100, 100.000001, 100, 100, 5), // nearly flat is not flat
                    new Candle(3 * MIN, 100, 100, 100, 100, 0)); // flat and zero volume: counted in both
            QualityAssessment q = report(candles);
            assertEquals(2, q.flat());
            assertEquals(1, q.zeroVolume());
            assertEquals(2, q.valid());
            assertEquals(0.5, q.validFraction());
        }

        @Test
        void zeroVolumeAndFlatCandlesAreKeptWithTheirFlags() {
            List<Candle> candles = List.of(good(0), zeroVolume(1), flat(2), new Candle(3 * MIN, 50, 50, 50, 50, 0));
            QualityResult r = CHECKS.check(Timeframe.M1, candles);
            assertEquals(candles, r.cleaned().candles());
            assertArrayEquals(new int[] {0, CandleFlags.ZERO_VOLUME, CandleFlags.FLAT,
                    CandleFlags.ZERO_VOLUME | CandleFlags.FLAT}, r.cleaned().flags());
            assertEquals(1, r.report().valid());
        }
    }

    @Nested
    class OhlcInvalid {

        @Test
        void eachBrokenRuleCountsAndTheRowIsDropped() {
            List<Candle> candles = List.of(
                    good(0),
                    new Candle(1 * MIN, 98, 102, 99, 101, 5), // open below low
                    new Candle(2 * MIN, 100, 102, 99, 103, 5), // close above high
                    new Candle(3 * MIN, 100, 99, 101, 100, 5), // high below low
                    new Candle(4 * MIN, 0, 102, 0, 101, 5), // a price of 0
                    new Candle(5 * MIN, -1, 102, -2, 101, 5), // negative prices
                    new Candle(6 * MIN, Double.NaN, 102, 99, 101, 5), // NaN open
                    new Candle(7 * MIN, 100, 102, 99, 101, Double.NaN), // NaN volume
                    new Candle(8 * MIN, 100, Double.POSITIVE_INFINITY, 99, 101, 5), // infinite high
                    new Candle(9 * MIN, 100, 102, 99, 101, -3), // negative volume
                    new Candle(10 * MIN, 100, 102, 99, 101, 5));
            QualityResult r = CHECKS.check(Timeframe.M1, candles);
            QualityAssessment q = r.report();
            assertEquals(11, q.total());
            assertEquals(9, q.ohlcInvalid());
            assertEquals(0, q.zeroVolume());
            assertEquals(0, q.flat());
            assertEquals(2, q.valid());
            assertArrayEquals(new long[] {0, 10 * MIN}, times(r.cleaned()));
        }

        @Test
        void boundariesThatAreAllowed() {
            // open = low and close = high; open = high = close with low below; all inclusive
            List<Candle> candles = List.of(new Candle(0, 99, 102, 99, 102, 5), new Candle(MIN, 102, 102, 99, 102, 5));
            QualityAssessment q = report(candles);
            assertEquals(0, q.ohlcInvalid());
            assertEquals(2, q.valid());
        }

        @Test
        void aFlatZeroVolumeRowWithAZeroPriceIsCountedInAllThreeButDropped() {
            QualityResult r = CHECKS.check(Timeframe.M1, List.of(new Candle(0, 0, 0, 0, 0, 0), good(1)));
            QualityAssessment q = r.report();
            assertEquals(1, q.ohlcInvalid());
            assertEquals(1, q.zeroVolume());
            assertEquals(1, q.flat());
            assertEquals(1, r.cleaned().size());
        }
    }

    @Nested
    class DuplicatesAndOutOfOrder {

        @Test
        void duplicatesAreTheExtraCopiesOfATime() {
            // times (minutes): 0, 1, 1, 2, 1, 1
            List<Candle> candles = List.of(good(0), good(1), good(1), good(2), good(1), good(1));
            QualityResult r = CHECKS.check(Timeframe.M1, candles);
            QualityAssessment q = r.report();
            assertEquals(3, q.duplicates());
            // rows 5 and 6 are also earlier than the latest time seen (2): they count as duplicates only
            assertEquals(0, q.outOfOrder());
            assertEquals(3, q.valid());
            assertArrayEquals(new long[] {0, MIN, 2 * MIN}, times(r.cleaned()));
        }

        @Test
        void theFirstArrivalOfADuplicatedTimeIsKept() {
            Candle first = new Candle(MIN, 100, 105, 95, 104, 7);
            Candle copy = new Candle(MIN, 100, 102, 99, 101, 5);
            QualityResult r = CHECKS.check(Timeframe.M1, List.of(good(0), first, copy));
            assertEquals(List.of(good(0), first), r.cleaned().candles());
        }

        @Test
        void outOfOrderRowsAreThoseEarlierThanTheLatestSeenBeforeThem() {
            // times: 0, 2, 1, 3, 0.5 (off grid, still out of order), 4
            List<Candle> candles = List.of(good(0), good(2), good(1), good(3),
                    new Candle(30_000, 100, 102, 99, 101, 5), good(4));
            QualityResult r = CHECKS.check(Timeframe.M1, candles);
            QualityAssessment q = r.report();
            assertEquals(2, q.outOfOrder());
            assertEquals(0, q.duplicates());
            assertEquals(4, q.valid());
            // nothing is missing: minute 1 arrived, late
            assertEquals(0, q.missing());
            // rows are never moved: the late ones are dropped and what is kept is in time order
            assertArrayEquals(new long[] {0, 2 * MIN, 3 * MIN, 4 * MIN}, times(r.cleaned()));
        }

        @Test
        void aRowThatIsBothDuplicateAndOutOfOrderCountsAsDuplicateOnly() {
            // times: 0, 2, 1, 1: row 3 is out of order; row 4 repeats row 3's time and is earlier than 2
            List<Candle> candles = List.of(good(0), good(2), good(1), good(1));
            QualityAssessment q = report(candles);
            assertEquals(1, q.outOfOrder());
            assertEquals(1, q.duplicates());
            assertEquals(2, q.valid());
            // the classic case: 0, 1, 0
            QualityAssessment classic = report(List.of(good(0), good(1), good(0)));
            assertEquals(1, classic.duplicates());
            assertEquals(0, classic.outOfOrder());
        }

        @Test
        void aTimeEqualToTheLatestIsADuplicateNotOutOfOrder() {
            QualityAssessment q = report(List.of(good(0), good(1), good(1)));
            assertEquals(1, q.duplicates());
            assertEquals(0, q.outOfOrder());
        }

        @Test
        void aDuplicateOfADroppedRowIsDroppedToo() {
            // the first copy of minute 1 is invalid; the second copy is a duplicate: both dropped
            List<Candle> candles = List.of(good(0), new Candle(MIN, 100, 99, 101, 100, 5), good(1), good(2));
            QualityResult r = CHECKS.check(Timeframe.M1, candles);
            assertEquals(1, r.report().ohlcInvalid());
            assertEquals(1, r.report().duplicates());
            assertArrayEquals(new long[] {0, 2 * MIN}, times(r.cleaned()));
        }
    }

    @Nested
    class Missing {

        private QualityAssessment m5(long... minutes) {
            List<Candle> candles = new ArrayList<>();
            for (long minute : minutes) {
                candles.add(good(minute));
            }
            return CHECKS.check(Timeframe.M5, candles).report();
        }

        @Test
        void countsGridTimesAbsentBetweenFirstAndLast() {
            // 5m grid 0, 5, 10, 15, 20: 5 and 15 absent
            assertEquals(2, m5(0, 10, 20).missing());
            assertEquals(0, m5(0, 5, 10).missing());
        }

        @Test
        void arrivalOrderAndDuplicatesDoNotMatter() {
            assertEquals(0, m5(10, 0, 5, 5).missing());
        }

        @Test
        void offGridTimesAreNotGridTimes() {
            // grid slots 0, 5, 10; minute 2 is off the 5m grid: 5 is still missing
            assertEquals(1, m5(0, 2, 10).missing());
            // first and last both off grid: slots 5 and 10 lie between minute 1 and minute 11, neither present
            assertEquals(2, m5(1, 11).missing());
        }

        @Test
        void noneForZeroOrOneCandle() {
            assertEquals(0, m5().missing());
            assertEquals(0, m5(35).missing());
        }

        @Test
        void missingDoesNotMakeAnythingInvalid() {
            QualityAssessment q = m5(0, 100);
            assertEquals(19, q.missing());
            assertEquals(2, q.valid());
            assertEquals(1.0, q.validFraction());
            assertTrue(q.passed());
        }

        @Test
        void onADailyGridCandlesStartAtUtcMidnight() {
            long day = 86_400_000L;
            List<Candle> candles = List.of(new Candle(0, 1, 2, 1, 2, 1), new Candle(3 * day, 1, 2, 1, 2, 1));
            assertEquals(2, CHECKS.check(Timeframe.D1, candles).report().missing());
        }
    }

    @Nested
    class Gate {

        /** n candles of which {@code valid} are good and the rest zero-volume. */
        private List<Candle> series(int n, int valid) {
            List<Candle> candles = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                candles.add(i < valid ? good(i) : zeroVolume(i));
            }
            return candles;
        }

        @Test
        void justBelowTheThresholdIsRefused() {
            QualityAssessment q = report(series(1000, 699));
            assertEquals(0.699, q.validFraction());
            assertFalse(q.passed());
            assertEquals("refused: 69.9 % of 1000 candles valid, below the 70.0 % threshold (zero_volume 301, flat 0,"
                    + " ohlc_invalid 0, duplicates 0, out_of_order 0, missing 0" + NOTHING_ELSE + ")", q.verdict());
            assertEquals(69.9, q.validPct(), 1e-12);
        }

        @Test
        void atTheThresholdPasses() {
            QualityAssessment q = report(series(1000, 700));
            assertEquals(0.7, q.validFraction());
            assertTrue(q.passed());
            assertTrue(q.verdict().startsWith("passed: 70.0 % of 1000 candles valid, at or above the 70.0 % threshold"),
                    q.verdict());
            assertTrue(report(series(10, 7)).passed());
        }

        @Test
        void justAboveTheThresholdPasses() {
            QualityAssessment q = report(series(1000, 701));
            assertTrue(q.passed());
            assertEquals(0.701, q.validFraction());
        }

        @Test
        void aFractionThatWouldRoundToTheThresholdIsPrintedWithMoreDecimals() {
            QualityAssessment q = report(series(10_000, 6996));
            assertFalse(q.passed());
            assertTrue(q.verdict().startsWith("refused: 69.96 % of 10000 candles valid, below the 70.00 % threshold"),
                    q.verdict());
        }

        @Test
        void theDiagnosisExampleIsRefusedWithItsNumbers() {
            // 1000 candles: 190 dead (zero volume and flat), 190 more flat, 620 good; the dead and the flat ones are
            // two runs of identical closes, 189 stale candles each
            List<Candle> candles = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                candles.add(i < 190 ? new Candle(i * MIN, 192.86, 192.86, 192.86, 192.86, 0)
                        : i < 380 ? flat(i) : good(i));
            }
            QualityResult r = CHECKS.check(Timeframe.M1, candles);
            assertEquals("refused: 62.0 % of 1000 candles valid, below the 70.0 % threshold (zero_volume 190, flat 380,"
                    + " ohlc_invalid 0, duplicates 0, out_of_order 0, missing 0, stale_runs 378, spikes 0,"
                    + " cross_exchange_divergence 0 (no other exchange))", r.report().verdict());
            assertEquals(0.62, r.report().validFraction());
            // refused or not, the cleaned series is what cleaning would keep
            assertEquals(1000, r.cleaned().size());
            assertEquals(380, r.cleaned().countFlagged(CandleFlags.FLAT));
        }

        @Test
        void theThresholdIsConfigurable() {
            QualityChecks strict = new QualityChecks(0.95);
            QualityAssessment q = strict.check(Timeframe.M1, series(100, 94)).report();
            assertFalse(q.passed());
            assertEquals(0.95, q.thresholdFraction());
            assertTrue(new QualityChecks(0.5).check(Timeframe.M1, series(100, 50)).passed());
        }

        @Test
        void aZeroThresholdStillRefusesWhenNothingIsLeftAfterCleaning() {
            QualityChecks lenient = new QualityChecks(0.0);
            List<Candle> broken = List.of(new Candle(0, 100, 99, 101, 100, 5), new Candle(MIN, -1, 1, -1, 1, 1));
            QualityAssessment q = lenient.check(Timeframe.M1, broken).report();
            assertFalse(q.passed());
            assertTrue(q.verdict().startsWith("refused: no candle is left after cleaning: all 2 candles were dropped"),
                    q.verdict());
            // a zero threshold passes a series of only flagged candles: nothing forbids it
            assertTrue(lenient.check(Timeframe.M1, List.of(zeroVolume(0))).passed());
        }

        @Test
        void aThresholdOutside0To1IsRejected() {
            assertThrows(IllegalArgumentException.class, () -> new QualityChecks(-0.01));
            assertThrows(IllegalArgumentException.class, () -> new QualityChecks(70));
            assertThrows(IllegalArgumentException.class, () -> new QualityChecks(Double.NaN));
            assertEquals(0.70, new QualityChecks().thresholdFraction());
        }
    }

    @Nested
    class Fingerprint {

        private final List<Candle> candles = List.of(good(0), zeroVolume(1), flat(2), good(3));

        @Test
        void isStableAndTheSameForListsAndColumns() {
            String a = CHECKS.check(Timeframe.M1, candles).cleaned().fingerprint();
            String b = CHECKS.check(Timeframe.M1, new ArrayList<>(candles)).cleaned().fingerprint();
            long[] t = {0, MIN, 2 * MIN, 3 * MIN};
            double[] o = {100, 100, 100, 100}, h = {102, 102, 100, 102}, l = {99, 99, 100, 99}, c = {101, 101.5, 100, 101.5},
                    v = {5, 0, 5, 5};
            String columns = CHECKS.check(Timeframe.M1, t, o, h, l, c, v).cleaned().fingerprint();
            assertEquals(a, b);
            assertEquals(a, columns);
            assertEquals(64, a.length());
            assertTrue(a.matches("[0-9a-f]{64}"));
        }

        @Test
        void isTheSha256OfTheDocumentedBytes() throws Exception {
            Candle c = new Candle(1_700_000_000_000L, 1.5, 2.25, 1.25, 2.0, 0.125);
            ByteBuffer bytes = ByteBuffer.allocate(48).putLong(c.openTimeMs()).putDouble(c.open()).putDouble(c.high())
                    .putDouble(c.low()).putDouble(c.close()).putDouble(c.volume());
            String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes.array()));
            assertEquals(expected, CHECKS.check(Timeframe.M1, List.of(c)).cleaned().fingerprint());
        }

        @Test
        void changesWithAnyValue() {
            String base = CHECKS.check(Timeframe.M1, candles).cleaned().fingerprint();
            List<Candle> oneUlp = new ArrayList<>(candles);
            oneUlp.set(3, new Candle(3 * MIN, 100, 102, 99, Math.nextUp(101.5), 5));
            List<Candle> otherTime = new ArrayList<>(candles);
            otherTime.set(3, good(4));
            List<Candle> otherVolume = new ArrayList<>(candles);
            otherVolume.set(0, new Candle(0, 100, 102, 99, 101, 5.0000001));
            assertNotEquals(base, CHECKS.check(Timeframe.M1, oneUlp).cleaned().fingerprint());
            assertNotEquals(base, CHECKS.check(Timeframe.M1, otherTime).cleaned().fingerprint());
            assertNotEquals(base, CHECKS.check(Timeframe.M1, otherVolume).cleaned().fingerprint());
        }

        @Test
        void coversTheCleanedSeriesOnlySoDroppedRowsDoNotChangeIt() {
            String base = CHECKS.check(Timeframe.M1, candles).cleaned().fingerprint();
            List<Candle> withGarbage = new ArrayList<>(candles);
            withGarbage.add(2, good(1)); // a duplicate
            withGarbage.add(new Candle(4 * MIN, Double.NaN, 1, 1, 1, 1)); // ohlc invalid
            withGarbage.add(good(0)); // out of order (and a duplicate)
            QualityResult r = CHECKS.check(Timeframe.M1, withGarbage);
            assertEquals(base, r.cleaned().fingerprint());
            assertEquals(3, r.report().total() - r.cleaned().size());
        }
    }

    @Nested
    class Invariants {

        @Test
        void onARandomMessKeptCandlesAreSortedAndValidEqualsUnflaggedKept() {
            Random random = new Random(42);
            List<Candle> candles = new ArrayList<>();
            for (int i = 0; i < 5_000; i++) {
                long minute = i + random.nextInt(5) - 2; // jitter: duplicates and out-of-order rows
                double low = 100 + random.nextDouble();
                double high = random.nextInt(4) == 0 ? low : low + random.nextDouble();
                double volume = random.nextInt(5) == 0 ? 0 : random.nextDouble() * 10;
                double open = random.nextInt(50) == 0 ? high + 1 : low;
                candles.add(new Candle(minute * MIN, open, high, low, high, volume));
            }
            QualityResult r = CHECKS.check(Timeframe.M1, candles);
            QualityAssessment q = r.report();
            CleanedSeries s = r.cleaned();
            for (int i = 1; i < s.size(); i++) {
                assertTrue(s.openTimeMs()[i] > s.openTimeMs()[i - 1], "strictly increasing at " + i);
            }
            int unflagged = 0;
            for (int f : s.flags()) {
                unflagged += f == 0 ? 1 : 0;
            }
            assertEquals(q.valid(), unflagged);
            assertEquals(q.total() - q.ohlcInvalid() - q.duplicates() - q.outOfOrder()
                    + overlapOfInvalidWithDuplicateOrOutOfOrder(candles), s.size());
            assertTrue(q.duplicates() > 0 && q.outOfOrder() > 0 && q.ohlcInvalid() > 0 && q.flat() > 0 && q.zeroVolume() > 0);
            s.toCandleSeries(); // what is kept is a valid CandleSeries
        }

        /** Rows counted both as ohlc_invalid and as duplicate or out of order, recomputed the slow way. */
        private int overlapOfInvalidWithDuplicateOrOutOfOrder(List<Candle> candles) {
            int overlap = 0;
            long latest = Long.MIN_VALUE;
            java.util.Set<Long> seen = new java.util.HashSet<>();
            for (Candle c : candles) {
                boolean late = !seen.add(c.openTimeMs()) || c.openTimeMs() < latest;
                latest = Math.max(latest, c.openTimeMs());
                if (late && !QualityChecks.ohlcValid(c.open(), c.high(), c.low(), c.close(), c.volume())) {
                    overlap++;
                }
            }
            return overlap;
        }

        @Test
        void theDefaultPolicyDropsWhatMakesRowsUnusableAndFlagsTheRest() {
            QualitySettings defaults = QualitySettings.defaults();
            assertEquals(CleaningPolicy.FLAG, defaults.policy(QualityCheck.ZERO_VOLUME));
            assertEquals(CleaningPolicy.FLAG, defaults.policy(QualityCheck.FLAT));
            assertEquals(CleaningPolicy.DROP, defaults.policy(QualityCheck.OHLC_INVALID));
            assertEquals(CleaningPolicy.DROP, defaults.policy(QualityCheck.DUPLICATE));
            assertEquals(CleaningPolicy.DROP, defaults.policy(QualityCheck.OUT_OF_ORDER));
            assertEquals(CleaningPolicy.REPORT, defaults.policy(QualityCheck.MISSING));
            assertEquals(CleaningPolicy.FLAG, defaults.policy(QualityCheck.STALE_RUN));
            assertEquals(CleaningPolicy.FLAG, defaults.policy(QualityCheck.SPIKE));
            assertEquals(CleaningPolicy.FLAG, defaults.policy(QualityCheck.CROSS_EXCHANGE_DIVERGENCE));
            assertFalse(QualityCheck.MISSING.makesInvalid());
            assertFalse(QualityCheck.CROSS_EXCHANGE_DIVERGENCE.makesInvalid());
            assertTrue(QualityCheck.STALE_RUN.makesInvalid());
            assertTrue(QualityCheck.SPIKE.makesInvalid());
            QualityAssessment q = report(List.of(good(0), good(0), zeroVolume(3)));
            assertEquals(1, q.count(QualityCheck.DUPLICATE));
            assertEquals(1, q.count(QualityCheck.ZERO_VOLUME));
            assertEquals(2, q.count(QualityCheck.MISSING));
        }

        @Test
        void missingIsEveryGridTimeBetweenFirstAndLastThatNoRowHoldsAndForwardFillAccountsForEachOfThem() {
            Random random = new Random(3);
            QualityChecks fill = new QualityChecks(QualitySettings.defaults()
                    .withPolicy(QualityCheck.MISSING, CleaningPolicy.FORWARD_FILL).withForwardFillMaxRunCandles(2));
            for (int round = 0; round < 300; round++) {
                List<Candle> candles = new ArrayList<>();
                int n = random.nextInt(25);
                for (int i = 0; i < n; i++) {
                    // mostly on the 1m grid, some 20 s off it; arrival order random (late rows, duplicates)
                    long t = random.nextInt(5) == 0 ? random.nextInt(90) * 20_000L : random.nextInt(30) * MIN;
                    candles.add(random.nextInt(6) == 0 ? new Candle(t, 1, 0.5, 2, 1, 1) : new Candle(t, 100, 102, 99, 101, 5));
                }
                java.util.Set<Long> times = new java.util.HashSet<>();
                candles.forEach(c -> times.add(c.openTimeMs()));
                int expected = 0;
                if (!times.isEmpty()) {
                    long first = java.util.Collections.min(times), last = java.util.Collections.max(times);
                    for (long slot = Math.ceilDiv(first, MIN); slot <= Math.floorDiv(last, MIN); slot++) {
                        expected += times.contains(slot * MIN) ? 0 : 1;
                    }
                }
                assertEquals(expected, report(candles).missing(), "round " + round + ": " + candles);
                QualityResult filled = fill.check(Timeframe.M1, candles);
                assertEquals(expected, filled.report().missing());
                assertEquals(expected, filled.report().synthetic() + filled.report().unfilled(), "round " + round);
                assertEquals(filled.report().synthetic(), filled.cleaned().countFlagged(CandleFlags.SYNTHETIC));
                for (int i = 1; i < filled.cleaned().size(); i++) {
                    assertTrue(filled.cleaned().openTimeMs()[i] > filled.cleaned().openTimeMs()[i - 1]);
                }
            }
        }

        @Test
        void columnsOfDifferentLengthsAreRejected() {
            assertThrows(IllegalArgumentException.class, () -> CHECKS.check(Timeframe.M1, new long[2], new double[2],
                    new double[2], new double[1], new double[2], new double[2]));
        }
    }
}
