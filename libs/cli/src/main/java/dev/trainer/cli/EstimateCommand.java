package dev.trainer.cli;

import dev.trainer.contracts.events.TrainingRequested;
import dev.trainer.contracts.serde.EventJson;
import dev.trainer.contracts.serde.TrainingRequestForms;
import dev.trainer.training.TrainingEstimate;
import dev.trainer.training.TrainingRequestValidator;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code bin/trainer estimate --request FILE.json [--threads N] [--json]}: the size of a training request (the JSON
 * that {@code POST /api/training/jobs} takes, in the canonical form or the plan's TrainingConfig form) and its runtime
 * at the throughput measured here and now.
 */
public final class EstimateCommand {

    static final String USAGE = "usage: bin/trainer estimate --request FILE.json [--threads N] [--json]";

    private final PrintStream out;
    private final PrintStream err;

    public EstimateCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public int run(List<String> args) {
        Path file = null;
        boolean json = false;
        int threads = Runtime.getRuntime().availableProcessors();
        try {
            for (int i = 0; i < args.size(); i++) {
                String arg = args.get(i);
                switch (arg) {
                    case "--json" -> json = true;
                    case "--request" -> file = Path.of(CommandOptions.value(args, ++i, arg));
                    case "--threads" -> threads = CommandOptions.positiveInt(CommandOptions.value(args, ++i, arg), arg);
                    default -> throw new IllegalArgumentException("unknown option " + arg);
                }
            }
            if (file == null) {
                throw new IllegalArgumentException("--request is required");
            }
        } catch (IllegalArgumentException e) {
            err.println("estimate: " + e.getMessage());
            err.println(USAGE);
            return BacktestCommand.USAGE;
        }
        TrainingRequestForms.Read read;
        try {
            read = TrainingRequestForms.read(EventJson.mapper().readTree(Files.readString(file)), EventJson.mapper());
        } catch (NoSuchFileException e) {
            err.println("estimate: no such file: " + file);
            return BacktestCommand.BAD_DATA;
        } catch (IOException | TrainingRequestForms.FormException e) {
            err.println("estimate: " + file + " is not a training request: " + e.getMessage());
            return BacktestCommand.BAD_DATA;
        }
        TrainingRequested request = read.request();
        if (!read.ignoredFields().isEmpty()) {
            err.println("estimate: ignoring unknown field(s) " + read.ignoredFields());
        }
        List<TrainingRequestValidator.FieldProblem> problems = TrainingEstimate.problems(request);
        if (!problems.isEmpty()) {
            err.println("estimate: invalid training request: " + problems.stream()
                    .map(p -> p.in(read.form())).map(p -> p.field() + ": " + p.message()).toList());
            return BacktestCommand.USAGE;
        }
        try {
            err.println("estimate: measuring the engine's throughput on this machine...");
            TrainingEstimate estimate = TrainingEstimate.of(request, Instant.now(), threads);
            Map<String, Object> report = estimate.toJsonLike();
            if (json) {
                out.println(EventJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(report));
            } else {
                out.printf(Locale.ROOT, "%d markets x %d windows (%s, %s to %s) x %d backtests per window (%s search)%n",
                        estimate.markets(), estimate.windows(), estimate.validationMethod(), estimate.periodFrom(),
                        estimate.periodUntil(), estimate.backtestsPerWindow(), estimate.searchMethod());
                out.printf(Locale.ROOT, "= %d backtests, plus %d out-of-sample backtests%n", estimate.totalBacktests(),
                        estimate.outOfSampleBacktests());
                out.printf(Locale.ROOT, "estimated %.0f s (%s) with %d worker(s) like this machine (measured %d backtests per"
                                + " second on %d one-minute bars, %d threads)%n", estimate.estimatedSeconds(),
                        humanDuration(estimate.estimatedSeconds()), estimate.parallelWorkers(),
                        Math.round(estimate.throughput().backtestsPerSecond()), estimate.throughput().bars(),
                        estimate.throughput().threads());
            }
            return BacktestCommand.OK;
        } catch (IllegalArgumentException | IOException e) {
            err.println("estimate: " + e.getMessage());
            return BacktestCommand.USAGE;
        }
    }

    static String humanDuration(double seconds) {
        long s = Math.round(seconds);
        return s < 120 ? s + " s" : s < 7200 ? (s / 60) + " min " + (s % 60) + " s" : (s / 3600) + " h " + (s % 3600 / 60) + " min";
    }
}
