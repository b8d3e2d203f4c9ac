package dev.trainer.validation.service;

import dev.trainer.contracts.events.OptimizationCompleted;
import dev.trainer.domain.backtest.MetricValue;
import dev.trainer.domain.lifecycle.SignificanceEvidence;
import dev.trainer.domain.stats.DeflatedSharpe;
import dev.trainer.domain.stats.MinimumTrackRecordLength;
import dev.trainer.domain.stats.ProbabilisticSharpe;
import dev.trainer.domain.stats.ReturnMoments;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Whether a configuration's Sharpe ratio is skill or luck, by the statistics of {@code dev.trainer.domain.stats}
 * (docs/STATISTICS.md, "In the validator"). Every Sharpe ratio here is per day, never annualised; kurtosis is raw.
 * <ul>
 *   <li>probabilistic Sharpe ratio and minimum track record length: of the out-of-sample daily returns (the test
 *   slices concatenated) against SR0 = 0, "is there any skill at all", at 95 % confidence;</li>
 *   <li>deflated Sharpe ratio: of the final window's selection, see {@link DeflationBasis};</li>
 *   <li>probability of backtest overfitting: the optimiser's, over the final window's trials.</li>
 * </ul>
 */
public final class SignificanceStatistics {

    /** SR0 of the probabilistic Sharpe ratio and the minimum track record length. */
    static final double NO_SKILL_SHARPE_PER_DAY = 0.0;
    static final double TRACK_RECORD_CONFIDENCE = MinimumTrackRecordLength.DEFAULT_CONFIDENCE;

    private final ReturnMoments outOfSample;
    private final MetricValue probabilisticSharpe;
    private final MetricValue minimumTrackRecordDays;
    private final DeflationBasis deflation;
    private final MetricValue deflatedSharpe;
    private final OptimizationCompleted.Overfitting overfitting;
    private final MetricValue probabilityOfOverfitting;

    private SignificanceStatistics(OptimizationCompleted result, double[] outOfSampleDailyReturns) {
        this.outOfSample = ReturnMoments.of(outOfSampleDailyReturns);
        this.probabilisticSharpe = outOfSample(m -> ProbabilisticSharpe.probability(m.sharpePerPeriod().value(),
                NO_SKILL_SHARPE_PER_DAY, m.count(), m.skewness().value(), m.kurtosisRaw().value()));
        this.minimumTrackRecordDays = outOfSample(m -> MinimumTrackRecordLength.observations(m.sharpePerPeriod().value(),
                NO_SKILL_SHARPE_PER_DAY, m.skewness().value(), m.kurtosisRaw().value(), TRACK_RECORD_CONFIDENCE));
        this.deflation = DeflationBasis.of(result);
        this.deflatedSharpe = deflated(deflation);
        this.overfitting = result.overfitting();
        this.probabilityOfOverfitting = probabilityOfOverfitting(overfitting);
    }

    /**
     * @param result                  the optimiser's outcome (trials, their Sharpe ratios' variance, the final window's
     *                                in-sample returns, the probability of overfitting)
     * @param outOfSampleDailyReturns the test slices' daily returns, concatenated
     */
    public static SignificanceStatistics of(OptimizationCompleted result, double[] outOfSampleDailyReturns) {
        return new SignificanceStatistics(result, outOfSampleDailyReturns);
    }

    public MetricValue probabilisticSharpe() {
        return probabilisticSharpe;
    }

    public MetricValue deflatedSharpe() {
        return deflatedSharpe;
    }

    public MetricValue minimumTrackRecordDays() {
        return minimumTrackRecordDays;
    }

    public MetricValue probabilityOfOverfitting() {
        return probabilityOfOverfitting;
    }

    /** The out-of-sample record's length, the T of the probabilistic Sharpe ratio. */
    public long outOfSampleDays() {
        return outOfSample.count();
    }

    /** What the significance gate judges, with the p-value of the mean trade return. */
    public SignificanceEvidence evidence(MetricValue pValue) {
        return new SignificanceEvidence(deflatedSharpe, probabilityOfOverfitting, pValue, minimumTrackRecordDays,
                outOfSampleDays());
    }

    /** The statistics and the inputs they were computed from, each a value or null with its reason. */
    void writeTo(MetricMap map) {
        map.count("out_of_sample_days", outOfSampleDays())
                .number("sharpe_per_day", outOfSample.sharpePerPeriod())
                .number("skewness", outOfSample.skewness())
                .number("kurtosis_raw", outOfSample.kurtosisRaw())
                .number("probabilistic_sharpe_ratio", probabilisticSharpe)
                .number("minimum_track_record_length_days", minimumTrackRecordDays)
                .number("minimum_track_record_confidence", MetricValue.of(TRACK_RECORD_CONFIDENCE))
                .flag("meets_minimum_track_record", minimumTrackRecordDays.isDefined()
                        ? outOfSampleDays() >= minimumTrackRecordDays.value() : null,
                        minimumTrackRecordDays.undefinedReason());
        ReturnMoments selected = deflation.selected();
        map.number("deflated_sharpe_ratio", deflatedSharpe)
                .count("final_window_in_sample_days", selected.count())
                .number("final_window_in_sample_sharpe_per_day", selected.sharpePerPeriod())
                .number("final_window_in_sample_skewness", selected.skewness())
                .number("final_window_in_sample_kurtosis_raw", selected.kurtosisRaw());
        count(map, "trials_for_deflation", deflation.trials());
        map.number("trial_sharpe_variance_per_day", deflation.trialSharpeVariancePerDay())
                .number("expected_maximum_sharpe_per_day", deflation.expectedMaximumSharpePerDay())
                .number("probability_of_backtest_overfitting", probabilityOfOverfitting);
        String absent = "not reported by the optimiser";
        if (overfitting == null) {
            map.undefined("overfitting_partitions", absent).undefined("overfitting_trials", absent)
                    .undefined("overfitting_days", absent);
        } else {
            map.count("overfitting_partitions", overfitting.partitions()).count("overfitting_trials", overfitting.trials())
                    .count("overfitting_days", overfitting.periods());
        }
    }

    private MetricValue outOfSample(Function<ReturnMoments, MetricValue> statistic) {
        if (!outOfSample.isDefined()) {
            return MetricValue.undefined("out-of-sample daily returns: " + outOfSample.undefinedReason());
        }
        return guarded(() -> statistic.apply(outOfSample));
    }

    private static MetricValue deflated(DeflationBasis basis) {
        ReturnMoments selected = basis.selected();
        if (!selected.isDefined()) {
            return MetricValue.undefined("the final window's in-sample daily returns: " + selected.undefinedReason());
        }
        if (!basis.expectedMaximumSharpePerDay().isDefined()) {
            return basis.expectedMaximumSharpePerDay();
        }
        // with one trial the variance may be unknown and does not matter: SR0 = 0 (DeflationBasis)
        return guarded(() -> DeflatedSharpe.probability(selected.sharpePerPeriod().value(), selected.count(),
                selected.skewness().value(), selected.kurtosisRaw().value(), (long) basis.trials().value(),
                basis.trialSharpeVariancePerDay().orElse(0)));
    }

    private static MetricValue probabilityOfOverfitting(OptimizationCompleted.Overfitting overfitting) {
        if (overfitting == null) {
            return MetricValue.undefined("not reported by the optimiser");
        }
        Double p = overfitting.probability();
        if (p == null) {
            return MetricValue.undefined(overfitting.undefinedReason() == null ? "not reported by the optimiser"
                    : overfitting.undefinedReason());
        }
        if (!(p >= 0 && p <= 1)) {
            return MetricValue.undefined("the optimiser reported " + p + ", which is not a probability");
        }
        return MetricValue.of(p);
    }

    private static void count(MetricMap map, String key, MetricValue count) {
        if (count.isDefined()) {
            map.count(key, (long) count.value());
        } else {
            map.undefined(key, count.undefinedReason());
        }
    }

    /**
     * The domain's functions reject impossible inputs (e.g. kurtosis below 1 + skewness²) with an exception. Sample
     * moments never are, but should rounding ever make them so, the configuration is still published, with the
     * statistic undefined and the reason, rather than its whole outcome going to the dead-letter topic.
     */
    private static MetricValue guarded(Supplier<MetricValue> statistic) {
        try {
            return statistic.get();
        } catch (IllegalArgumentException e) {
            return MetricValue.undefined(e.getMessage());
        }
    }
}
