package dev.trainer.validation.service;

import dev.trainer.contracts.events.OptimizationCompleted;
import dev.trainer.domain.backtest.MetricValue;
import dev.trainer.domain.lifecycle.LifecycleAssignment;
import dev.trainer.domain.lifecycle.LifecycleInputs;
import dev.trainer.domain.lifecycle.LifecycleRules;
import dev.trainer.domain.lifecycle.SignificanceGate;
import dev.trainer.domain.stats.TrialStatistics;
import dev.trainer.validation.config.ValidationConfig;
import dev.trainer.validation.service.MetricMap.Defined;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Judges one optimisation outcome out of sample: aggregates the walk-forward windows, tests whether the
 * out-of-sample trades make money beyond luck, checks for overfitting and assigns the plan's lifecycle stage.
 *
 * <p>Statistics (keys with their units; an undefined value is null with {@code <key>_undefined_reason}):
 * <ul>
 *   <li>{@code p_value}: one-sided one-sample t-test, H1: the mean out-of-sample trade return is above 0;</li>
 *   <li>{@code z_score}: that mean in standard errors above 0 (the t statistic);</li>
 *   <li>{@code stability_score}: consistency of the mean trade return across the test windows, in [0, 1];</li>
 *   <li>{@code walk_forward_efficiency_ratio}: out-of-sample return per day over in-sample return per day;</li>
 *   <li>{@code overfit}: the plan's rule, out-of-sample sharpe_daily below half the mean in-sample sharpe_daily;</li>
 *   <li>the probabilistic and deflated Sharpe ratios, the minimum track record length and the probability of
 *   backtest overfitting with the inputs they were computed from ({@link SignificanceStatistics});</li>
 *   <li>{@code trials_evaluated}: every trial of the optimiser's search, all windows.</li>
 * </ul>
 * The stage comes from {@link LifecycleRules} with sample size = out-of-sample trade count, Sharpe = out-of-sample
 * sharpe_daily and net profit = out-of-sample net_profit_fraction, and the configured {@link SignificanceGate}
 * (validation.gate.*), which a configuration must pass to be MATURE.
 */
@ApplicationScoped
@Startup // builds the gate at start, so that a bad threshold stops the service instead of failing every outcome
public class Validator {

    /** The plan's overfitting rule: out-of-sample Sharpe below this share of the in-sample Sharpe. */
    public static final double OVERFIT_SHARPE_SHARE = 0.5;

    private final SignificanceGate gate;

    @Inject
    public Validator(ValidationConfig config) {
        this(gate(config.gate()));
    }

    public Validator(SignificanceGate gate) {
        this.gate = gate;
    }

    /** The configured gate; disabled, it checks nothing. */
    static SignificanceGate gate(ValidationConfig.Gate settings) {
        if (!settings.enabled()) {
            return SignificanceGate.none();
        }
        return new SignificanceGate(settings.minDeflatedSharpe(), settings.maxProbabilityOfOverfitting(),
                settings.maxPValue().orElse(null), settings.minTrackRecord());
    }

    public ValidationOutcome validate(OptimizationCompleted result) {
        WalkForwardAggregates wf = new WalkForwardAggregates(result.windows());
        double[] trades = wf.tradeReturns();

        Defined oosSharpe = wf.sharpeDaily();
        Defined isSharpe = wf.inSampleSharpeDaily();
        Boolean overfit = null;
        String overfitReason = null;
        if (!oosSharpe.isDefined()) {
            overfitReason = "out-of-sample sharpe_daily is undefined: " + oosSharpe.reason();
        } else if (!isSharpe.isDefined()) {
            overfitReason = "in-sample sharpe_daily is undefined: " + isSharpe.reason();
        } else {
            overfit = oosSharpe.value() < OVERFIT_SHARPE_SHARE * isSharpe.value();
        }

        MetricValue pValue = TrialStatistics.pValue(trades);
        MetricValue z = TrialStatistics.z(trades);
        MetricValue stability = TrialStatistics.stability(wf.tradeReturnsByWindow());
        SignificanceStatistics significance = SignificanceStatistics.of(result, wf.dailyReturns());
        MetricMap statistics = new MetricMap()
                .number("p_value", pValue)
                .count("p_value_sample_size", trades.length)
                .number("z_score", z)
                .number("stability_score", stability)
                .number("walk_forward_efficiency_ratio", wf.walkForwardEfficiencyRatio())
                .flag("overfit", overfit, overfitReason);
        significance.writeTo(statistics);
        statistics.count("trials_evaluated", result.trialsEvaluated());

        Defined net = wf.netProfitFraction();
        LifecycleAssignment assignment = LifecycleRules.assign(new LifecycleInputs(
                net.isDefined() ? net.value() : Double.NaN,
                oosSharpe.isDefined() ? oosSharpe.value() : Double.NaN,
                (int) Math.min(Integer.MAX_VALUE, wf.tradeCount()),
                null, null, significance.evidence(pValue)), gate);

        return new ValidationOutcome(wf.inSampleSummary(), wf.outOfSampleSummary(), statistics.build(),
                assignment.stage().name(), assignment.reasons(), wf.dayStartsMs(), wf.dailyReturns());
    }
}
