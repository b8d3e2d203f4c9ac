package dev.trainer.cli;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.trainer.contracts.serde.EventJson;
import dev.trainer.domain.backtest.BacktestSettings;
import dev.trainer.domain.backtest.Backtester;
import dev.trainer.domain.market.Candle;
import dev.trainer.domain.market.CandleCsv;
import dev.trainer.domain.market.CandleSeries;
import dev.trainer.domain.market.Timeframe;
import dev.trainer.domain.optimize.Objective;
import dev.trainer.domain.optimize.ParameterSearch;
import dev.trainer.domain.optimize.ParameterSearches;
import dev.trainer.domain.optimize.SearchMethod;
import dev.trainer.domain.optimize.SearchRun;
import dev.trainer.domain.strategy.ParameterSpace;
import dev.trainer.domain.strategy.PreparedSeries;
import dev.trainer.domain.strategy.StrategyCatalog;
import dev.trainer.domain.strategy.TradingStrategy;
import dev.trainer.training.TrainingRequests;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code bin/trainer optimize --candles FILE --strategy NAME --method grid|random|sobol|bayesian|cmaes [--space FILE]
 * [--samples N] [--iterations N] [--objective NAME] [--min-trades N] [--seed S] [--threads N] [--fee F]
 * [--slippage S] [--timeframe TF] [--json]}: a parameter search on a CSV of candles, offline, with the same
 * algorithms as the optimizer service. Progress goes to standard error; the result to standard output.
 */
public final class OptimizeCommand {

    static final int DEFAULT_SAMPLES = 1_000;
    static final int DEFAULT_BAYESIAN_ITERATIONS = 100;
    static final int DEFAULT_CMAES_ITERATIONS = 500;
    static final long DEFAULT_SEED = 42;
    static final String USAGE = "usage: bin/trainer optimize --candles FILE --strategy NAME --method grid|random|sobol|bayesian|cmaes"
            + " [--space FILE] [--samples N] [--iterations N] [--objective NAME] [--min-trades N] [--seed S] [--threads N]"
            + " [--fee F] [--slippage S] [--timeframe TF] [--json]";

    private final PrintStream out;
    private final PrintStream err;

    public OptimizeCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public int run(List<String> args) {
        Options o;
        try {
            o = Options.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("optimize: " + e.getMessage());
            err.println(USAGE);
            err.println("strategies: " + StrategyCatalog.names());
            return BacktestCommand.USAGE;
        }
        List<Candle> candles;
        ParameterSpace space;
        try {
            candles = CandleInput.read(o.candles);
            space = o.space == null ? null : readSpace(o.space);
        } catch (CandleInput.Unusable e) {
            err.println("optimize: " + e.getMessage());
            return BacktestCommand.BAD_DATA;
        }
        try {
            TradingStrategy strategy = StrategyCatalog.get(o.strategy);
            // the strategy's parameter order, whatever the file's: the same space always gives the same trials
            space = space == null ? strategy.defaultSpace() : space.inOrder(strategy.defaultSpace().names());
            Integer samples = o.samples, iterations = o.iterations;
            if (samples == null && (o.method == SearchMethod.RANDOM || o.method == SearchMethod.SOBOL)) {
                samples = DEFAULT_SAMPLES;
            }
            if (iterations == null && o.method.adaptive()) {
                iterations = o.method == SearchMethod.BAYESIAN ? DEFAULT_BAYESIAN_ITERATIONS : DEFAULT_CMAES_ITERATIONS;
            }
            ParameterSearch search = ParameterSearches.create(o.method, strategy, space, samples, iterations, o.seed,
                    TrainingRequests.BAYESIAN_ROUND_SIZE);
            Timeframe timeframe = o.timeframe != null ? Timeframe.parse(o.timeframe) : CandleCsv.inferTimeframe(candles);
            BacktestSettings settings = BacktestSettings.defaults().withFeePerSide(o.fee).withSlippagePerSide(o.slippage);
            PreparedSeries prepared = strategy.prepare(CandleSeries.of(timeframe, candles));
            int budget = search.budget();
            SearchRun.Outcome outcome = SearchRun.run(search, prepared, strategy, settings, o.objective, o.minTrades,
                    o.threads, done -> err.printf(Locale.ROOT, "optimize: %d of at most %d trials%n", done, budget));
            Map<String, Object> report = new LinkedHashMap<>();
            report.put("strategy", strategy.name());
            report.put("method", o.method.label());
            report.put("objective", o.objective.label());
            report.put("min_trades", o.minTrades);
            report.put("seed", o.seed);
            report.put("candle_count", candles.size());
            report.put("timeframe", timeframe.label());
            report.put("best_params", outcome.bestParameters() == null ? null : outcome.bestParameters().asMap());
            report.put("best_score", Double.isFinite(outcome.bestScore()) ? outcome.bestScore() : null);
            if (outcome.bestParameters() == null) {
                report.put("best_score_undefined_reason", "no trial had a defined " + o.objective.label() + " with at least "
                        + o.minTrades + " trades");
            } else {
                report.put("best_metrics", new Backtester().metrics(prepared, strategy, outcome.bestParameters(), settings)
                        .toJsonLike());
            }
            report.put("trials", outcome.trials());
            report.put("elapsed_ms", outcome.elapsedMs());
            report.put("backtests_per_second", Math.round(outcome.backtestsPerSecond()));
            if (o.json) {
                out.println(EventJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(report));
            } else {
                out.printf(Locale.ROOT, "%s, %s search for %s (min %d trades), seed %d, on %d candles of %s:%n", strategy.name(),
                        o.method.label(), o.objective.label(), o.minTrades, o.seed, candles.size(), timeframe.label());
                out.printf(Locale.ROOT, "  best parameters  %s%n", report.get("best_params"));
                out.printf(Locale.ROOT, "  best score       %s%n", report.getOrDefault("best_score_undefined_reason",
                        report.get("best_score")));
                out.printf(Locale.ROOT, "  trials           %d in %d ms (%d backtests per second)%n", outcome.trials(),
                        outcome.elapsedMs(), Math.round(outcome.backtestsPerSecond()));
            }
            return BacktestCommand.OK;
        } catch (IllegalArgumentException e) {
            err.println("optimize: " + e.getMessage());
            return BacktestCommand.USAGE;
        } catch (IOException e) {
            err.println("optimize: " + e.getMessage());
            return BacktestCommand.BAD_DATA;
        }
    }

    private static ParameterSpace readSpace(Path file) throws CandleInput.Unusable {
        try {
            Map<String, Object> json = EventJson.mapper().readValue(Files.readString(file), new TypeReference<>() { });
            return ParameterSpace.fromJsonLike(json);
        } catch (NoSuchFileException e) {
            throw new CandleInput.Unusable("no such file: " + file);
        } catch (IOException e) {
            throw new CandleInput.Unusable(file + " is not a JSON object of parameter -> values or {min, max, type}: "
                    + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new CandleInput.Unusable(file + ": " + e.getMessage());
        }
    }

    private record Options(Path candles, String strategy, SearchMethod method, Path space, Integer samples,
            Integer iterations, Objective objective, int minTrades, long seed, int threads, double fee, double slippage,
            String timeframe, boolean json) {

        static Options parse(List<String> args) {
            Path candles = null, space = null;
            String strategy = null, timeframe = null;
            SearchMethod method = null;
            Integer samples = null, iterations = null;
            Objective objective = Objective.NET_PROFIT;
            int minTrades = 1;
            long seed = DEFAULT_SEED;
            int threads = Runtime.getRuntime().availableProcessors();
            double fee = BacktestSettings.DEFAULT_FEE_PER_SIDE, slippage = BacktestSettings.DEFAULT_SLIPPAGE_PER_SIDE;
            boolean json = false;
            for (int i = 0; i < args.size(); i++) {
                String arg = args.get(i);
                switch (arg) {
                    case "--json" -> json = true;
                    case "--candles" -> candles = Path.of(CommandOptions.value(args, ++i, arg));
                    case "--strategy" -> strategy = CommandOptions.value(args, ++i, arg);
                    case "--method" -> method = SearchMethod.parse(CommandOptions.value(args, ++i, arg));
                    case "--space" -> space = Path.of(CommandOptions.value(args, ++i, arg));
                    case "--samples" -> samples = CommandOptions.positiveInt(CommandOptions.value(args, ++i, arg), arg);
                    case "--iterations" -> iterations = CommandOptions.positiveInt(CommandOptions.value(args, ++i, arg), arg);
                    case "--objective" -> objective = Objective.parse(CommandOptions.value(args, ++i, arg));
                    case "--min-trades" -> minTrades = (int) CommandOptions.wholeNumber(CommandOptions.value(args, ++i, arg), arg);
                    case "--seed" -> seed = CommandOptions.wholeNumber(CommandOptions.value(args, ++i, arg), arg);
                    case "--threads" -> threads = CommandOptions.positiveInt(CommandOptions.value(args, ++i, arg), arg);
                    case "--fee" -> fee = CommandOptions.fractionPerSide(CommandOptions.value(args, ++i, arg), arg);
                    case "--slippage" -> slippage = CommandOptions.fractionPerSide(CommandOptions.value(args, ++i, arg), arg);
                    case "--timeframe" -> timeframe = CommandOptions.value(args, ++i, arg);
                    default -> throw new IllegalArgumentException("unknown option " + arg);
                }
            }
            if (candles == null || strategy == null || method == null) {
                throw new IllegalArgumentException("--candles, --strategy and --method are required");
            }
            if (minTrades < 0) {
                throw new IllegalArgumentException("--min-trades must not be negative");
            }
            return new Options(candles, strategy, method, space, samples, iterations, objective, minTrades, seed, threads, fee,
                    slippage, timeframe, json);
        }
    }
}
