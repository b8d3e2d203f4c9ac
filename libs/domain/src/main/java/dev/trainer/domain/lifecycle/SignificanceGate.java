package dev.trainer.domain.lifecycle;

import dev.trainer.domain.backtest.MetricValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Statistical hurdles a configuration must clear, on top of the plan's rules, to be MATURE: a Sharpe ratio found by
 * searching thousands of parameter sets is not evidence by itself. Every threshold is inclusive (a deflated Sharpe
 * ratio equal to the minimum passes). A null threshold is not checked. A statistic that is undefined fails its check
 * with the reason it is undefined: an unmeasured significance is never a pass.
 *
 * @param minDeflatedSharpe           minimum deflated Sharpe ratio, a probability (e.g. 0.95)
 * @param maxProbabilityOfOverfitting maximum probability of backtest overfitting (e.g. 0.5)
 * @param maxPValue                   maximum one-sided p-value of the mean return (e.g. 0.05)
 * @param requireMinimumTrackRecord   whether the track record must be at least the minimum track record length
 */
public record SignificanceGate(Double minDeflatedSharpe, Double maxProbabilityOfOverfitting, Double maxPValue,
        boolean requireMinimumTrackRecord) {

    static final String PREFIX = "significance gate: ";

    public SignificanceGate {
        requireProbability(minDeflatedSharpe, "the minimum deflated Sharpe ratio");
        requireProbability(maxProbabilityOfOverfitting, "the maximum probability of backtest overfitting");
        requireProbability(maxPValue, "the maximum p-value");
    }

    /** A gate that checks nothing: the plan's rules alone decide. */
    public static SignificanceGate none() {
        return new SignificanceGate(null, null, null, false);
    }

    /** Every configured check, passed or failed, with a reason for each. */
    public Verdict judge(SignificanceEvidence evidence) {
        List<String> reasons = new ArrayList<>();
        boolean passed = true;
        if (minDeflatedSharpe != null) {
            passed &= atLeast("deflated Sharpe ratio", evidence.deflatedSharpe(), minDeflatedSharpe, reasons);
        }
        if (maxProbabilityOfOverfitting != null) {
            passed &= atMost("probability of backtest overfitting", evidence.probabilityOfOverfitting(),
                    maxProbabilityOfOverfitting, reasons);
        }
        if (maxPValue != null) {
            passed &= atMost("p-value", evidence.pValue(), maxPValue, reasons);
        }
        if (requireMinimumTrackRecord) {
            passed &= longEnough(evidence.minimumTrackRecordDays(), evidence.trackRecordDays(), reasons);
        }
        return new Verdict(passed, reasons);
    }

    private static boolean atLeast(String name, MetricValue value, double min, List<String> reasons) {
        if (!value.isDefined()) {
            return undefined(name, value, reasons);
        }
        boolean ok = value.value() >= min;
        reasons.add(PREFIX + name + " " + shown(value.value(), min, "%.4f") + (ok ? " is at least " : " is below ")
                + shown(min, value.value(), "%.4f"));
        return ok;
    }

    private static boolean atMost(String name, MetricValue value, double max, List<String> reasons) {
        if (!value.isDefined()) {
            return undefined(name, value, reasons);
        }
        boolean ok = value.value() <= max;
        reasons.add(PREFIX + name + " " + shown(value.value(), max, "%.4f") + (ok ? " is at most " : " is above ")
                + shown(max, value.value(), "%.4f"));
        return ok;
    }

    private static boolean longEnough(MetricValue minimumDays, long days, List<String> reasons) {
        String name = "minimum track record length";
        if (!minimumDays.isDefined()) {
            return undefined(name, minimumDays, reasons);
        }
        boolean ok = days >= minimumDays.value();
        reasons.add(PREFIX + "track record of " + days + " days" + (ok ? " reaches the " : " is shorter than the ")
                + name + " of " + shown(minimumDays.value(), days, "%.2f") + " days");
        return ok;
    }

    private static boolean undefined(String name, MetricValue value, List<String> reasons) {
        reasons.add(PREFIX + name + " is undefined (" + value.undefinedReason() + "), which fails the gate");
        return false;
    }

    /**
     * A value rounded for reading, unless the rounding would make it look equal to the number it is compared with
     * (0.94999 "is below" 0.9500 must not read "0.9500 is below 0.9500").
     */
    private static String shown(double value, double comparedWith, String format) {
        String rounded = String.format(Locale.ROOT, format, value);
        if (value != comparedWith && rounded.equals(String.format(Locale.ROOT, format, comparedWith))) {
            return Double.toString(value);
        }
        return rounded;
    }

    private static void requireProbability(Double threshold, String name) {
        if (threshold != null && !(threshold >= 0 && threshold <= 1)) {
            throw new IllegalArgumentException(name + " must lie between 0 and 1, was " + threshold);
        }
    }

    /**
     * @param passed  true when every configured check passed (also when none is configured)
     * @param reasons one line per check, passed or failed
     */
    public record Verdict(boolean passed, List<String> reasons) {
        public Verdict {
            reasons = List.copyOf(reasons);
        }
    }
}
