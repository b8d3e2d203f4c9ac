package dev.trainer.domain.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The breakers whose measured value is a plain ratio or count, at their plan defaults (2 % daily loss, 500 ms, 0.6
 * adverse share, 5 losses, 0.8 correlation). The "at" cases use values that are exact in binary or quotients whose
 * correctly rounded result is the threshold literal itself (2000 / 100000 == 0.02, 12 / 20 == 0.6).
 */
class SimpleBreakersTest {

    // --- max_daily_loss (0.02) ---

    @Test
    void dailyLossJustBelowTwoPercentDoesNotTrip() {
        Measurement m = DailyLoss.measure(100_000, -1_999.99, 0.02);
        assertFalse(m.tripped(), m.reason());
        assertEquals(0.0199999, m.value(), 1e-12);
    }

    @Test
    void dailyLossAtExactlyTwoPercentTrips() {
        Measurement m = DailyLoss.measure(100_000, -2_000, 0.02);
        assertEquals(0.02, m.value());
        assertTrue(m.tripped(), m.reason());
        assertEquals(0.02, m.threshold());
    }

    @Test
    void dailyLossBeyondTwoPercentTripsAndTheReasonNamesValueLimitAndUnit() {
        Measurement m = DailyLoss.measure(100_000, -2_310, 0.02);
        assertTrue(m.tripped());
        assertEquals("loss since 00:00 UTC is 2.31 % of the start-of-day value 100000.00 (P&L -2310.00 quote);"
                + " limit 2.00 %", m.reason());
    }

    @Test
    void dailyLossJustBelowShowsEnoughDecimalsToDifferFromTheLimit() {
        Measurement m = DailyLoss.measure(100_000, -1_999.99, 0.02);
        assertTrue(m.reason().contains("1.99999 %") && m.reason().contains("limit 2.00000 %"), m.reason());
    }

    @Test
    void dailyGainIsNoLoss() {
        Measurement m = DailyLoss.measure(100_000, 5_000, 0.02);
        assertEquals(0, m.value());
        assertFalse(m.tripped());
    }

    @Test
    void dailyLossRejectsANonPositiveStartOfDayValue() {
        assertThrows(IllegalArgumentException.class, () -> DailyLoss.measure(0, -1, 0.02));
        assertThrows(IllegalArgumentException.class, () -> DailyLoss.measure(-5, -1, 0.02));
        assertThrows(IllegalArgumentException.class, () -> DailyLoss.measure(100, Double.NaN, 0.02));
        assertThrows(IllegalArgumentException.class, () -> DailyLoss.measure(100, -1, 0));
    }

    // --- latency_threshold_ms (500) ---

    @Test
    void latencyJustBelowDoesNotTripAtAndBeyondTrip() {
        assertFalse(Latency.measure(499, 500).tripped());
        Measurement at = Latency.measure(500, 500);
        assertTrue(at.tripped());
        assertEquals("fill latency is 500 ms; limit 500 ms", at.reason());
        assertTrue(Latency.measure(501, 500).tripped());
    }

    @Test
    void negativeLatencyIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Latency.measure(-1, 500));
        assertTrue(e.getMessage().contains("-1 ms"));
    }

    // --- max_adverse_selection (0.6, at least 10 judged fills) ---

    @Test
    void adverseMeansTheMarketMovedAgainstTheFill() {
        assertTrue(AdverseSelection.adverse(Side.BUY, 100, 99.99));
        assertFalse(AdverseSelection.adverse(Side.BUY, 100, 100.01));
        assertFalse(AdverseSelection.adverse(Side.BUY, 100, 100));
        assertTrue(AdverseSelection.adverse(Side.SELL, 100, 100.01));
        assertFalse(AdverseSelection.adverse(Side.SELL, 100, 99.99));
        assertFalse(AdverseSelection.adverse(Side.SELL, 100, 100));
        assertThrows(IllegalArgumentException.class, () -> AdverseSelection.adverse(Side.BUY, 0, 1));
    }

    @Test
    void adverseShareJustBelowDoesNotTripAtAndBeyondTrip() {
        assertFalse(AdverseSelection.measure(11, 20, 10, 0.6).tripped());
        assertFalse(AdverseSelection.measure(5, 10, 10, 0.6).tripped());
        Measurement at = AdverseSelection.measure(12, 20, 10, 0.6);
        assertEquals(0.6, at.value());
        assertTrue(at.tripped(), at.reason());
        assertTrue(AdverseSelection.measure(6, 10, 10, 0.6).tripped());
        assertTrue(AdverseSelection.measure(13, 20, 10, 0.6).tripped());
    }

    @Test
    void adverseShareIsUndefinedWithTooFewJudgedFills() {
        Measurement m = AdverseSelection.measure(9, 9, 10, 0.6);
        assertFalse(m.defined());
        assertFalse(m.tripped());
        assertTrue(m.reason().contains("9") && m.reason().contains("10"), m.reason());
        assertThrows(IllegalArgumentException.class, () -> AdverseSelection.measure(11, 10, 10, 0.6));
    }

    // --- consecutive_losses_limit (5) ---

    @Test
    void lossesExtendGainsEndAndFlatOrOpeningFillsKeepTheStreak() {
        int streak = 0;
        streak = LossStreak.next(streak, -1.0);
        streak = LossStreak.next(streak, -0.5);
        assertEquals(2, streak);
        assertEquals(2, LossStreak.next(streak, null));
        assertEquals(2, LossStreak.next(streak, 0.0));
        assertEquals(0, LossStreak.next(streak, 0.01));
        assertThrows(IllegalArgumentException.class, () -> LossStreak.next(-1, -1.0));
        assertThrows(IllegalArgumentException.class, () -> LossStreak.next(0, Double.NaN));
    }

    @Test
    void lossStreakJustBelowDoesNotTripAtAndBeyondTrip() {
        assertFalse(LossStreak.measure(4, 5).tripped());
        Measurement at = LossStreak.measure(5, 5);
        assertTrue(at.tripped());
        assertEquals("5 losing trades in a row; limit 5 trades", at.reason());
        assertTrue(LossStreak.measure(6, 5).tripped());
    }

    // --- max_correlation_spike (0.8): the check itself; the rolling correlation is in ReturnCorrelationTest ---

    @Test
    void correlationJustBelowDoesNotTripAtAndBeyondTrip() {
        assertFalse(ReturnCorrelation.measure(Math.nextDown(0.8), 0.8).tripped());
        assertFalse(ReturnCorrelation.measure(0.79, 0.8).tripped());
        assertTrue(ReturnCorrelation.measure(0.8, 0.8).tripped());
        assertTrue(ReturnCorrelation.measure(0.95, 0.8).tripped());
        assertTrue(ReturnCorrelation.measure(1, 0.8).tripped());
    }

    @Test
    void anUndefinedCorrelationDoesNotTrip() {
        Measurement m = ReturnCorrelation.measure(Double.NaN, 0.8);
        assertFalse(m.tripped());
        assertTrue(Double.isNaN(m.value()));
        assertEquals(0.8, m.threshold());
    }

    // --- Side ---

    @Test
    void sideParsesAnyCaseAndNamesTheChoicesOtherwise() {
        assertEquals(Side.BUY, Side.parse("buy"));
        assertEquals(Side.SELL, Side.parse("Sell"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Side.parse("long"));
        assertTrue(e.getMessage().contains("BUY") && e.getMessage().contains("SELL"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Side.parse(null));
    }

    @Test
    void anUndefinedMeasurementCannotTrip() {
        assertThrows(IllegalArgumentException.class, () -> new Measurement(Double.NaN, 1, true, "x"));
    }

    @Test
    void thresholdRulesAcceptThePlanDefaultsAndRefuseUnusableValues() {
        ThresholdRules.require("max_daily_loss", 0.02);
        ThresholdRules.require("max_correlation_spike", 0.8);
        ThresholdRules.require("unusual_market_threshold", 3.0);
        ThresholdRules.require("latency_threshold_ms", 500);
        ThresholdRules.require("max_adverse_selection", 0.6);
        ThresholdRules.require("consecutive_losses_limit", 5);
        ThresholdRules.require("regime_break_threshold", 0.3);
        assertThrows(IllegalArgumentException.class, () -> ThresholdRules.require("max_daily_loss", 0));
        assertThrows(IllegalArgumentException.class, () -> ThresholdRules.require("max_daily_loss", 1.5));
        assertThrows(IllegalArgumentException.class, () -> ThresholdRules.require("max_correlation_spike", 1.1));
        assertThrows(IllegalArgumentException.class, () -> ThresholdRules.require("unusual_market_threshold", -3));
        assertThrows(IllegalArgumentException.class, () -> ThresholdRules.require("latency_threshold_ms", 0));
        assertThrows(IllegalArgumentException.class, () -> ThresholdRules.require("latency_threshold_ms", 2.5));
        assertThrows(IllegalArgumentException.class, () -> ThresholdRules.require("max_adverse_selection", Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> ThresholdRules.require("consecutive_losses_limit", 0));
        assertThrows(IllegalArgumentException.class, () -> ThresholdRules.require("regime_break_threshold", 2));
        assertThrows(IllegalArgumentException.class, () -> ThresholdRules.require("max_fun", 1));
    }
}
