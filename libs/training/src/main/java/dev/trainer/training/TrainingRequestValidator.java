package dev.trainer.training;

import dev.trainer.contracts.events.TrainingRequested;
import dev.trainer.contracts.serde.TrainingRequestForms;
import dev.trainer.domain.market.Timeframe;
import dev.trainer.domain.optimize.Objective;
import dev.trainer.domain.optimize.SearchMethod;
import dev.trainer.domain.strategy.ParameterSpace;
import dev.trainer.domain.strategy.StrategyCatalog;
import dev.trainer.domain.strategy.TradingStrategy;
import dev.trainer.domain.text.QuotedText;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

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
        return problems(r, Instant.now());
    }

    /** The problems of a request received at {@code now} (explicit periods may not end far past it). */
    public static List<FieldProblem> problems(TrainingRequested r, Instant now) {
        List<FieldProblem> problems = new ArrayList<>();
        if (blank(r.jobId())) {
            problems.add(new FieldProblem("jobId", "must not be blank"));
        } else if (!r.jobId().matches(TrainingLimits.JOB_ID_PATTERN)) {
            problems.add(new FieldProblem("jobId", "must be 1 to 64 letters, digits, '.', '_', ':' or '-' (leave it out "
                    + "for a new one), was " + quoted(r.jobId())));
        }
        if (blank(r.userId())) {
            problems.add(new FieldProblem("userId", "must not be blank"));
        } else if (r.userId().length() > TrainingLimits.MAX_USER_ID_CHARS || hasControlCharacters(r.userId())) {
            problems.add(new FieldProblem("userId", "must be at most " + TrainingLimits.MAX_USER_ID_CHARS
                    + " characters without control characters, was " + quoted(r.userId())));
        }
        TradingStrategy strategy = null;
        if (blank(r.strategy())) {
            problems.add(new FieldProblem("strategy", "must be one of " + StrategyCatalog.names()));
        } else {
            try {
                strategy = StrategyCatalog.get(r.strategy());
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem("strategy", "must be one of " + StrategyCatalog.names() + ", was "
                        + quoted(r.strategy())));
            }
        }
        requireNonEmpty(problems, "pairs", r.pairs(), TrainingLimits.MAX_PAIRS);
        requireNonEmpty(problems, "exchanges", r.exchanges(), TrainingLimits.MAX_EXCHANGES);
        requireNonEmpty(problems, "timeframes", r.timeframes(), Timeframe.values().length);
        eachValue(problems, "pairs", r.pairs(), p -> p != null && p.matches(TrainingLimits.PAIR_PATTERN) ? null
                : quoted(p) + " is not written BASE/QUOTE, e.g. BTC/USDT");
        eachValue(problems, "exchanges", r.exchanges(), e -> e != null && e.matches(TrainingLimits.EXCHANGE_PATTERN) ? null
                : quoted(e) + " is not an exchange name (1 to 64 letters, digits, '.', '_' or '-')");
        eachValue(problems, "timeframes", r.timeframes(), tf -> {
            try {
                Timeframe.parse(tf);
                return null;
            } catch (IllegalArgumentException e) {
                return "Unknown timeframe " + quoted(tf) + "; accepted: "
                        + Arrays.stream(Timeframe.values()).map(Timeframe::label).collect(Collectors.joining(", "));
            }
        });
        noDuplicates(problems, "pairs", r.pairs(), Function.identity());
        noDuplicates(problems, "exchanges", r.exchanges(), Function.identity());
        noDuplicates(problems, "timeframes", r.timeframes(), tf -> Timeframe.parse(tf).label());
        if (r.pairs() != null && r.exchanges() != null && r.timeframes() != null) {
            long markets = (long) r.pairs().size() * r.exchanges().size() * r.timeframes().size();
            if (markets > TrainingLimits.MAX_MARKETS) {
                problems.add(new FieldProblem("pairs", "pairs x exchanges x timeframes is " + markets + " markets, more than "
                        + TrainingLimits.MAX_MARKETS + " in one request; split it into several jobs"));
            }
        }
        checkOptimization(problems, r.optimization(), strategy);
        checkValidation(problems, r.validation());
        if (r.historicalPeriodMonths() <= 0 && r.periodFrom() == null) {
            problems.add(new FieldProblem("historicalPeriodMonths", "must be at least 1 when periodFrom is not given"));
        }
        if (r.historicalPeriodMonths() > TrainingLimits.MAX_HISTORICAL_PERIOD_MONTHS) {
            problems.add(new FieldProblem("historicalPeriodMonths", "must be at most "
                    + TrainingLimits.MAX_HISTORICAL_PERIOD_MONTHS + ", was " + r.historicalPeriodMonths()));
        }
        Instant latest = now.plusSeconds(TrainingLimits.FUTURE_TOLERANCE_SECONDS);
        requireInRange(problems, "periodFrom", r.periodFrom(), latest);
        requireInRange(problems, "periodUntil", r.periodUntil(), latest);
        if (r.periodFrom() != null && r.periodUntil() != null && !r.periodFrom().isBefore(r.periodUntil())) {
            problems.add(new FieldProblem("periodFrom", "must be before periodUntil"));
        }
        if (r.maxRuntimeSeconds() != null
                && (r.maxRuntimeSeconds() <= 0 || r.maxRuntimeSeconds() > TrainingLimits.MAX_RUNTIME_SECONDS)) {
            problems.add(new FieldProblem("maxRuntimeSeconds", "must be from 1 to " + TrainingLimits.MAX_RUNTIME_SECONDS
                    + " (30 days) when given, was " + r.maxRuntimeSeconds()));
        }
        if (r.parallelWorkers() < 1 || r.parallelWorkers() > TrainingLimits.MAX_PARALLEL_WORKERS) {
            problems.add(new FieldProblem("parallelWorkers", "must be from 1 to " + TrainingLimits.MAX_PARALLEL_WORKERS
                    + ", was " + r.parallelWorkers()));
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
        if (o.samples() != null && o.samples() > TrainingLimits.MAX_SAMPLES) {
            problems.add(new FieldProblem("optimization.samples", "must be at most " + TrainingLimits.MAX_SAMPLES
                    + " per window, was " + o.samples()));
        }
        if (method != null && method.adaptive() && (o.iterations() == null || o.iterations() < 1)) {
            problems.add(new FieldProblem("optimization.iterations", method.label()
                    + " search needs iterations >= 1 (the number of backtests it may run)"));
        }
        int maxIterations = method == SearchMethod.BAYESIAN ? TrainingLimits.MAX_BAYESIAN_ITERATIONS
                : TrainingLimits.MAX_CMAES_ITERATIONS;
        if (method != null && method.adaptive() && o.iterations() != null && o.iterations() > maxIterations) {
            problems.add(new FieldProblem("optimization.iterations", method.label() + " search runs at most " + maxIterations
                    + " trials per window, was " + o.iterations()));
        }
        if (o.minTrades() > TrainingLimits.MAX_MIN_TRADES) {
            problems.add(new FieldProblem("optimization.minTrades", "must be at most " + TrainingLimits.MAX_MIN_TRADES));
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
        if (days != null && (days < 1 || days > TrainingLimits.MAX_PERIOD_DAYS)) {
            problems.add(new FieldProblem(field, "must be from 1 to " + TrainingLimits.MAX_PERIOD_DAYS + " days, was " + days));
        }
    }

    private static void requireNonEmpty(List<FieldProblem> problems, String field, List<String> values, int max) {
        if (values == null || values.isEmpty()) {
            problems.add(new FieldProblem(field, "must name at least one"));
        } else if (values.size() > max) {
            problems.add(new FieldProblem(field, "names " + values.size() + ", more than " + max + " in one request"));
        }
    }

    /** One problem per bad value, the first {@link TrainingLimits#MAX_PROBLEMS_PER_FIELD} of them, then a count. */
    private static void eachValue(List<FieldProblem> problems, String field, List<String> values,
            Function<String, String> problemOf) {
        if (values == null) {
            return;
        }
        int bad = 0;
        for (String value : values) {
            String problem = problemOf.apply(value);
            if (problem != null && ++bad <= TrainingLimits.MAX_PROBLEMS_PER_FIELD) {
                problems.add(new FieldProblem(field, problem));
            }
        }
        if (bad > TrainingLimits.MAX_PROBLEMS_PER_FIELD) {
            problems.add(new FieldProblem(field, "and " + (bad - TrainingLimits.MAX_PROBLEMS_PER_FIELD) + " more bad values"));
        }
    }

    /** A value named twice would make the same market twice (the key of its rows); {@code canonical} may throw. */
    private static void noDuplicates(List<FieldProblem> problems, String field, List<String> values,
            Function<String, String> canonical) {
        if (values == null) {
            return;
        }
        Set<String> seen = new HashSet<>();
        for (String value : values) {
            try {
                if (value != null && !seen.add(canonical.apply(value))) {
                    problems.add(new FieldProblem(field, "names " + quoted(value) + " more than once"));
                    return;
                }
            } catch (IllegalArgumentException e) {
                // a bad value: reported as such above
            }
        }
    }

    private static void requireInRange(List<FieldProblem> problems, String field, Instant at, Instant latest) {
        if (at != null && (at.isBefore(TrainingLimits.EARLIEST_INSTANT) || at.isAfter(latest))) {
            problems.add(new FieldProblem(field, "must be from " + TrainingLimits.EARLIEST_INSTANT + " to a day from now, was "
                    + at));
        }
    }

    /** A value as a message quotes it: at most 40 characters, control characters escaped (it may be anything). */
    static String quoted(String value) {
        return QuotedText.quote(value, 40);
    }

    private static boolean hasControlCharacters(String s) {
        return s.chars().anyMatch(c -> Character.isISOControl((char) c));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static boolean fraction(double v) {
        return v >= 0 && v < 1;
    }
}
