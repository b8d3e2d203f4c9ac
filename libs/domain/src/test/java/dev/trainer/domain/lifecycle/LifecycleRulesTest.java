package dev.trainer.domain.lifecycle;

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
        var lowFill = LifecycleRules.assign(new LifecycleInputs(0.1, 2, 200, 0.6, null, null, null, null));
        assertEquals(LifecycleStage.PAPER, lowFill.stage());
        assertTrue(lowFill.reasons().get(0).contains("fill rate"));
        var adverse = LifecycleRules.assign(new LifecycleInputs(0.1, 2, 200, null, 0.3, null, null, null));
        assertEquals(LifecycleStage.VALIDATION, adverse.stage());
        assertTrue(String.join(" ", adverse.reasons()).contains("adverse selection"));
    }

    @Test
    void significanceGateDemotesUnprovenResults() {
        SignificanceGate gate = new SignificanceGate(0.95, 0.5, null);
        var ok = LifecycleRules.assign(new LifecycleInputs(0.1, 2, 200, null, null, 0.97, 0.2, null), gate);
        assertEquals(LifecycleStage.MATURE, ok.stage());
        var overfit = LifecycleRules.assign(new LifecycleInputs(0.1, 2, 200, null, null, 0.97, 0.8, null), gate);
        assertEquals(LifecycleStage.PAPER, overfit.stage());
        assertTrue(overfit.reasons().get(0).contains("overfitting"));
        var missing = LifecycleRules.assign(LifecycleInputs.basic(0.1, 2, 200), gate);
        assertEquals(LifecycleStage.PAPER, missing.stage());
        assertEquals(2, missing.reasons().size());
    }
}
