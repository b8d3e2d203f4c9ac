package dev.trainer.domain.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trainer.domain.market.Candle;
import dev.trainer.domain.market.OhlcvColumns;
import dev.trainer.domain.market.Timeframe;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A series asked for a period it only partly holds: the period's expected candle times before the first and after
 * the last candle received are missing (head and tail), and count against the valid fraction and the gate.
 */
class PeriodHeadAndTailTest {

    private static final long MIN = 60_000L;
    private static final long HOUR = 60 * MIN;
    private static final QualityChecks CHECKS = new QualityChecks();

    /** Valid 5m candles at the given minutes (closes alternate so that nothing is a stale run). */
    private static List<Candle> m5(long... minutes) {
        List<Candle> out = new ArrayList<>();
        for (long m : minutes) {
            out.add(new Candle(m * MIN, 100, 102, 99, (m / 5) % 2 == 0 ? 101 : 101.5, 5));
        }
        return out;
    }

    /** Valid 5m candles every 5 minutes in [fromMinute, untilMinute). */
    private static List<Candle> m5Range(long fromMinute, long untilMinute) {
        List<Candle> out = new ArrayList<>();
        for (long m = fromMinute; m < untilMinute; m += 5) {
            out.addAll(m5(m));
        }
        return out;
    }

    private static QualityResult check(QualityChecks checks, List<Candle> candles, long fromMinute, long untilMinute) {
        return checks.check(Timeframe.M5, OhlcvColumns.of(candles), Map.of(),
                new RequestedPeriod(fromMinute * MIN, untilMinute * MIN));
    }

    private static QualityAssessment report(List<Candle> candles, long fromMinute, long untilMinute) {
        return check(CHECKS, candles, fromMinute, untilMinute).report();
    }

    @Test
    void aSeriesThatFillsItsPeriodMissesNothingAndReadsAsWithoutAPeriod() {
        List<Candle> candles = m5Range(0, 60);
        QualityAssessment q = report(candles, 0, 60);
        assertEquals(0, q.missingHead());
        assertEquals(0, q.missingTail());
        assertEquals(0, q.missing());
        assertEquals(12, q.validBase());
        assertEquals(CHECKS.check(Timeframe.M5, candles).report(), q);
    }

    @Test
    void theTailOfThePeriodNotHeldIsMissingAndNotValid() {
        // period [0, 60 min): 12 expected times; 0..35 received (8), 40..55 missing (4)
        QualityAssessment q = report(m5Range(0, 40), 0, 60);
        assertEquals(0, q.missingHead());
        assertEquals(4, q.missingTail());
        assertEquals(4, q.missing());
        assertEquals(8, q.total());
        assertEquals(8, q.valid());
        assertEquals(12, q.validBase());
        assertEquals(8.0 / 12, q.validFraction());
        assertEquals(100.0 * 8 / 12, q.validPct(), 1e-12);
        assertFalse(q.passed());
        assertEquals("refused: 66.7 % of 12 candles (8 received, 4 of the requested period missing at its start or end)"
                + " valid, below the 70.0 % threshold (zero_volume 0, flat 0, ohlc_invalid 0, duplicates 0,"
                + " out_of_order 0, missing 4 (0 before the first candle, 4 after the last), stale_runs 0, spikes 0,"
                + " cross_exchange_divergence 0 (no other exchange))", q.verdict());
        // the quality score is about what is trained on: the 8 real candles, all valid
        assertEquals(1.0, q.qualityScore());
    }

    @Test
    void theHeadOfThePeriodNotHeldIsMissingToo() {
        QualityAssessment q = report(m5Range(20, 60), 0, 60);
        assertEquals(4, q.missingHead());
        assertEquals(0, q.missingTail());
        assertEquals(4, q.missing());
        assertEquals(8.0 / 12, q.validFraction());
    }

    @Test
    void headTailAndInteriorGapsAddUpButOnlyHeadAndTailCountAgainstValidity() {
        // period [0, 60 min); received 10, 20, 30: head 0 and 5, interior 15 and 25, tail 35 .. 55
        QualityAssessment q = report(m5(10, 20, 30), 0, 60);
        assertEquals(2, q.missingHead());
        assertEquals(5, q.missingTail());
        assertEquals(2 + 2 + 5, q.missing());
        assertEquals(3 + 2 + 5, q.validBase());
        assertEquals(0.3, q.validFraction(), 1e-15);
    }

    @Test
    void atSeventyPercentOfThePeriodTheGatePassesAndJustBelowItRefuses() {
        // 10 expected times
        QualityAssessment seven = report(m5Range(0, 35), 0, 50);
        assertEquals(3, seven.missingTail());
        assertEquals(0.7, seven.validFraction());
        assertTrue(seven.passed(), seven.verdict());
        assertTrue(seven.verdict().startsWith("passed: 70.0 % of 10 candles (7 received, 3 of the requested period"
                + " missing at its start or end) valid"), seven.verdict());
        QualityAssessment six = report(m5Range(5, 35), 0, 50);
        assertEquals(1, six.missingHead());
        assertEquals(3, six.missingTail());
        assertEquals(0.6, six.validFraction());
        assertFalse(six.passed());
    }

    @Test
    void onlyCandlesWhollyInsideThePeriodAreExpected() {
        // period [2 min, 58 min): the 5m candle opening at 0 starts before it, the one opening at 55 ends after it
        RequestedPeriod period = new RequestedPeriod(2 * MIN, 58 * MIN);
        assertEquals(10, period.expectedCandles(Timeframe.M5));
        QualityAssessment exact = report(m5Range(5, 55), 2, 58);
        assertEquals(0, exact.missing());
        assertEquals(1.0, exact.validFraction());
        // the candles outside the expected times count as rows, and shorten nothing
        QualityAssessment wider = report(m5Range(0, 60), 2, 58);
        assertEquals(0, wider.missing());
        assertEquals(12, wider.validBase());
        // the candle still forming when a period ends "now" is never expected: its absence is not missing
        assertEquals(0, report(m5Range(0, 55), 0, 57).missingTail());
    }

    @Test
    void timesOffTheGridBoundTheHeadAndTailWithoutCountingATimeTwice() {
        // received minutes 12 and 33 (off the 5m grid), period [0, 60): head 0, 5, 10; interior 15 .. 30; tail 35 .. 55
        QualityAssessment q = report(m5(12, 33), 0, 60);
        assertEquals(3, q.missingHead());
        assertEquals(5, q.missingTail());
        assertEquals(3 + 4 + 5, q.missing(), "each of the 12 expected times once: none of them was received");
    }

    @Test
    void anEmptySeriesMissesTheWholePeriodAtItsHead() {
        QualityResult r = check(CHECKS, List.of(), 0, 60);
        QualityAssessment q = r.report();
        assertEquals(12, q.missingHead());
        assertEquals(0, q.missingTail());
        assertEquals(12, q.missing());
        assertEquals(0.0, q.validFraction());
        assertEquals(0.0, q.validPct());
        assertFalse(q.passed());
        assertEquals("refused: the series has no candles, so none is valid (0.0 % against the 70.0 % threshold); there"
                + " is nothing to train on (the requested period expects 12 candles)", q.verdict());
    }

    @Test
    void aPeriodShorterThanOneCandleExpectsNothing() {
        assertEquals(0, new RequestedPeriod(MIN, 4 * MIN).expectedCandles(Timeframe.M5));
        assertEquals(0, new RequestedPeriod(3 * MIN, 7 * MIN).expectedCandles(Timeframe.M5));
        QualityAssessment q = report(List.of(), 1, 4);
        assertEquals(0, q.missing());
        assertEquals(0, q.validBase());
        assertThrows(IllegalArgumentException.class, () -> new RequestedPeriod(5, 4));
    }

    @Test
    void headAndTailAreNeverForwardFilledNorCountedUnfilled() {
        QualityChecks fill = new QualityChecks(QualitySettings.defaults()
                .withPolicy(QualityCheck.MISSING, CleaningPolicy.FORWARD_FILL));
        // head 0; interior 15 (a run of 1, filled); tail 35, 40 (2 times, within the run limit of 5, but not filled)
        QualityResult r = check(fill, m5(0, 5, 10, 20, 25, 30), 0, 45);
        assertEquals(0, r.report().missingHead());
        assertEquals(2, r.report().missingTail());
        assertEquals(3, r.report().missing());
        assertEquals(1, r.report().synthetic());
        assertEquals(0, r.report().unfilled());
        assertEquals(7, r.cleaned().size());
        assertEquals(30 * MIN, r.cleaned().openTimeMs()[6]);
        assertEquals(6.0 / 8, r.report().validFraction());
    }

    @Test
    void onAnHourlyGridAPeriodOfDaysExpectsItsHours() {
        List<Candle> candles = new ArrayList<>();
        for (int h = 0; h < 96; h++) {
            candles.add(new Candle(h * HOUR, 100, 102, 99, h % 2 == 0 ? 101 : 101.5, 5));
        }
        // four days held, five asked for: the fifth day's 24 hours are missing, 96 / 120 = 80 % valid
        QualityAssessment q = CHECKS.check(Timeframe.H1, OhlcvColumns.of(candles), Map.of(),
                new RequestedPeriod(0, 120 * HOUR)).report();
        assertEquals(24, q.missingTail());
        assertEquals(0.8, q.validFraction());
        assertTrue(q.passed());
    }
}
