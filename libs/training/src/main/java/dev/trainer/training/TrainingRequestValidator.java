package dev.trainer.training;

import dev.trainer.contracts.TimeBounds;
import dev.trainer.contracts.events.TrainingRequested;
import dev.trainer.contracts.serde.TrainingRequestForms;
import dev.trainer.domain.market.Timeframe;
import dev.trainer.domain.optimize.Objective;
import dev.trainer.domain.optimize.SearchMethod;
import dev.trainer.domain.strategy.ParameterSpace;
import dev.trainer.domain.strategy.StrategyCatalog;
import dev.trainer.domain.strategy.TradingStrategy;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Checks a training request before anything is started, and names every field that is wrong, so a user fixes
 * them all at once instead of one per attempt. Fields are named in the canonical form; {@link FieldProblem#in}
 * names them as a request in the plan's form does.
 */
public final class TrainingRequestValidator {

    public static final Set<String> VALIDATION_METHODS = Set.of("walk_forward", "train_test_split");
    /** A grid larger than this is refused: it would not finish in a reasonable time; use random search. */
    public static final long MAX_GRID_TRIALS = 5_000_000L;

    private TrainingRequestValidator() {
    }

    public record FieldProblem(String field, String message) {

        /** This problem with the field named as a request in that form names it (plan: optimizationParams.nSamples, ...). */
        public FieldProblem in(TrainingRequestForms.Form form) {
            return new FieldProblem(TrainingRequestForms.fieldInForm(form, field), message);
        }
    }

    public static List<FieldProblem> problems(TrainingRequested r) {
        List<FieldProblem> problems = new ArrayList<>();
        if (blank(r.jobId())) {
            problems.add(new FieldProblem("jobId", "must not be blank"));
        }
        if (blank(r.userId())) {
            problems.add(new FieldProblem("userId", "must not be blank"));
        }
        TradingStrategy strategy = null;
        if (blank(r.strategy())) {
            problems.add(new FieldProblem("strategy", "must be one of " + StrategyCatalog.names()));
        } else {
            try {
                strategy = StrategyCatalog.get(r.strategy());
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem("strategy", e.getMessage()));
            }
        }
        requireNonEmpty(problems, "pairs", r.pairs());
        requireNonEmpty(problems, "exchanges", r.exchanges());
        requireNonEmpty(problems, "timeframes", r.timeframes());
        if (r.pairs() != null) {
            r.pairs().stream().filter(p -> p == null || !p.matches("[A-Z0-9]+/[A-Z0-9]+"))
                    .forEach(p -> problems.add(new FieldProblem("pairs", "'" + p + "' is not written BASE/QUOTE, e.g. BTC/USDT")));
        }
        if (r.timeframes() != null) {
            for (String tf : r.timeframes()) {
                try {
                    Timeframe.parse(tf);
                } catch (IllegalArgumentException e) {
                    problems.add(new FieldProblem("timeframes", e.getMessage()));
                }
            }
        }
        checkOptimization(problems, r.optimization(), strategy);
        checkValidation(problems, r.validation());
        if (r.historicalPeriodMonths() <= 0 && r.periodFrom() == null) {
            problems.add(new FieldProblem("historicalPeriodMonths", "must be at least 1 when periodFrom is not given"));
        }
        TimeBounds.problem(r.periodFrom()).ifPresent(p -> problems.add(new FieldProblem("periodFrom", p)));
        TimeBounds.problem(r.periodUntil()).ifPresent(p -> problems.add(new FieldProblem("periodUntil", p)));
        if (r.periodFrom() != null && r.periodUntil() != null && !r.periodFrom().isBefore(r.periodUntil())) {
            problems.add(new FieldProblem("periodFrom", "must be before periodUntil"));
        }
        if (r.maxRuntimeSeconds() != null && r.maxRuntimeSeconds() <= 0) {
            problems.add(new FieldProblem("maxRuntimeSeconds", "must be positive when given"));
        }
        if (r.parallelWorkers() < 1) {
            problems.add(new FieldProblem("parallelWorkers", "must be at least 1"));
        }
        if (r.costs() != null && (!fraction(r.costs().feePerSideFraction()) || !fraction(r.costs().slippagePerSideFraction()))) {
            problems.add(new FieldProblem("costs", "fees and slippage are fractions per side between 0 and 1, e.g. 0.001 for 0.1 %"));
        }
        return problems;
    }

    private static void checkOptimization(List<FieldProblem> problems, TrainingRequested.Optimization o, TradingStrategy strategy) {
        if (o == null) {
            problems.add(new FieldProblem("optimization", "is required"));
            return;
        }
        SearchMethod method = null;
        try {
            method = SearchMethod.parse(o.method());
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem("optimization.method", e.getMessage()));
        }
        if ((method == SearchMethod.RANDOM || method == SearchMethod.SOBOL) && (o.samples() == null || o.samples() < 1)) {
            problems.add(new FieldProblem("optimization.samples", method.label() + " search needs samples >= 1"));
        }
        if (method != null && method.adaptive() && (o.iterations() == null || o.iterations() < 1)) {
            problems.add(new FieldProblem("optimization.iterations", method.label()
                    + " search needs iterations >= 1 (the number of backtests it may run)"));
        }
        if (method != null && method.adaptive() && o.samples() != null && o.samples() < (method == SearchMethod.CMAES ? 2 : 1)) {
            problems.add(new FieldProblem("optimization.samples", method == SearchMethod.CMAES
                    ? "cmaes: samples is the population size and must be at least 2" : "bayesian: samples is the size of the initial "
                    + "random design and must be at least 1"));
        }
        if (o.minTrades() < 0) {
            problems.add(new FieldProblem("optimization.minTrades", "must not be negative"));
        }
        try {
            Objective.parse(o.objective() == null ? "net_profit" : o.objective());
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem("optimization.objective", e.getMessage()));
        }
        if (strategy == null) {
            return;
        }
        ParameterSpace space;
        try {
            space = o.parameterSpace() == null ? strategy.defaultSpace() : ParameterSpace.fromJsonLike(o.parameterSpace());
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem("optimization.parameterSpace", e.getMessage()));
            return;
        }
        if (!space.names().containsAll(strategy.defaultSpace().names()) || !strategy.defaultSpace().names().containsAll(space.names())) {
            problems.add(new FieldProblem("optimization.parameterSpace", "must name exactly the parameters of " + strategy.name()
                    + ": " + strategy.defaultSpace().names() + ", got " + space.names()));
        }
        if (method == SearchMethod.GRID) {
            if (!space.isGrid()) {
                problems.add(new FieldProblem("optimization.parameterSpace", "grid search needs a list of values for every parameter"));
            } else if (space.gridSize() > MAX_GRID_TRIALS) {
                problems.add(new FieldProblem("optimization.parameterSpace", "the grid has " + space.gridSize()
                        + " combinations, more than " + MAX_GRID_TRIALS + "; use random, sobol, bayesian or cmaes search"));
            }
        }
    }

    private static void checkValidation(List<FieldProblem> problems, TrainingRequested.Validation v) {
        if (v == null) {
            return;
        }
        if (v.method() == null || !VALIDATION_METHODS.contains(v.method())) {
            problems.add(new FieldProblem("validation.method", "must be one of " + VALIDATION_METHODS.stream().sorted().toList()));
        }
        if (v.trainRatio() != null && !(v.trainRatio() > 0 && v.trainRatio() < 1)) {
            problems.add(new FieldProblem("validation.trainRatio", "must be a fraction strictly between 0 and 1, e.g. 0.7"));
        }
        requireAtLeastOneDay(problems, "validation.trainPeriodDays", v.trainPeriodDays());
        requireAtLeastOneDay(problems, "validation.testPeriodDays", v.testPeriodDays());
        if (v.gapPeriodDays() != null && v.gapPeriodDays() < 0) {
            problems.add(new FieldProblem("validation.gapPeriodDays", "must not be negative"));
        }
    }

    private static void requireAtLeastOneDay(List<FieldProblem> problems, String field, Integer days) {
        if (days != null && days < 1) {
            problems.add(new FieldProblem(field, "must be at least 1 day"));
        }
    }

    private static void requireNonEmpty(List<FieldProblem> problems, String field, List<String> values) {
        if (values == null || values.isEmpty()) {
            problems.add(new FieldProblem(field, "must name at least one"));
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static boolean fraction(double v) {
        return v >= 0 && v < 1;
    }
}
