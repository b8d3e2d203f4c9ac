package dev.trainer.domain.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trainer.domain.backtest.MetricValue;
import java.util.List;
import org.junit.jupiter.api.Test;

class SignificanceGateTest {

    private static final SignificanceGate DEFAULTS = new SignificanceGate(0.95, 0.5, null, true);

    private static SignificanceEvidence evidence(double dsr, double pbo, double minTrlDays, long days) {
        return new SignificanceEvidence(MetricValue.of(dsr), MetricValue.of(pbo), MetricValue.of(0.01),
                MetricValue.of(minTrlDays), days);
    }

    @Test
    void theDeflatedSharpeRatioPassesAtTheMinimumAndFailsJustBelowIt() {
        assertTrue(DEFAULTS.judge(evidence(0.95, 0.2, 10, 90)).passed());
        SignificanceGate.Verdict below = DEFAULTS.judge(evidence(Math.nextDown(0.95), 0.2, 10, 90));
        assertFalse(below.passed());
        assertEquals("significance gate: deflated Sharpe ratio " + Math.nextDown(0.95) + " is below 0.95",
                below.reasons().get(0));
    }

    @Test
    void theProbabilityOfOverfittingPassesAtTheMaximumAndFailsJustAboveIt() {
        SignificanceGate.Verdict at = DEFAULTS.judge(evidence(0.99, 0.5, 10, 90));
        assertTrue(at.passed());
        assertEquals("significance gate: probability of backtest overfitting 0.5000 is at most 0.5000",
                at.reasons().get(1));
        SignificanceGate.Verdict above = DEFAULTS.judge(evidence(0.99, Math.nextUp(0.5), 10, 90));
        assertFalse(above.passed());
        assertTrue(above.reasons().get(1).contains("is above"), above.reasons().toString());
    }

    @Test
    void theTrackRecordPassesAtTheMinimumLengthAndFailsOneDayShort() {
        assertTrue(DEFAULTS.judge(evidence(0.99, 0.2, 90, 90)).passed());
        SignificanceGate.Verdict fractional = DEFAULTS.judge(evidence(0.99, 0.2, 89.5, 90));
        assertTrue(fractional.passed());
        assertEquals("significance gate: track record of 90 days reaches the minimum track record length of 89.50 days",
                fractional.reasons().get(2));
        SignificanceGate.Verdict shortRecord = DEFAULTS.judge(evidence(0.99, 0.2, 90.004, 90));
        assertFalse(shortRecord.passed());
        assertEquals("significance gate: track record of 90 days is shorter than the minimum track record length of "
                + "90.004 days", shortRecord.reasons().get(2));
    }

    @Test
    void thePValuePassesAtTheMaximumAndFailsJustAboveIt() {
        SignificanceGate gate = new SignificanceGate(null, null, 0.05, false);
        SignificanceEvidence at = new SignificanceEvidence(null, null, MetricValue.of(0.05), null, 0);
        SignificanceEvidence above = new SignificanceEvidence(null, null, MetricValue.of(Math.nextUp(0.05)), null, 0);
        assertTrue(gate.judge(at).passed());
        assertFalse(gate.judge(above).passed());
        assertEquals(1, gate.judge(above).reasons().size(), "only the configured check is listed");
    }

    @Test
    void anUndefinedStatisticFailsWithItsReason() {
        SignificanceEvidence undefined = new SignificanceEvidence(MetricValue.undefined("zero variance"),
                MetricValue.undefined("fewer than 2 trials (1): there is no selection to overfit"), null,
                MetricValue.undefined("the Sharpe ratio -0.1 is not above the benchmark 0.0"), 90);
        SignificanceGate.Verdict verdict = DEFAULTS.judge(undefined);
        assertFalse(verdict.passed());
        assertEquals(List.of(
                "significance gate: deflated Sharpe ratio is undefined (zero variance), which fails the gate",
                "significance gate: probability of backtest overfitting is undefined (fewer than 2 trials (1): there is"
                        + " no selection to overfit), which fails the gate",
                "significance gate: minimum track record length is undefined (the Sharpe ratio -0.1 is not above the"
                        + " benchmark 0.0), which fails the gate"),
                verdict.reasons());
    }

    @Test
    void everyConfiguredCheckIsListedPassedOrFailed() {
        SignificanceGate all = new SignificanceGate(0.95, 0.5, 0.05, true);
        SignificanceGate.Verdict verdict = all.judge(evidence(0.99, 0.7, 10, 90));
        assertFalse(verdict.passed());
        assertEquals(4, verdict.reasons().size(), verdict.reasons().toString());
        assertTrue(verdict.reasons().get(0).contains("is at least"));
        assertTrue(verdict.reasons().get(1).contains("is above"));
        assertTrue(verdict.reasons().get(2).contains("p-value 0.0100 is at most 0.0500"));
        assertTrue(verdict.reasons().get(3).contains("reaches"));
    }

    @Test
    void noGateChecksNothingAndPasses() {
        SignificanceGate.Verdict verdict = SignificanceGate.none().judge(SignificanceEvidence.notComputed());
        assertTrue(verdict.passed());
        assertTrue(verdict.reasons().isEmpty());
    }

    @Test
    void thresholdsMustBeProbabilities() {
        assertThrows(IllegalArgumentException.class, () -> new SignificanceGate(1.5, null, null, false));
        assertThrows(IllegalArgumentException.class, () -> new SignificanceGate(null, -0.1, null, false));
        assertThrows(IllegalArgumentException.class, () -> new SignificanceGate(null, null, Double.NaN, false));
    }
}
