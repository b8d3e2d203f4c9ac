package dev.trainer.training;

import dev.trainer.contracts.events.TrainingRequested;
import dev.trainer.domain.optimize.Objective;
import dev.trainer.domain.optimize.ParameterSearch;
import dev.trainer.domain.optimize.ParameterSearches;
import dev.trainer.domain.optimize.SearchMethod;
import dev.trainer.domain.strategy.ParameterSpace;
import dev.trainer.domain.strategy.StrategyCatalog;
import dev.trainer.domain.strategy.TradingStrategy;
import dev.trainer.domain.walkforward.ValidationWindow;
import dev.trainer.domain.walkforward.ValidationWindows;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/**
 * A training request read in domain terms, in one place for every service and command that needs it: its strategy,
 * parameter space, objective, search, data period and validation windows. Call on a validated request
 * ({@link TrainingRequestValidator}); the defaults here are the ones the validator and the docs state.
 */
public final class TrainingRequests {

    /** Points per round of a Bayesian search: fixed, so that the trials never depend on the number of workers. */
    public static final int BAYESIAN_ROUND_SIZE = 8;
    public static final double DEFAULT_TRAIN_RATIO = 0.7;
    public static final int DEFAULT_TRAIN_DAYS = 90;
    public static final int DEFAULT_GAP_DAYS = 7;
    public static final int DEFAULT_TEST_DAYS = 30;

    private TrainingRequests() {
    }

    public static TradingStrategy strategy(TrainingRequested r) {
        return StrategyCatalog.get(r.strategy());
    }

    /** The requested space (or the strategy's default), its parameters in the strategy's order whatever the JSON's. */
    public static ParameterSpace space(TrainingRequested r) {
        var o = r.optimization();
        ParameterSpace defaults = strategy(r).defaultSpace();
        return o.parameterSpace() == null ? defaults : ParameterSpace.fromJsonLike(o.parameterSpace()).inOrder(defaults.names());
    }

    public static SearchMethod method(TrainingRequested r) {
        return SearchMethod.parse(r.optimization().method());
    }

    public static Objective objective(TrainingRequested r) {
        String objective = r.optimization().objective();
        return Objective.parse(objective == null ? "net_profit" : objective);
    }

    /** A fresh search as the request describes it (the same trials every time for the same scores). */
    public static ParameterSearch search(TrainingRequested r) {
        var o = r.optimization();
        return ParameterSearches.create(method(r), strategy(r), space(r), o.samples(), o.iterations(), o.seed(),
                BAYESIAN_ROUND_SIZE);
    }

    /** The requested data period [from, until): explicit bounds, or the historical months back from until (or now). */
    public static Instant[] period(TrainingRequested r, Instant now) {
        Instant until = r.periodUntil() != null ? r.periodUntil() : now;
        Instant from = r.periodFrom() != null ? r.periodFrom()
                : until.atOffset(ZoneOffset.UTC).minusMonths(r.historicalPeriodMonths()).toInstant();
        return new Instant[] {from, until};
    }

    /** The validation windows over data spanning [fromMs, untilMs); throws, saying what would fit, when none do. */
    public static List<ValidationWindow> windows(TrainingRequested.Validation v, long fromMs, long untilMs) {
        if (v == null || "train_test_split".equals(v.method())) {
            return ValidationWindows.trainTestSplit(fromMs, untilMs,
                    v == null || v.trainRatio() == null ? DEFAULT_TRAIN_RATIO : v.trainRatio());
        }
        return ValidationWindows.walkForward(fromMs, untilMs, trainDays(v), gapDays(v), testDays(v));
    }

    static int trainDays(TrainingRequested.Validation v) {
        return v.trainPeriodDays() == null ? DEFAULT_TRAIN_DAYS : v.trainPeriodDays();
    }

    static int gapDays(TrainingRequested.Validation v) {
        return v.gapPeriodDays() == null ? DEFAULT_GAP_DAYS : v.gapPeriodDays();
    }

    static int testDays(TrainingRequested.Validation v) {
        return v.testPeriodDays() == null ? DEFAULT_TEST_DAYS : v.testPeriodDays();
    }
}
