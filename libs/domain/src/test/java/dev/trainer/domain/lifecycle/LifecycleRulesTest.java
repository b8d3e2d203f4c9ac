package dev.trainer.domain.lifecycle;

import dev.trainer.domain.backtest.MetricValue;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LifecycleRulesTest {

    private static LifecycleStage stage(double profit, double sharpe, int n) {
        return LifecycleRules.assign(LifecycleInputs.basic(profit, sharpe, n)).stage();
    }

    @Test
    void followsThePlansOrder() {
        assertEquals(LifecycleStage.PAPER, stage(-0.01, 2.0, 200));
        assertEquals(LifecycleStage.PAPER, stage(0.1, 0.4, 200));
        assertEquals(LifecycleStage.PAPER, stage(0.1, Double.NaN, 200));
        assertEquals(LifecycleStage.DISCOVERY, stage(0.1, 2.0, 29));
        assertEquals(LifecycleStage.VALIDATION, stage(0.1, 2.0, 30));
        assertEquals(LifecycleStage.VALIDATION, stage(0.1, 2.0, 99));
        assertEquals(LifecycleStage.MATURE, stage(0.1, 2.0, 100));
        assertEquals(LifecycleStage.VALIDATION, stage(0.1, 1.5, 100));
        var lowFill = LifecycleRules.assign(new LifecycleInputs(0.1, 2, 200, 0.6, null, null));
        assertEquals(LifecycleStage.PAPER, lowFill.stage());
        assertTrue(lowFill.reasons().get(0).contains("fill rate"));
        var adverse = LifecycleRules.assign(new LifecycleInputs(0.1, 2, 200, null, 0.3, null));
        assertEquals(LifecycleStage.VALIDATION, adverse.stage());
        assertTrue(String.join(" ", adverse.reasons()).contains("adverse selection"));
    }

    private static final SignificanceGate GATE = new SignificanceGate(0.95, 0.5, null, true);

    private static LifecycleInputs withEvidence(double sharpe, int trades, double dsr, double pbo) {
        return new LifecycleInputs(0.1, sharpe, trades, null, null, new SignificanceEvidence(MetricValue.of(dsr),
                MetricValue.of(pbo), MetricValue.of(0.01), MetricValue.of(40), 90));
    }

    @Test
    void matureNeedsTheSignificanceGateAndListsEveryCheck() {
        var mature = LifecycleRules.assign(withEvidence(2, 200, 0.97, 0.2), GATE);
        assertEquals(LifecycleStage.MATURE, mature.stage());
        assertEquals(5, mature.reasons().size(), mature.reasons().toString());
        assertTrue(mature.reasons().get(2).startsWith("significance gate: deflated Sharpe ratio 0.9700 is at least"));
        assertTrue(mature.reasons().get(3).startsWith("significance gate: probability of backtest overfitting"));
        assertTrue(mature.reasons().get(4).startsWith("significance gate: track record of 90 days reaches"));
    }

    @Test
    void aConfigurationMeetingThePlansMatureRulesButFailingTheGateIsHeldAtValidation() {
        var overfit = LifecycleRules.assign(withEvidence(2, 200, 0.97, 0.8), GATE);
        assertEquals(LifecycleStage.VALIDATION, overfit.stage());
        assertTrue(overfit.reasons().contains("meets the plan's MATURE rules but is held at VALIDATION by the"
                + " significance gate"), overfit.reasons().toString());
        assertTrue(overfit.reasons().stream().anyMatch(r -> r.contains("overfitting 0.8000 is above 0.5000")),
                overfit.reasons().toString());
        assertTrue(overfit.reasons().stream().anyMatch(r -> r.contains("deflated Sharpe ratio 0.9700 is at least")),
                "passed checks are listed too: " + overfit.reasons());

        var unmeasured = LifecycleRules.assign(LifecycleInputs.basic(0.1, 2, 200), GATE);
        assertEquals(LifecycleStage.VALIDATION, unmeasured.stage());
        assertEquals(3, unmeasured.reasons().stream().filter(r -> r.contains("is undefined (not computed)")).count(),
                unmeasured.reasons().toString());
    }

    @Test
    void theGateGuardsOnlyMature() {
        assertEquals(LifecycleStage.PAPER, LifecycleRules.assign(withEvidence(0.4, 200, 0.97, 0.2), GATE).stage());
        var discovery = LifecycleRules.assign(withEvidence(2, 29, 0.1, 0.9), GATE);
        assertEquals(LifecycleStage.DISCOVERY, discovery.stage());
        assertTrue(discovery.reasons().stream().noneMatch(r -> r.startsWith("significance gate")));
        assertEquals(LifecycleStage.VALIDATION, LifecycleRules.assign(withEvidence(2, 99, 0.1, 0.9), GATE).stage());
        var weak = LifecycleRules.assign(withEvidence(1.5, 200, 0.99, 0.1), GATE);
        assertEquals(LifecycleStage.VALIDATION, weak.stage());
        assertTrue(weak.reasons().stream().noneMatch(r -> r.startsWith("significance gate")));
    }
}
