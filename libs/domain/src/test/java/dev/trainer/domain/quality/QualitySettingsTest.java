package dev.trainer.domain.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trainer.domain.quality.QualitySettings.InvalidQualitySettingsException;
import dev.trainer.domain.quality.QualitySettings.Problem;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QualitySettingsTest {

    private static List<Problem> problems(Runnable build) {
        return assertThrows(InvalidQualitySettingsException.class, build::run).problems();
    }

    @Test
    void theDefaults() {
        QualitySettings d = QualitySettings.defaults();
        assertEquals(0.70, d.thresholdFraction());
        assertEquals(5, d.forwardFillMaxRunCandles());
        assertEquals(5, d.staleMinRunCandles());
        assertEquals(100, d.spikeWindowReturns());
        assertEquals(10.0, d.spikeThresholdZ());
        assertEquals(0.02, d.divergenceMaxDeviationFraction());
        for (QualityCheck check : QualityCheck.values()) {
            assertEquals(check.defaultPolicy(), d.policy(check));
            assertTrue(check.allows(check.defaultPolicy()), check.key());
        }
        assertEquals("threshold-fraction=0.7, policy.zero-volume=flag, policy.flat=flag, policy.ohlc-invalid=drop,"
                + " policy.duplicates=drop, policy.out-of-order=drop, policy.missing=report, policy.stale-runs=flag,"
                + " policy.spikes=flag, policy.cross-exchange-divergence=flag, forward-fill.max-run-candles=5,"
                + " stale-runs.min-run-candles=5, spikes.window-returns=100, spikes.threshold-z=10.0,"
                + " cross-exchange.max-deviation-fraction=0.02", d.describe());
    }

    @Test
    void policiesThatMakeNoSenseForACheckAreRefusedWithTheReason() {
        List<Problem> p = problems(() -> QualitySettings.defaults()
                .withPolicy(QualityCheck.DUPLICATE, CleaningPolicy.FORWARD_FILL));
        assertEquals(1, p.size());
        assertEquals("policy.duplicates", p.get(0).setting());
        assertEquals("forward-fill is refused for duplicates: the open time is already held by the first copy;"
                + " allowed: drop", p.get(0).message());

        assertEquals("policy.missing", problems(() -> QualitySettings.defaults()
                .withPolicy(QualityCheck.MISSING, CleaningPolicy.DROP)).get(0).setting());
        assertEquals("policy.zero-volume", problems(() -> QualitySettings.defaults()
                .withPolicy(QualityCheck.ZERO_VOLUME, CleaningPolicy.FORWARD_FILL)).get(0).setting());
        assertEquals("policy.ohlc-invalid", problems(() -> QualitySettings.defaults()
                .withPolicy(QualityCheck.OHLC_INVALID, CleaningPolicy.FLAG)).get(0).setting());
        assertEquals("policy.out-of-order", problems(() -> QualitySettings.defaults()
                .withPolicy(QualityCheck.OUT_OF_ORDER, CleaningPolicy.FLAG)).get(0).setting());
        assertEquals("policy.cross-exchange-divergence", problems(() -> QualitySettings.defaults()
                .withPolicy(QualityCheck.CROSS_EXCHANGE_DIVERGENCE, CleaningPolicy.FORWARD_FILL)).get(0).setting());
        assertEquals("policy.stale-runs", problems(() -> QualitySettings.defaults()
                .withPolicy(QualityCheck.STALE_RUN, CleaningPolicy.REPORT)).get(0).setting());
    }

    @Test
    void whatEachCheckAllows() {
        assertEquals(List.of(CleaningPolicy.DROP, CleaningPolicy.FLAG), QualityCheck.ZERO_VOLUME.allowedPolicies());
        assertEquals(List.of(CleaningPolicy.DROP, CleaningPolicy.FLAG), QualityCheck.FLAT.allowedPolicies());
        assertEquals(List.of(CleaningPolicy.DROP, CleaningPolicy.FORWARD_FILL), QualityCheck.OHLC_INVALID.allowedPolicies());
        assertEquals(List.of(CleaningPolicy.DROP), QualityCheck.DUPLICATE.allowedPolicies());
        assertEquals(List.of(CleaningPolicy.DROP), QualityCheck.OUT_OF_ORDER.allowedPolicies());
        assertEquals(List.of(CleaningPolicy.FORWARD_FILL, CleaningPolicy.REPORT), QualityCheck.MISSING.allowedPolicies());
        assertEquals(List.of(CleaningPolicy.DROP, CleaningPolicy.FLAG), QualityCheck.STALE_RUN.allowedPolicies());
        assertEquals(List.of(CleaningPolicy.DROP, CleaningPolicy.FLAG, CleaningPolicy.FORWARD_FILL),
                QualityCheck.SPIKE.allowedPolicies());
        assertEquals(List.of(CleaningPolicy.DROP, CleaningPolicy.FLAG),
                QualityCheck.CROSS_EXCHANGE_DIVERGENCE.allowedPolicies());
        for (QualityCheck check : QualityCheck.values()) {
            for (CleaningPolicy policy : CleaningPolicy.values()) {
                if (check.allows(policy)) {
                    assertNull(check.refusal(policy));
                } else {
                    assertNotNull(check.refusal(policy));
                }
            }
        }
    }

    @Test
    void everyProblemIsNamedAtOnce() {
        Map<QualityCheck, CleaningPolicy> policies = new EnumMap<>(QualitySettings.defaults().policies());
        policies.remove(QualityCheck.SPIKE);
        policies.put(QualityCheck.FLAT, CleaningPolicy.REPORT);
        InvalidQualitySettingsException e = assertThrows(InvalidQualitySettingsException.class,
                () -> new QualitySettings(70, policies, 0, 1, 4, Double.NaN, 1));
        assertEquals(List.of("threshold-fraction", "policy.flat", "policy.spikes", "forward-fill.max-run-candles",
                "stale-runs.min-run-candles", "spikes.window-returns", "spikes.threshold-z",
                "cross-exchange.max-deviation-fraction"), e.problems().stream().map(Problem::setting).toList());
        assertTrue(e.getMessage().startsWith("invalid quality settings: threshold-fraction: the threshold is a fraction"
                + " between 0 and 1 (0.70 = 70 %), got 70.0; policy.flat: report is refused for flat"), e.getMessage());
    }

    @Test
    void boundaryValuesThatAreAllowed() {
        QualitySettings edge = new QualitySettings(0, QualitySettings.defaults().policies(), 1, 2,
                QualitySettings.MIN_SPIKE_WINDOW_RETURNS, Double.MIN_VALUE, Math.nextDown(1.0));
        assertEquals(2, edge.staleMinRunCandles());
        assertEquals(1.0, QualitySettings.defaults().withThresholdFraction(1).thresholdFraction());
        problems(() -> QualitySettings.defaults().withDivergenceMaxDeviationFraction(0));
        problems(() -> QualitySettings.defaults().withSpikes(100, 0));
        problems(() -> QualitySettings.defaults().withSpikes(100, Double.POSITIVE_INFINITY));
    }

    @Test
    void thePoliciesCannotBeChangedFromOutside() {
        Map<QualityCheck, CleaningPolicy> policies = new EnumMap<>(QualitySettings.defaults().policies());
        QualitySettings s = new QualitySettings(0.7, policies, 5, 5, 100, 10, 0.02);
        policies.put(QualityCheck.FLAT, CleaningPolicy.DROP);
        assertEquals(CleaningPolicy.FLAG, s.policy(QualityCheck.FLAT));
        assertThrows(UnsupportedOperationException.class, () -> s.policies().put(QualityCheck.FLAT, CleaningPolicy.DROP));
    }
}
