package dev.trainer.cli;

import dev.trainer.contracts.serde.EventJson;
import dev.trainer.domain.backtest.MetricValue;
import dev.trainer.domain.stats.BacktestOverfitting;
import dev.trainer.domain.stats.CscvMetric;
import dev.trainer.domain.stats.DeflatedSharpe;
import dev.trainer.domain.stats.MinimumTrackRecordLength;
import dev.trainer.domain.stats.OverfittingEstimate;
import dev.trainer.domain.stats.ProbabilisticSharpe;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code bin/trainer stats psr|dsr|mintrl|pbo ...}: the significance statistics of {@code dev.trainer.domain.stats}
 * for researchers, offline, from summary numbers (or, for PBO, a CSV of the trials' per-period returns). Prints the
 * number, or with {@code --json} one object with the inputs and the result. Exit 0 with a number; 1 when the inputs
 * are well formed but give no number (an unreadable CSV, too few periods, MinTRL with SR ≤ SR0); 2 for bad arguments.
 */
public final class StatsCommand {

    static final String USAGE = """
            usage: bin/trainer stats psr --sharpe SR --observations T --skew S --kurtosis K [--benchmark SR0] [--json]
                   bin/trainer stats dsr --sharpe SR --observations T --skew S --kurtosis K --trials N --trial-sharpe-variance V [--json]
                   bin/trainer stats mintrl --sharpe SR --skew S --kurtosis K [--benchmark SR0] [--confidence 0.95] [--json]
                   bin/trainer stats pbo --returns FILE.csv [--partitions 16] [--metric sharpe|mean] [--json]
            Sharpe ratios and their variance are per period (per day for daily returns), not annualised; kurtosis is raw
            (3 for a normal distribution). The pbo CSV: a header of trial names, then one row per period (oldest first),
            one column per trial. See docs/STATISTICS.md.""";

    private static final Map<String, Set<String>> OPTIONS = Map.of(
            "psr", Set.of("--sharpe", "--observations", "--skew", "--kurtosis", "--benchmark"),
            "dsr", Set.of("--sharpe", "--observations", "--skew", "--kurtosis", "--trials", "--trial-sharpe-variance"),
            "mintrl", Set.of("--sharpe", "--skew", "--kurtosis", "--benchmark", "--confidence"),
            "pbo", Set.of("--returns", "--partitions", "--metric"));

    private final PrintStream out;
    private final PrintStream err;

    public StatsCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public int run(List<String> args) {
        String statistic = args.isEmpty() ? "" : args.get(0);
        if (statistic.equals("help") || statistic.equals("--help") || statistic.equals("-h")) {
            out.println(USAGE);
            return BacktestCommand.OK;
        }
        Options o;
        Report report;
        try {
            if (!OPTIONS.containsKey(statistic)) {
                throw new IllegalArgumentException(statistic.isEmpty() ? "which statistic? psr, dsr, mintrl or pbo"
                        : "unknown statistic " + statistic + "; psr, dsr, mintrl or pbo");
            }
            o = Options.parse(statistic, args.subList(1, args.size()));
            report = switch (statistic) {
                case "psr" -> psr(o);
                case "dsr" -> dsr(o);
                case "mintrl" -> minTrl(o);
                default -> null;
            };
        } catch (IllegalArgumentException e) {
            return usage(e.getMessage());
        }
        return report != null ? print(o, report) : pbo(o);
    }

    /** The inputs and the result of one statistic, in output order; {@code resultKey} names the result. */
    private record Report(Map<String, Object> fields, String resultKey) {

        static Report of(String statistic, String resultKey) {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("statistic", statistic);
            return new Report(fields, resultKey);
        }

        Report with(String key, Object value) {
            fields.put(key, value);
            return this;
        }

        /** The result, or null and {@code key_undefined_reason} as the backtest metrics do. */
        Report result(MetricValue value) {
            fields.put(resultKey, value.isDefined() ? value.value() : null);
            if (!value.isDefined()) {
                fields.put(resultKey + "_undefined_reason", value.undefinedReason());
            }
            return this;
        }

        Report also(String key, MetricValue value) {
            fields.put(key, value.isDefined() ? value.value() : null);
            return this;
        }
    }

    private static Report psr(Options o) {
        double sharpe = o.number("--sharpe"), benchmark = o.number("--benchmark", 0);
        long observations = o.whole("--observations");
        double skew = o.number("--skew"), kurtosis = o.number("--kurtosis");
        MetricValue psr = ProbabilisticSharpe.probability(sharpe, benchmark, observations, skew, kurtosis);
        return Report.of("psr", "psr").with("sharpe_per_period", sharpe).with("benchmark_sharpe_per_period", benchmark)
                .with("observations", observations).with("skewness", skew).with("kurtosis_raw", kurtosis).result(psr);
    }

    private static Report dsr(Options o) {
        double sharpe = o.number("--sharpe");
        long observations = o.whole("--observations");
        double skew = o.number("--skew"), kurtosis = o.number("--kurtosis");
        long trials = o.whole("--trials");
        double variance = o.number("--trial-sharpe-variance");
        double benchmark = DeflatedSharpe.expectedMaximumSharpe(trials, variance);
        MetricValue dsr = DeflatedSharpe.probability(sharpe, observations, skew, kurtosis, trials, variance);
        return Report.of("dsr", "dsr").with("sharpe_per_period", sharpe).with("observations", observations)
                .with("skewness", skew).with("kurtosis_raw", kurtosis).with("trials", trials)
                .with("trial_sharpe_variance_per_period", variance).with("expected_max_sharpe_per_period", benchmark)
                .result(dsr);
    }

    private static Report minTrl(Options o) {
        double sharpe = o.number("--sharpe"), benchmark = o.number("--benchmark", 0);
        double skew = o.number("--skew"), kurtosis = o.number("--kurtosis");
        double confidence = o.number("--confidence", MinimumTrackRecordLength.DEFAULT_CONFIDENCE);
        MetricValue minTrl = MinimumTrackRecordLength.observations(sharpe, benchmark, skew, kurtosis, confidence);
        return Report.of("mintrl", "min_trl_observations").with("sharpe_per_period", sharpe)
                .with("benchmark_sharpe_per_period", benchmark).with("skewness", skew).with("kurtosis_raw", kurtosis)
                .with("confidence", confidence).result(minTrl);
    }

    private int pbo(Options o) {
        Path file;
        int partitions;
        CscvMetric metric;
        try {
            file = Path.of(o.text("--returns"));
            partitions = o.has("--partitions") ? CommandOptions.positiveInt(o.text("--partitions"), "--partitions")
                    : BacktestOverfitting.DEFAULT_PARTITIONS;
            if (partitions % 2 != 0 || partitions < 2 || partitions > BacktestOverfitting.MAX_PARTITIONS) {
                throw new IllegalArgumentException("--partitions must be even and from 2 to "
                        + BacktestOverfitting.MAX_PARTITIONS + ", got " + partitions);
            }
            metric = o.has("--metric") ? CscvMetric.parse(o.text("--metric")) : CscvMetric.SHARPE;
        } catch (IllegalArgumentException e) {
            return usage(e.getMessage());
        }
        ReturnsCsv.Table table;
        try {
            table = ReturnsCsv.read(file);
        } catch (ReturnsCsv.Unusable e) {
            err.println("stats pbo: " + e.getMessage());
            return BacktestCommand.BAD_DATA;
        }
        OverfittingEstimate e = BacktestOverfitting.estimate(table.returnsByPeriod(), partitions, metric);
        return print(o, Report.of("pbo", "pbo").with("returns_file", file.toString()).with("metric", metric.label())
                .with("partitions", partitions).with("trials", e.trials())
                .with("periods", e.periods()).with("periods_used", e.periodsUsed())
                .with("periods_dropped_at_start", e.periodsDroppedAtStart()).with("combinations", e.logitCount())
                .result(e.probability()).also("logit_mean", e.logitMean()));
    }

    /** The result alone, or the whole report with {@code --json}; exit 1 when the result is undefined. */
    private int print(Options o, Report report) {
        Object value = report.fields().get(report.resultKey());
        if (o.json) {
            try {
                out.println(EventJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(report.fields()));
            } catch (IOException e) {
                err.println("stats: " + e.getMessage());
                return BacktestCommand.BAD_DATA;
            }
        } else {
            out.println(value != null ? value : "undefined: " + report.fields().get(report.resultKey() + "_undefined_reason"));
        }
        return value != null ? BacktestCommand.OK : BacktestCommand.BAD_DATA;
    }

    private int usage(String message) {
        err.println("stats: " + message);
        err.println(USAGE);
        return BacktestCommand.USAGE;
    }

    /** The options after the statistic's name: each known option once with its value, and {@code --json}. */
    private record Options(String statistic, Map<String, String> values, boolean json) {

        static Options parse(String statistic, List<String> args) {
            Set<String> allowed = OPTIONS.get(statistic);
            Map<String, String> values = new HashMap<>();
            boolean json = false;
            for (int i = 0; i < args.size(); i++) {
                String arg = args.get(i);
                if (arg.equals("--json")) {
                    json = true;
                } else if (allowed.contains(arg)) {
                    if (values.put(arg, CommandOptions.value(args, ++i, arg)) != null) {
                        throw new IllegalArgumentException(arg + " is given twice");
                    }
                } else {
                    throw new IllegalArgumentException("unknown option " + arg + " for " + statistic);
                }
            }
            return new Options(statistic, values, json);
        }

        boolean has(String option) {
            return values.containsKey(option);
        }

        String text(String option) {
            String v = values.get(option);
            if (v == null) {
                throw new IllegalArgumentException(statistic + " needs " + option);
            }
            return v;
        }

        double number(String option) {
            return CommandOptions.number(text(option), option);
        }

        double number(String option, double fallback) {
            return has(option) ? number(option) : fallback;
        }

        long whole(String option) {
            return CommandOptions.wholeNumber(text(option), option);
        }
    }
}
