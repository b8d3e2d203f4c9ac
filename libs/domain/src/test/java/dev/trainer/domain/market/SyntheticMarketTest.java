package dev.trainer.domain.market;

import dev.trainer.domain.quality.CloseSeries;
import dev.trainer.domain.quality.QualityAssessment;
import dev.trainer.domain.quality.QualityChecks;
import dev.trainer.domain.quality.QualityResult;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SyntheticMarketTest {

    private static final long FROM = Instant.parse("2023-01-01T00:00:00Z").toEpochMilli();
    private static final long UNTIL = Instant.parse("2024-01-01T00:00:00Z").toEpochMilli(); // 365 days
    private static final List<Timeframe> PLAN_TIMEFRAMES = List.of(Timeframe.M5, Timeframe.M15, Timeframe.H1, Timeframe.H4);
    private static final List<String> EXCHANGES = List.of("binance", "kraken");

    /** A year of BTC/USDT on two exchanges in the plan's four timeframes: generated once for the tests that read it. */
    private static Map<String, Map<Timeframe, CandleSeries>> btcYear;

    @BeforeAll
    static void aYearOfFiveMinuteCandles() {
        long t0 = System.nanoTime();
        btcYear = SyntheticMarket.generate(42, "BTC/USDT", EXCHANGES, PLAN_TIMEFRAMES, FROM, UNTIL);
        System.out.printf("a year of BTC/USDT on 2 exchanges in 5m, 15m, 1h, 4h: %.2f s%n", (System.nanoTime() - t0) / 1e9);
    }

    @Test
    void aYearHasEveryCandleOfEachTimeframe() {
        for (String exchange : EXCHANGES) {
            Map<Timeframe, CandleSeries> byTf = btcYear.get(exchange);
            assertEquals(105_120, byTf.get(Timeframe.M5).size());
            assertEquals(35_040, byTf.get(Timeframe.M15).size());
            assertEquals(8_760, byTf.get(Timeframe.H1).size());
            assertEquals(2_190, byTf.get(Timeframe.H4).size());
            for (CandleSeries s : byTf.values()) {
                assertEquals(FROM, s.openTimeMs(0), s.timeframe() + " starts at the period's start");
                assertEquals(UNTIL, s.closeTimeMs(s.size() - 1), s.timeframe() + " ends at the period's end");
            }
        }
    }

    @Test
    void ohlcIsConsistentPositiveFiniteAndOnTheGrid() {
        for (Map<Timeframe, CandleSeries> byTf : btcYear.values()) {
            for (CandleSeries s : byTf.values()) {
                long step = s.timeframe().durationMs();
                for (int i = 0; i < s.size(); i++) {
                    double o = s.open(i), h = s.high(i), l = s.low(i), c = s.close(i), v = s.volume(i);
                    int at = i;
                    Supplier<String> where = () -> s.timeframe() + " candle " + at + ": " + s.candle(at);
                    assertTrue(Double.isFinite(o) && Double.isFinite(h) && Double.isFinite(l) && Double.isFinite(c)
                            && Double.isFinite(v), where);
                    assertTrue(l > 0 && v > 0, where);
                    assertTrue(h >= Math.max(o, c) && l <= Math.min(o, c) && h > l, where);
                    assertEquals(0, s.openTimeMs(i) % step, where);
                    if (i > 0) {
                        assertEquals(step, s.openTimeMs(i) - s.openTimeMs(i - 1), where);
                    }
                }
            }
        }
    }

    @Test
    void coarserTimeframesAreAggregatedFromTheBase() {
        CandleSeries m5 = btcYear.get("binance").get(Timeframe.M5);
        CandleSeries h1 = btcYear.get("binance").get(Timeframe.H1);
        for (int k : new int[] {0, 1, 4_000, h1.size() - 1}) {
            int first = m5.lowerBound(h1.openTimeMs(k));
            CandleSeries twelve = m5.slice(first, first + 12);
            assertEquals(twelve.open(0), h1.open(k));
            assertEquals(twelve.close(11), h1.close(k));
            assertEquals(Arrays.stream(twelve.highArray()).max().orElseThrow(), h1.high(k));
            assertEquals(Arrays.stream(twelve.lowArray()).min().orElseThrow(), h1.low(k));
            assertEquals(Arrays.stream(twelve.volumeArray()).sum(), h1.volume(k), 1e-6);
        }
    }

    @Test
    void theSameArgumentsGiveTheSameCandlesAndOthersOtherOnes() {
        long until = FROM + 20 * UtcDayCalendar.DAY_MS;
        var a = SyntheticMarket.generate(7, "ETH/USDT", EXCHANGES, PLAN_TIMEFRAMES, FROM, until);
        var b = SyntheticMarket.generate(7, "ETH/USDT", EXCHANGES, PLAN_TIMEFRAMES, FROM, until);
        for (String e : EXCHANGES) {
            for (Timeframe tf : PLAN_TIMEFRAMES) {
                assertEquals(a.get(e).get(tf).candles(), b.get(e).get(tf).candles(), e + " " + tf);
            }
        }
        // one exchange alone, or one timeframe alone (same 5m base), is the same as among others
        assertEquals(a.get("kraken").get(Timeframe.H1).candles(),
                SyntheticMarket.series(7, "kraken", "ETH/USDT", Timeframe.H1, FROM, until).candles());
        double[] closes = a.get("binance").get(Timeframe.M5).closeArray();
        assertFalse(Arrays.equals(closes, SyntheticMarket.generate(8, "ETH/USDT", EXCHANGES, PLAN_TIMEFRAMES, FROM, until)
                .get("binance").get(Timeframe.M5).closeArray()), "another seed");
        assertFalse(Arrays.equals(closes, a.get("kraken").get(Timeframe.M5).closeArray()), "another exchange");
        assertFalse(Arrays.equals(closes, SyntheticMarket.series(7, "binance", "ETC/USDT", Timeframe.M5, FROM, until)
                .closeArray()), "another pair");
    }

    @Test
    void pairsStartAtRealisticLevels() {
        long until = FROM + UtcDayCalendar.DAY_MS;
        assertEquals(60_000, SyntheticMarket.series(1, "binance", "BTC/USDT", Timeframe.M5, FROM, until).open(0), 60);
        assertEquals(3_000, SyntheticMarket.series(1, "binance", "ETH/USDT", Timeframe.M5, FROM, until).open(0), 3);
        assertEquals(150, SyntheticMarket.series(1, "kraken", "SOL/USDT", Timeframe.M5, FROM, until).open(0), 0.15);
        double btcHigh = Arrays.stream(btcYear.get("binance").get(Timeframe.H4).highArray()).max().orElseThrow();
        double btcLow = Arrays.stream(btcYear.get("binance").get(Timeframe.H4).lowArray()).min().orElseThrow();
        assertTrue(btcLow > 15_000 && btcHigh < 240_000, "a year of BTC between " + btcLow + " and " + btcHigh);
    }

    @Test
    void returnsAreFatTailedAndTheirVolatilityClusters() {
        double[] r = logReturns(btcYear.get("binance").get(Timeframe.M5));
        double mean = Arrays.stream(r).average().orElseThrow();
        double m2 = 0, m4 = 0;
        for (double x : r) {
            double d = (x - mean) * (x - mean);
            m2 += d;
            m4 += d * d;
        }
        m2 /= r.length;
        m4 /= r.length;
        double excessKurtosis = m4 / (m2 * m2) - 3;
        assertTrue(excessKurtosis > 1, "excess kurtosis " + excessKurtosis);

        double[] squared = Arrays.stream(r).map(x -> (x - mean) * (x - mean)).toArray();
        double lag1 = autocorrelation(squared, 1);
        double lags1to10 = 0;
        for (int lag = 1; lag <= 10; lag++) {
            lags1to10 += autocorrelation(squared, lag) / 10;
        }
        assertTrue(lag1 > 0.02 && lags1to10 > 0.02, "autocorrelation of squared returns: lag 1 " + lag1
                + ", mean of lags 1-10 " + lags1to10);
        // and of absolute returns, which heavy tails disturb less
        double absLag1 = autocorrelation(Arrays.stream(r).map(Math::abs).toArray(), 1);
        assertTrue(absLag1 > 0.1, "autocorrelation of absolute returns at lag 1: " + absLag1);
    }

    @Test
    void theSamePairOnTwoExchangesMovesTogetherWithinAFractionOfAPercent() {
        CandleSeries binance = btcYear.get("binance").get(Timeframe.M5);
        CandleSeries kraken = btcYear.get("kraken").get(Timeframe.M5);
        double correlation = correlation(logReturns(binance), logReturns(kraken));
        assertTrue(correlation > 0.95, "correlation of 5m returns " + correlation);
        double worst = 0;
        for (int i = 0; i < binance.size(); i++) {
            double mid = (binance.close(i) + kraken.close(i)) / 2;
            worst = Math.max(worst, Math.abs(binance.close(i) - kraken.close(i)) / mid);
        }
        assertTrue(worst < 0.005, "largest gap between the exchanges' closes " + worst);
    }

    @Test
    void aYearPassesTheCleaningChecksAlmostWhole() {
        QualityChecks checks = new QualityChecks();
        for (Timeframe tf : PLAN_TIMEFRAMES) {
            QualityResult kraken = checks.check(tf, btcYear.get("kraken").get(tf).candles());
            CandleSeries binance = btcYear.get("binance").get(tf);
            QualityResult result = checks.check(tf, new OhlcvColumns(binance.openTimeArray(), binance.openArray(),
                    binance.highArray(), binance.lowArray(), binance.closeArray(), binance.volumeArray()),
                    Map.of("kraken", kraken.validCloses()));
            for (QualityAssessment report : List.of(kraken.report(), result.report())) {
                assertTrue(report.passed(), report.verdict());
                assertEquals(0, report.zeroVolume() + report.flat() + report.ohlcInvalid() + report.duplicates()
                        + report.outOfOrder() + report.missing() + report.staleRuns(), tf + ": " + report);
                assertTrue(report.validFraction() > 0.995, tf + ": " + report.verdict());
            }
            System.out.printf("%s: binance spikes %d, kraken spikes %d, compared %d%n", tf, result.report().spikes(),
                    kraken.report().spikes(), result.report().crossExchangeCompared());
            // kraken's references are its valid closes: all but its few spikes
            assertTrue(result.report().crossExchangeCompared() > 0.995 * binance.size(), tf + ": " + result.report());
            assertEquals(0, result.report().crossExchangeDivergence(), tf + ": " + result.report());
        }
    }

    @Test
    void otherPairsPassTooAndKeepTheirLevel() {
        QualityChecks checks = new QualityChecks();
        long until = FROM + 90 * UtcDayCalendar.DAY_MS;
        for (String pair : List.of("ETH/USDT", "SOL/USDT", "XRP/USDT", "DOGE/USDT", "ABC/USDT")) {
            var byTf = SyntheticMarket.generate(3, pair, List.of("bitstamp"), List.of(Timeframe.M5, Timeframe.H1), FROM, until)
                    .get("bitstamp");
            for (CandleSeries s : byTf.values()) {
                QualityAssessment report = checks.check(s.timeframe(), s.candles()).report();
                assertTrue(report.validFraction() > 0.99, pair + " " + s.timeframe() + ": " + report.verdict());
                assertEquals(0, report.staleRuns() + report.flat() + report.zeroVolume(), pair + ": " + report);
            }
        }
    }

    @Test
    void oneMinuteIsItsOwnBaseAndFiveMinutesAgreeWithIt() {
        long until = FROM + 2 * UtcDayCalendar.DAY_MS;
        var byTf = SyntheticMarket.generate(5, "SOL/USDT", List.of("binance"), List.of(Timeframe.M1, Timeframe.M5, Timeframe.D1),
                FROM, until).get("binance");
        assertEquals(2 * 1_440, byTf.get(Timeframe.M1).size());
        assertEquals(2 * 288, byTf.get(Timeframe.M5).size());
        assertEquals(2, byTf.get(Timeframe.D1).size());
        assertArrayEquals(SyntheticMarket.aggregate(byTf.get(Timeframe.M1), Timeframe.M5).closeArray(),
                byTf.get(Timeframe.M5).closeArray());
    }

    @Test
    void aPeriodOffTheGridKeepsOnlyWholeCandles() {
        long from = FROM + 7 * 60_000; // 00:07
        long until = FROM + 5 * 3_600_000 + 60_000; // 05:01
        var byTf = SyntheticMarket.generate(1, "BTC/USDT", List.of("binance"), List.of(Timeframe.M5, Timeframe.H1, Timeframe.H4),
                from, until).get("binance");
        assertEquals(FROM + 10 * 60_000, byTf.get(Timeframe.M5).openTimeMs(0));
        assertEquals(FROM + 5 * 3_600_000 - 5 * 60_000, byTf.get(Timeframe.M5).openTimeMs(byTf.get(Timeframe.M5).size() - 1));
        assertEquals(4, byTf.get(Timeframe.H1).size(), "01:00 to 05:00");
        assertEquals(FROM + 3_600_000, byTf.get(Timeframe.H1).openTimeMs(0));
        assertEquals(0, byTf.get(Timeframe.H4).size(), "no whole 4h candle");
    }

    @Test
    void badArgumentsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> SyntheticMarket.generate(1, "BTC/USDT", List.of(), PLAN_TIMEFRAMES, FROM, UNTIL));
        assertThrows(IllegalArgumentException.class, () -> SyntheticMarket.generate(1, "BTC/USDT", EXCHANGES, List.of(), FROM, UNTIL));
        assertThrows(IllegalArgumentException.class, () -> SyntheticMarket.generate(1, "BTC/USDT", List.of("a", "a"), PLAN_TIMEFRAMES,
                FROM, UNTIL));
        assertThrows(IllegalArgumentException.class, () -> SyntheticMarket.generate(1, "BTC/USDT", EXCHANGES, PLAN_TIMEFRAMES, FROM,
                FROM + 60_000));
    }

    private static double[] logReturns(CandleSeries s) {
        double[] r = new double[s.size() - 1];
        for (int i = 1; i < s.size(); i++) {
            r[i - 1] = Math.log(s.close(i) / s.close(i - 1));
        }
        return r;
    }

    private static double autocorrelation(double[] x, int lag) {
        return correlation(Arrays.copyOfRange(x, 0, x.length - lag), Arrays.copyOfRange(x, lag, x.length));
    }

    private static double correlation(double[] a, double[] b) {
        double ma = Arrays.stream(a).average().orElseThrow(), mb = Arrays.stream(b).average().orElseThrow();
        double sab = 0, saa = 0, sbb = 0;
        for (int i = 0; i < a.length; i++) {
            sab += (a[i] - ma) * (b[i] - mb);
            saa += (a[i] - ma) * (a[i] - ma);
            sbb += (b[i] - mb) * (b[i] - mb);
        }
        return sab / Math.sqrt(saa * sbb);
    }
}
