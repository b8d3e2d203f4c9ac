package dev.trainer.cli;

import dev.trainer.contracts.serde.EventJson;
import dev.trainer.domain.backtest.BacktestResult;
import dev.trainer.domain.backtest.BacktestSettings;
import dev.trainer.domain.backtest.Backtester;
import dev.trainer.domain.backtest.Trade;
import dev.trainer.domain.market.Candle;
import dev.trainer.domain.market.CandleCsv;
import dev.trainer.domain.market.CandleSeries;
import dev.trainer.domain.market.Timeframe;
import dev.trainer.domain.strategy.ParameterSet;
import dev.trainer.domain.strategy.ParameterSpace;
import dev.trainer.domain.strategy.StrategyCatalog;
import dev.trainer.domain.strategy.TradingStrategy;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code bin/trainer backtest --candles FILE --strategy NAME [--param NAME=VALUE ...] [--fee F] [--slippage S]
 * [--timeframe TF] [--json]}: one backtest of the domain engine on a CSV of candles, as given (no cleaning). A
 * parameter left out takes the middle value of the strategy's default space; the output says which were used.
 */
public final class BacktestCommand {

    static final int OK = 0;
    static final int BAD_DATA = 1;
    static final int USAGE = 2;

    private final PrintStream out;
    private final PrintStream err;

    public BacktestCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public int run(List<String> args) {
        Options o;
        try {
            o = Options.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("backtest: " + e.getMessage());
            err.println("usage: bin/trainer backtest --candles FILE --strategy NAME [--param NAME=VALUE ...] [--fee F]"
                    + " [--slippage S] [--timeframe TF] [--json]");
            err.println("strategies: " + StrategyCatalog.names());
            return USAGE;
        }
        List<Candle> candles;
        try {
            candles = CandleInput.read(o.candles);
        } catch (CandleInput.Unusable e) {
            err.println("backtest: " + e.getMessage());
            return BAD_DATA;
        }
        try {
            Timeframe timeframe = o.timeframe != null ? Timeframe.parse(o.timeframe) : CandleCsv.inferTimeframe(candles);
            TradingStrategy strategy = StrategyCatalog.get(o.strategy);
            ParameterSet parameters = parameters(strategy, o.params);
            strategy.validate(parameters);
            BacktestSettings settings = BacktestSettings.defaults().withFeePerSide(o.fee).withSlippagePerSide(o.slippage);
            BacktestResult result = new Backtester().run(CandleSeries.of(timeframe, candles), strategy, parameters, settings);
            Map<String, Object> report = report(o, strategy, parameters, timeframe, candles.size(), settings, result);
            if (o.json) {
                out.println(EventJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(report));
            } else {
                printText(report, result.trades());
            }
            return OK;
        } catch (IllegalArgumentException e) {
            err.println("backtest: " + e.getMessage());
            return USAGE;
        } catch (IOException e) {
            err.println("backtest: " + e.getMessage());
            return BAD_DATA;
        }
    }

    /** The given parameters, and for each one left out the middle value of the default space. */
    static ParameterSet parameters(TradingStrategy strategy, Map<String, Double> given) {
        ParameterSpace space = strategy.defaultSpace();
        for (String name : given.keySet()) {
            if (!space.names().contains(name)) {
                throw new IllegalArgumentException(strategy.name() + " has no parameter " + name + "; it has " + space.names());
            }
        }
        Map<String, Double> values = new LinkedHashMap<>();
        for (ParameterSpace.Dimension d : space.dimensions()) {
            Double value = given.get(d.name());
            if (value == null) {
                value = switch (d) {
                    case ParameterSpace.ValueList list -> list.values().get((list.values().size() - 1) / 2);
                    case ParameterSpace.Range range -> range.type() == ParameterSpace.RangeType.INT
                            ? Math.floor((range.min() + range.max()) / 2) : (range.min() + range.max()) / 2;
                };
            }
            values.put(d.name(), value);
        }
        return ParameterSet.of(values);
    }

    private static Map<String, Object> report(Options o, TradingStrategy strategy, ParameterSet parameters, Timeframe timeframe,
            int candleCount, BacktestSettings settings, BacktestResult result) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("candles_file", o.candles.toString());
        report.put("candle_count", candleCount);
        report.put("timeframe", timeframe.label());
        report.put("strategy", strategy.name());
        report.put("parameters", parameters.asMap());
        report.put("fee_per_side_fraction", settings.feePerSide());
        report.put("slippage_per_side_fraction", settings.slippagePerSide());
        report.put("metrics", result.metrics().toJsonLike());
        List<Map<String, Object>> trades = new ArrayList<>();
        for (Trade t : result.trades()) {
            Map<String, Object> trade = new LinkedHashMap<>();
            trade.put("side", t.side().name());
            trade.put("entry_time", t.entryTimeMs());
            trade.put("entry_price", t.entryPrice());
            trade.put("exit_time", t.exitTimeMs());
            trade.put("exit_price", t.exitPrice());
            trade.put("exit_reason", t.exitReason().name());
            trade.put("pnl", t.pnl());
            trades.add(trade);
        }
        report.put("trades", trades);
        return report;
    }

    @SuppressWarnings("unchecked")
    private void printText(Map<String, Object> report, List<Trade> trades) {
        out.printf("%s on %s (%s candles of %s), parameters %s, fee %s and slippage %s per side%n", report.get("strategy"),
                report.get("candles_file"), report.get("candle_count"), report.get("timeframe"), report.get("parameters"),
                report.get("fee_per_side_fraction"), report.get("slippage_per_side_fraction"));
        out.println();
        out.println("metrics (fractions are fractions: 0.01 = 1 %):");
        Map<String, Object> metrics = (Map<String, Object>) report.get("metrics");
        metrics.forEach((name, value) -> {
            if (!name.endsWith("_undefined_reason")) {
                Object reason = metrics.get(name + "_undefined_reason");
                out.printf("  %-28s %s%n", name, value == null && reason != null ? "undefined: " + reason : value);
            }
        });
        out.println();
        out.printf("trades (%d; times are bar open times, UTC; prices after slippage; pnl in quote currency after fees):%n",
                trades.size());
        out.printf("  %-5s %-20s %12s %-20s %12s %-12s %12s%n", "side", "entry time", "entry price", "exit time", "exit price",
                "exit reason", "pnl");
        for (Trade t : trades) {
            out.printf(Locale.ROOT, "  %-5s %-20s %12.4f %-20s %12.4f %-12s %12.4f%n", t.side(), Instant.ofEpochMilli(t.entryTimeMs()),
                    t.entryPrice(), Instant.ofEpochMilli(t.exitTimeMs()), t.exitPrice(), t.exitReason(), t.pnl());
        }
    }

    private record Options(Path candles, String strategy, Map<String, Double> params, double fee, double slippage,
            String timeframe, boolean json) {

        static Options parse(List<String> args) {
            Path candles = null;
            String strategy = null;
            String timeframe = null;
            Map<String, Double> params = new LinkedHashMap<>();
            double fee = BacktestSettings.DEFAULT_FEE_PER_SIDE;
            double slippage = BacktestSettings.DEFAULT_SLIPPAGE_PER_SIDE;
            boolean json = false;
            for (int i = 0; i < args.size(); i++) {
                String arg = args.get(i);
                switch (arg) {
                    case "--json" -> json = true;
                    case "--candles" -> candles = Path.of(CommandOptions.value(args, ++i, arg));
                    case "--strategy" -> strategy = CommandOptions.value(args, ++i, arg);
                    case "--timeframe" -> timeframe = CommandOptions.value(args, ++i, arg);
                    case "--fee" -> fee = CommandOptions.fractionPerSide(CommandOptions.value(args, ++i, arg), arg);
                    case "--slippage" -> slippage = CommandOptions.fractionPerSide(CommandOptions.value(args, ++i, arg), arg);
                    case "--param" -> {
                        String p = CommandOptions.value(args, ++i, arg);
                        int eq = p.indexOf('=');
                        if (eq <= 0) {
                            throw new IllegalArgumentException("--param takes NAME=VALUE, got " + p);
                        }
                        params.put(p.substring(0, eq), CommandOptions.number(p.substring(eq + 1), "--param " + p.substring(0, eq)));
                    }
                    default -> throw new IllegalArgumentException("unknown option " + arg);
                }
            }
            if (candles == null || strategy == null) {
                throw new IllegalArgumentException("--candles and --strategy are required");
            }
            return new Options(candles, strategy, params, fee, slippage, timeframe, json);
        }
    }
}
