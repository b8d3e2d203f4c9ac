package dev.trainer.domain.backtest;

import dev.trainer.domain.market.CandleSeries;
import dev.trainer.domain.strategy.ParameterSet;
import dev.trainer.domain.strategy.PreparedSeries;
import dev.trainer.domain.strategy.SignalSet;
import dev.trainer.domain.strategy.TradingStrategy;

import java.util.Objects;

/**
 * Runs a strategy with one parameter set over a series. Stateless and thread-safe.
 *
 * <p>For many parameter sets over the same series, prepare the series once ({@link TradingStrategy#prepare}) and
 * call {@link #run(PreparedSeries, TradingStrategy, ParameterSet, BacktestSettings)} or, when only the numbers
 * matter, {@link #metrics}: indicators are then computed once and shared (see also
 * {@link dev.trainer.domain.optimize.BatchBacktester} for all cores).
 */
public final class Backtester {

    public BacktestResult run(CandleSeries series, TradingStrategy strategy, ParameterSet parameters,
            BacktestSettings settings) {
        return run(strategy.prepare(series), strategy, parameters, settings);
    }

    /** Full result (trades and daily returns) reusing a prepared series. */
    public BacktestResult run(PreparedSeries prepared, TradingStrategy strategy, ParameterSet parameters,
            BacktestSettings settings) {
        Simulation sim = simulate(prepared, strategy, parameters, settings, true);
        return sim.result();
    }

    /** Metrics only: no trade objects, no daily arrays. The fast path for optimisers. */
    public Metrics metrics(PreparedSeries prepared, TradingStrategy strategy, ParameterSet parameters,
            BacktestSettings settings) {
        return simulate(prepared, strategy, parameters, settings, false).metrics();
    }

    /** Runs given signals (e.g. from a strategy not in the catalog, or a test) with full details. */
    public BacktestResult run(PreparedSeries prepared, SignalSet signals, BacktestSettings settings) {
        Simulation sim = new Simulation(prepared, settings, true);
        sim.run(signals);
        return sim.result();
    }

    private static Simulation simulate(PreparedSeries prepared, TradingStrategy strategy, ParameterSet parameters,
            BacktestSettings settings, boolean details) {
        Objects.requireNonNull(settings, "settings");
        strategy.validate(parameters);
        SignalSet signals = strategy.signals(prepared, parameters);
        Simulation sim = new Simulation(prepared, settings, details);
        sim.run(signals);
        return sim;
    }
}
