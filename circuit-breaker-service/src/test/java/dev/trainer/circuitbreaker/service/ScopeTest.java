package dev.trainer.circuitbreaker.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Scope strings as breaker.events and the REST paths write them. */
class ScopeTest {

    @Test
    void theFourKindsReadBackAsWritten() {
        assertEquals(Scope.PORTFOLIO, Scope.parse("portfolio"));
        assertEquals(Scope.config("c-1:x"), Scope.parse("config:c-1:x"));
        assertEquals(Scope.market("binance", "BTC/USDT"), Scope.parse("market:binance|BTC/USDT"));
        assertEquals(Scope.exchange("kraken"), Scope.parse("exchange:kraken"));
        for (String text : new String[] {"portfolio", "config:c-1", "market:binance|BTC/USDT", "exchange:kraken"}) {
            assertEquals(text, Scope.parse(text).text());
        }
    }

    @Test
    void malformedScopesSayWhatIsWrong() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Scope.parse("market:binance")).getMessage()
                .contains("market:<exchange>|<pair>"));
        assertThrows(IllegalArgumentException.class, () -> Scope.parse("market:binance|BTC|USDT"));
        assertThrows(IllegalArgumentException.class, () -> Scope.parse("market:|BTC/USDT"));
        assertThrows(IllegalArgumentException.class, () -> Scope.parse("config:"));
        assertThrows(IllegalArgumentException.class, () -> Scope.parse("config: c-1"));
        assertThrows(IllegalArgumentException.class, () -> Scope.parse("exchange:a|b"));
        assertThrows(IllegalArgumentException.class, () -> Scope.parse("Portfolio"));
        assertThrows(IllegalArgumentException.class, () -> Scope.parse(null));
        assertThrows(IllegalArgumentException.class, () -> Scope.parse("config:" + "x".repeat(300)));
    }

    @Test
    void theFirstCandleAtOrAfterATime() {
        long[] times = {10, 20, 20, 30, 0};
        assertEquals(0, AdverseSelectionBreaker.firstAtOrAfter(times, 4, 5));
        assertEquals(0, AdverseSelectionBreaker.firstAtOrAfter(times, 4, 10));
        assertEquals(1, AdverseSelectionBreaker.firstAtOrAfter(times, 4, 11));
        assertEquals(1, AdverseSelectionBreaker.firstAtOrAfter(times, 4, 20));
        assertEquals(3, AdverseSelectionBreaker.firstAtOrAfter(times, 4, 21));
        assertEquals(4, AdverseSelectionBreaker.firstAtOrAfter(times, 4, 31), "none: the count");
    }

    @Test
    void thresholdsFollowTheDomainRulesNarrowedForSettings() {
        assertTrue(Breaker.LATENCY_THRESHOLD_MS.thresholdProblem(500).isEmpty());
        assertTrue(Breaker.LATENCY_THRESHOLD_MS.thresholdProblem(500.5).isPresent());
        assertTrue(Breaker.MAX_CORRELATION_SPIKE.thresholdProblem(1.0).isEmpty());
        assertTrue(Breaker.MAX_CORRELATION_SPIKE.thresholdProblem(0.0).isPresent());
        assertTrue(Breaker.REGIME_BREAK_THRESHOLD.thresholdProblem(0.3).isEmpty());
        assertTrue(Breaker.REGIME_BREAK_THRESHOLD.thresholdProblem(0.0).isPresent());
        assertTrue(Breaker.REGIME_BREAK_THRESHOLD.thresholdProblem(1.0).isPresent());
        assertEquals(5L, Breaker.CONSECUTIVE_LOSSES_LIMIT.shown(5.0));
        assertEquals(0.6, Breaker.MAX_ADVERSE_SELECTION.shown(0.6));
    }
}
