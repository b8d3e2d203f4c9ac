package dev.trainer.domain.quality;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The gate's threshold, a policy per check and the checks' parameters. Invalid settings are refused as a whole,
 * naming each problem by its setting (the names the cleaning service reads under {@code cleaning.}).
 *
 * @param thresholdFraction               the gate's minimum valid fraction, 0..1 (0.70 = 70 %)
 * @param policies                        one policy per check, each one the check allows
 * @param forwardFillMaxRunCandles        the longest run of consecutive synthetic candles a forward-fill may
 *                                        create; a longer run is left as a gap
 * @param staleMinRunCandles              how many consecutive identical closes make a stale run
 * @param spikeWindowReturns              how many non-zero log returns before a candle its return is judged against
 * @param spikeThresholdZ                 the robust z-score (absolute) from which a return is a spike
 * @param divergenceMaxDeviationFraction  the deviation from the cross-exchange median close (a fraction, 0.02 =
 *                                        2 %) from which a candle diverges
 */
public record QualitySettings(
        double thresholdFraction,
        Map<QualityCheck, CleaningPolicy> policies,
        int forwardFillMaxRunCandles,
        int staleMinRunCandles,
        int spikeWindowReturns,
        double spikeThresholdZ,
        double divergenceMaxDeviationFraction) {

    /** The diagnosis's decision point: at least 70 % of the candles must be valid. */
    public static final double DEFAULT_THRESHOLD_FRACTION = 0.70;
    /** The diagnosis's sketch forward-fills at most 5 candles in a row. */
    public static final int DEFAULT_FORWARD_FILL_MAX_RUN_CANDLES = 5;
    /** Five identical closes in a row: rare in a live market, the diagnosis's stuck feed showed seven. */
    public static final int DEFAULT_STALE_MIN_RUN_CANDLES = 5;
    public static final int DEFAULT_SPIKE_WINDOW_RETURNS = 100;
    public static final double DEFAULT_SPIKE_THRESHOLD_Z = 10.0;
    public static final double DEFAULT_DIVERGENCE_MAX_DEVIATION_FRACTION = 0.02;

    /** The fewest returns a median and a MAD are taken over. */
    public static final int MIN_SPIKE_WINDOW_RETURNS = 5;

    public QualitySettings {
        policies = copyOf(policies);
        List<Problem> problems = problems(thresholdFraction, policies, forwardFillMaxRunCandles, staleMinRunCandles,
                spikeWindowReturns, spikeThresholdZ, divergenceMaxDeviationFraction);
        if (!problems.isEmpty()) {
            throw new InvalidQualitySettingsException(problems);
        }
    }

    public static QualitySettings defaults() {
        Map<QualityCheck, CleaningPolicy> policies = new EnumMap<>(QualityCheck.class);
        for (QualityCheck check : QualityCheck.values()) {
            policies.put(check, check.defaultPolicy());
        }
        return new QualitySettings(DEFAULT_THRESHOLD_FRACTION, policies, DEFAULT_FORWARD_FILL_MAX_RUN_CANDLES,
                DEFAULT_STALE_MIN_RUN_CANDLES, DEFAULT_SPIKE_WINDOW_RETURNS, DEFAULT_SPIKE_THRESHOLD_Z,
                DEFAULT_DIVERGENCE_MAX_DEVIATION_FRACTION);
    }

    public CleaningPolicy policy(QualityCheck check) {
        return policies.get(check);
    }

    public QualitySettings withThresholdFraction(double fraction) {
        return new QualitySettings(fraction, policies, forwardFillMaxRunCandles, staleMinRunCandles,
                spikeWindowReturns, spikeThresholdZ, divergenceMaxDeviationFraction);
    }

    public QualitySettings withPolicy(QualityCheck check, CleaningPolicy policy) {
        Map<QualityCheck, CleaningPolicy> changed = new EnumMap<>(policies);
        changed.put(check, policy);
        return new QualitySettings(thresholdFraction, changed, forwardFillMaxRunCandles, staleMinRunCandles,
                spikeWindowReturns, spikeThresholdZ, divergenceMaxDeviationFraction);
    }

    public QualitySettings withForwardFillMaxRunCandles(int candles) {
        return new QualitySettings(thresholdFraction, policies, candles, staleMinRunCandles, spikeWindowReturns,
                spikeThresholdZ, divergenceMaxDeviationFraction);
    }

    public QualitySettings withStaleMinRunCandles(int candles) {
        return new QualitySettings(thresholdFraction, policies, forwardFillMaxRunCandles, candles, spikeWindowReturns,
                spikeThresholdZ, divergenceMaxDeviationFraction);
    }

    public QualitySettings withSpikes(int windowReturns, double thresholdZ) {
        return new QualitySettings(thresholdFraction, policies, forwardFillMaxRunCandles, staleMinRunCandles,
                windowReturns, thresholdZ, divergenceMaxDeviationFraction);
    }

    public QualitySettings withDivergenceMaxDeviationFraction(double fraction) {
        return new QualitySettings(thresholdFraction, policies, forwardFillMaxRunCandles, staleMinRunCandles,
                spikeWindowReturns, spikeThresholdZ, fraction);
    }

    /** The setting that holds a check's policy: {@code policy.} and the check's key with hyphens. */
    public static String policySetting(QualityCheck check) {
        return "policy." + check.key().replace('_', '-');
    }

    /** Every setting in one line, as stored with each report so it can be read without the configuration. */
    public String describe() {
        return "threshold-fraction=" + thresholdFraction + ", "
                + Arrays.stream(QualityCheck.values()).map(c -> policySetting(c) + "=" + policy(c).key())
                        .collect(Collectors.joining(", "))
                + ", forward-fill.max-run-candles=" + forwardFillMaxRunCandles
                + ", stale-runs.min-run-candles=" + staleMinRunCandles
                + ", spikes.window-returns=" + spikeWindowReturns
                + ", spikes.threshold-z=" + spikeThresholdZ
                + ", cross-exchange.max-deviation-fraction=" + divergenceMaxDeviationFraction;
    }

    private static List<Problem> problems(double thresholdFraction, Map<QualityCheck, CleaningPolicy> policies,
            int forwardFillMaxRunCandles, int staleMinRunCandles, int spikeWindowReturns, double spikeThresholdZ,
            double divergenceMaxDeviationFraction) {
        List<Problem> problems = new ArrayList<>();
        if (!(thresholdFraction >= 0 && thresholdFraction <= 1)) {
            problems.add(new Problem("threshold-fraction", "the threshold is a fraction between 0 and 1 (0.70 = 70 %),"
                    + " got " + thresholdFraction));
        }
        for (QualityCheck check : QualityCheck.values()) {
            CleaningPolicy policy = policies.get(check);
            if (policy == null) {
                problems.add(new Problem(policySetting(check), "no policy for " + check.key() + "; allowed: "
                        + keys(check.allowedPolicies())));
            } else if (!check.allows(policy)) {
                problems.add(new Problem(policySetting(check), policy.key() + " is refused for " + check.key() + ": "
                        + check.refusal(policy) + "; allowed: " + keys(check.allowedPolicies())));
            }
        }
        if (forwardFillMaxRunCandles < 1) {
            problems.add(new Problem("forward-fill.max-run-candles", "must be at least 1 candle, got "
                    + forwardFillMaxRunCandles));
        }
        if (staleMinRunCandles < 2) {
            problems.add(new Problem("stale-runs.min-run-candles", "a run needs at least 2 candles, got "
                    + staleMinRunCandles));
        }
        if (spikeWindowReturns < MIN_SPIKE_WINDOW_RETURNS) {
            problems.add(new Problem("spikes.window-returns", "a median and a MAD need at least "
                    + MIN_SPIKE_WINDOW_RETURNS + " returns, got " + spikeWindowReturns));
        }
        if (!(spikeThresholdZ > 0 && Double.isFinite(spikeThresholdZ))) {
            problems.add(new Problem("spikes.threshold-z", "must be a positive robust z-score, got " + spikeThresholdZ));
        }
        if (!(divergenceMaxDeviationFraction > 0 && divergenceMaxDeviationFraction < 1)) {
            problems.add(new Problem("cross-exchange.max-deviation-fraction", "must be a fraction between 0 and 1"
                    + " exclusive (0.02 = 2 %), got " + divergenceMaxDeviationFraction));
        }
        return problems;
    }

    private static String keys(List<CleaningPolicy> policies) {
        return policies.stream().map(CleaningPolicy::key).collect(Collectors.joining(", "));
    }

    /** One thing wrong with the settings: which setting, and why. */
    public record Problem(String setting, String message) {

        @Override
        public String toString() {
            return setting + ": " + message;
        }
    }

    /** Thrown for settings with one or more problems, all of them listed. */
    public static final class InvalidQualitySettingsException extends IllegalArgumentException {

        private final transient List<Problem> problems;

        InvalidQualitySettingsException(List<Problem> problems) {
            super("invalid quality settings: " + problems.stream().map(Problem::toString)
                    .collect(Collectors.joining("; ")));
            this.problems = List.copyOf(problems);
        }

        public List<Problem> problems() {
            return problems;
        }
    }

    @Override
    public String toString() {
        return "QualitySettings[" + describe() + "]";
    }

    private static Map<QualityCheck, CleaningPolicy> copyOf(Map<QualityCheck, CleaningPolicy> policies) {
        EnumMap<QualityCheck, CleaningPolicy> copy = new EnumMap<>(QualityCheck.class);
        if (policies != null) {
            copy.putAll(policies);
        }
        return Collections.unmodifiableMap(copy);
    }
}
