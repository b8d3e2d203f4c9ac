package dev.trainer.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trainer.contracts.events.OptimizationCompleted;
import dev.trainer.contracts.events.OptimizationCompleted.Overfitting;
import dev.trainer.contracts.events.OptimizationCompleted.Window;
import dev.trainer.contracts.events.SeriesRef;
import dev.trainer.domain.lifecycle.SignificanceGate;
import dev.trainer.domain.stats.DeflatedSharpe;
import dev.trainer.validation.service.ValidationOutcome;
import dev.trainer.validation.service.Validator;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;

/**
 * The wiring of the significance statistics: which returns, which N and V reach the domain's functions. Expected
 * values are the papers' formulas written out here on moments computed here ({@link HandMoments}).
 */
class SignificanceStatisticsTest {

    private static final NormalDistribution NORMAL = new NormalDistribution(null, 0, 1);
    private static final double EULER_GAMMA = 0.5772156649015329;
    private static final Validator NO_GATE = new Validator(SignificanceGate.none());

    private static final double[] OOS_0 = {0.012, -0.004, 0.003, 0.007, -0.009, 0.005, 0.001, 0.004, -0.002, 0.006};
    private static final double[] OOS_1 = {0.002, 0.008, -0.006, 0.004, 0.003, -0.001, 0.009, -0.003, 0.005, 0.001, 0.002};
    private static final double[] OOS_2 = {0.015, -0.011, 0.004, 0.002, 0.006, -0.004, 0.003, 0.008, 0.001};

    @Test
    void probabilisticSharpeAndMinimumTrackRecordAreOfTheConcatenatedTestSlices() {
        Map<String, Object> stats = statistics(outcome(threeWindows(), 300, 0.0004, null));
        HandMoments m = HandMoments.of(HandMoments.concat(OOS_0, OOS_1, OOS_2));

        assertEquals(30L, stats.get("out_of_sample_days"));
        assertEquals(m.sharpePerDay(), number(stats, "sharpe_per_day"), 1e-12);
        assertEquals(m.skewness(), number(stats, "skewness"), 1e-9);
        assertEquals(m.kurtosisRaw(), number(stats, "kurtosis_raw"), 1e-9);
        double psr = NORMAL.cumulativeProbability(m.sharpePerDay() * Math.sqrt(m.days() - 1) / Math.sqrt(m.bracket()));
        assertEquals(psr, number(stats, "probabilistic_sharpe_ratio"), 1e-12);
        double z95 = NORMAL.inverseCumulativeProbability(0.95);
        double minTrl = 1 + m.bracket() * Math.pow(z95 / m.sharpePerDay(), 2);
        assertEquals(minTrl, number(stats, "minimum_track_record_length_days"), 1e-9);
        assertEquals(0.95, number(stats, "minimum_track_record_confidence"));
        assertEquals(30 >= minTrl, stats.get("meets_minimum_track_record"));
        // the window's own slice alone would give another answer: the concatenation is what is tested
        HandMoments last = HandMoments.of(OOS_2);
        assertNotEquals(last.sharpePerDay(), number(stats, "sharpe_per_day"), 1e-3);
    }

    @Test
    void theMinimumTrackRecordFlagSaysWhetherTheOutOfSampleDaysReachIt() {
        double[] strong = Outcomes.repeat(new double[] {-0.002, 0.0035, 0.0035}, 30);
        Map<String, Object> enough = statistics(outcome(List.of(window(0, inSample(1), strong)), 100, 0.0004, null));
        assertTrue(number(enough, "minimum_track_record_length_days") < 30);
        assertEquals(Boolean.TRUE, enough.get("meets_minimum_track_record"));

        double[] weak = Outcomes.repeat(new double[] {0.01, -0.008, 0.001}, 30);
        Map<String, Object> tooShort = statistics(outcome(List.of(window(0, inSample(1), weak)), 100, 0.0004, null));
        assertTrue(number(tooShort, "minimum_track_record_length_days") > 30, "0.14 a day needs longer: " + tooShort);
        assertEquals(Boolean.FALSE, tooShort.get("meets_minimum_track_record"));
    }

    @Test
    void theDeflatedSharpeRatioIsTheFinalWindowsSelectionAgainstTheTrialsOfOneWindow() {
        double variance = 0.0004;
        Map<String, Object> stats = statistics(outcome(threeWindows(), 300, variance, null));
        HandMoments selected = HandMoments.of(inSample(2));

        assertEquals(100L, stats.get("trials_for_deflation"), "300 trials over 3 windows: 100 per window");
        assertEquals(variance, number(stats, "trial_sharpe_variance_per_day"));
        assertEquals(90L, stats.get("final_window_in_sample_days"));
        assertEquals(selected.sharpePerDay(), number(stats, "final_window_in_sample_sharpe_per_day"), 1e-12);
        assertEquals(selected.skewness(), number(stats, "final_window_in_sample_skewness"), 1e-9);
        assertEquals(selected.kurtosisRaw(), number(stats, "final_window_in_sample_kurtosis_raw"), 1e-9);
        double sr0 = expectedMaximum(100, variance);
        assertEquals(sr0, number(stats, "expected_maximum_sharpe_per_day"), 1e-12);
        double dsr = psr(selected, sr0);
        assertEquals(dsr, number(stats, "deflated_sharpe_ratio"), 1e-12);
        assertTrue(dsr > 0.01 && dsr < 0.99, "the fixture must discriminate: " + dsr);
        // the domain function with the same explicit inputs agrees
        assertEquals(DeflatedSharpe.probability(selected.sharpePerDay(), selected.days(), selected.skewness(),
                selected.kurtosisRaw(), 100, variance).value(), number(stats, "deflated_sharpe_ratio"), 1e-12);
        // neither the first window's winner nor all 300 trials are what is deflated
        assertNotEquals(psr(HandMoments.of(inSample(0)), sr0), dsr, 1e-3);
        assertNotEquals(psr(selected, expectedMaximum(300, variance)), dsr, 1e-3);
    }

    @Test
    void theTrialsOfOneWindowRoundUpWhenTheWindowsRanDifferentNumbers() {
        Map<String, Object> stats = statistics(outcome(threeWindows(), 301, 0.0004, null));
        assertEquals(101L, stats.get("trials_for_deflation"));
        assertEquals(expectedMaximum(101, 0.0004), number(stats, "expected_maximum_sharpe_per_day"), 1e-12);
    }

    @Test
    void oneTrialIsNoSelectionAndNeedsNoVariance() {
        Map<String, Object> stats = statistics(outcome(List.of(window(0, inSample(0), OOS_0)), 1, null, null));
        HandMoments selected = HandMoments.of(inSample(0));
        assertEquals(1L, stats.get("trials_for_deflation"));
        assertNull(stats.get("trial_sharpe_variance_per_day"));
        assertEquals(0.0, number(stats, "expected_maximum_sharpe_per_day"));
        assertEquals(psr(selected, 0), number(stats, "deflated_sharpe_ratio"), 1e-12);
    }

    @Test
    void theProbabilityOfOverfittingIsTheOptimisersWithItsInputs() {
        Map<String, Object> stats = statistics(outcome(threeWindows(), 300, 0.0004, new Overfitting(0.3125, null, 16, 100, 90)));
        assertEquals(0.3125, number(stats, "probability_of_backtest_overfitting"));
        assertEquals(16L, stats.get("overfitting_partitions"));
        assertEquals(100L, stats.get("overfitting_trials"));
        assertEquals(90L, stats.get("overfitting_days"));

        Map<String, Object> undefined = statistics(outcome(threeWindows(), 300, 0.0004,
                new Overfitting(null, "fewer periods (10) than partitions (16)", 16, 100, 10)));
        assertUndefined(undefined, "probability_of_backtest_overfitting", "fewer periods (10) than partitions (16)");
        assertEquals(10L, undefined.get("overfitting_days"));

        Map<String, Object> absent = statistics(outcome(threeWindows(), 300, 0.0004, null));
        assertUndefined(absent, "probability_of_backtest_overfitting", "not reported by the optimiser");
        assertUndefined(absent, "overfitting_trials", "not reported by the optimiser");
    }

    @Test
    void undefinedStatisticsCarryTheirReasons() {
        Map<String, Object> none = statistics(outcome(List.of(), 0, null, null));
        assertEquals(0L, none.get("out_of_sample_days"));
        assertUndefined(none, "sharpe_per_day", "no returns");
        assertUndefined(none, "probabilistic_sharpe_ratio", "out-of-sample daily returns: no returns");
        assertUndefined(none, "minimum_track_record_length_days", "out-of-sample daily returns: no returns");
        assertUndefined(none, "meets_minimum_track_record", "out-of-sample daily returns: no returns");
        assertUndefined(none, "deflated_sharpe_ratio", "the final window's in-sample daily returns: no returns");
        assertUndefined(none, "trials_for_deflation", "no validation windows");

        Map<String, Object> noVariance = statistics(outcome(threeWindows(), 300, null, null));
        String why = "the variance of the trials' Sharpe ratios is undefined: not reported by the optimiser (fewer than"
                + " 2 trials with a defined Sharpe ratio)";
        assertUndefined(noVariance, "expected_maximum_sharpe_per_day", why);
        assertUndefined(noVariance, "deflated_sharpe_ratio", why);

        double[] flat = {0.001, 0.001, 0.001, 0.001};
        Map<String, Object> flatRecord = statistics(outcome(List.of(window(0, flat, flat)), 100, 0.0004, null));
        assertUndefined(flatRecord, "probabilistic_sharpe_ratio", "out-of-sample daily returns: zero variance (all returns equal)");
        assertUndefined(flatRecord, "deflated_sharpe_ratio", "the final window's in-sample daily returns: zero variance (all returns equal)");

        double[] losing = {-0.004, 0.001, -0.002, 0.0005, -0.003};
        Map<String, Object> losingRecord = statistics(outcome(List.of(window(0, inSample(0), losing)), 100, 0.0004, null));
        assertTrue(number(losingRecord, "probabilistic_sharpe_ratio") < 0.5);
        String reason = (String) losingRecord.get("minimum_track_record_length_days_undefined_reason");
        assertTrue(reason.contains("no track record length makes it significant"), reason);
        assertUndefined(losingRecord, "meets_minimum_track_record", reason);
    }

    @Test
    void theDefaultGateHoldsAnOverfitWinnerAtValidationAndNamesTheStatistic() {
        Validator gated = new Validator(new SignificanceGate(0.95, 0.5, null, true));
        SeriesRef market = Outcomes.market();
        assertEquals("MATURE", gated.validate(Outcomes.winning("j", market)).stage());

        ValidationOutcome overfit = gated.validate(Outcomes.winningButOverfit("j", market));
        assertEquals("VALIDATION", overfit.stage());
        assertTrue(overfit.reasons().stream().anyMatch(r -> r.equals(
                "significance gate: probability of backtest overfitting 0.8000 is above 0.5000")), overfit.reasons().toString());
        assertEquals("MATURE", NO_GATE.validate(Outcomes.winningButOverfit("j", market)).stage(), "the plan alone");

        OptimizationCompleted w = Outcomes.winning("j", market);
        OptimizationCompleted noVariance = new OptimizationCompleted(w.eventId(), w.schemaVersion(), w.occurredAt(),
                w.jobId(), w.userId(), w.market(), w.strategy(), w.method(), w.objective(), w.seed(), w.dataFingerprint(),
                w.qualityScore(), w.validationMethod(), w.trialsEvaluated(), null, w.overfitting(), w.finalParameters(),
                w.windows());
        ValidationOutcome unmeasured = gated.validate(noVariance);
        assertEquals("VALIDATION", unmeasured.stage());
        assertTrue(unmeasured.reasons().stream().anyMatch(r -> r.startsWith(
                "significance gate: deflated Sharpe ratio is undefined (the variance of the trials' Sharpe ratios is")),
                unmeasured.reasons().toString());
    }

    private static double expectedMaximum(long n, double variance) {
        return Math.sqrt(variance) * ((1 - EULER_GAMMA) * NORMAL.inverseCumulativeProbability(1 - 1.0 / n)
                + EULER_GAMMA * NORMAL.inverseCumulativeProbability(1 - 1 / (n * Math.E)));
    }

    private static double psr(HandMoments m, double benchmark) {
        return NORMAL.cumulativeProbability((m.sharpePerDay() - benchmark) * Math.sqrt(m.days() - 1) / Math.sqrt(m.bracket()));
    }

    private static Map<String, Object> statistics(OptimizationCompleted outcome) {
        return NO_GATE.validate(outcome).statistics();
    }

    private static double number(Map<String, Object> stats, String key) {
        return assertInstanceOf(Number.class, stats.get(key), key + " in " + stats).doubleValue();
    }

    private static void assertUndefined(Map<String, Object> stats, String key, String reason) {
        assertTrue(stats.containsKey(key), key + " missing from " + stats);
        assertNull(stats.get(key), key);
        assertEquals(reason, stats.get(key + "_undefined_reason"), key);
    }

    /** A winner's train slice: 90 days, mean 0.15 % and a standard deviation of 1 % a day, right-skewed. */
    private static double[] inSample(int window) {
        SplittableRandom random = new SplittableRandom(41 + window);
        double[] r = new double[90];
        for (int d = 0; d < r.length; d++) {
            double shock = random.nextGaussian();
            r[d] = 0.0015 + 0.01 * (shock + 0.3 * (shock * shock - 1));
        }
        return r;
    }

    private static List<Window> threeWindows() {
        return List.of(window(0, inSample(0), OOS_0), window(1, inSample(1), OOS_1), window(2, inSample(2), OOS_2));
    }

    private static Window window(int index, double[] inSampleDaily, double[] outOfSampleDaily) {
        Instant t = Instant.parse("2024-01-01T00:00:00Z").plusSeconds(86_400L * 30 * index);
        return new Window(index, t, t.plusSeconds(86_400L * 90), t.plusSeconds(86_400L * 97),
                t.plusSeconds(86_400L * 127), Map.of("x", 1.0 + index), 0.0, Map.of(), inSampleDaily, Map.of(),
                outOfSampleDaily, new double[0]);
    }

    private static OptimizationCompleted outcome(List<Window> windows, int trialsEvaluated, Double variance,
            Overfitting overfitting) {
        return new OptimizationCompleted("e", 1, Instant.now(), "j", "u", new SeriesRef("x", "A/B", "1h"), "S", "grid",
                "net_profit", 1, "fp", 1.0, "walk_forward", trialsEvaluated, variance, overfitting, Map.of("x", 1.0),
                windows);
    }
}
