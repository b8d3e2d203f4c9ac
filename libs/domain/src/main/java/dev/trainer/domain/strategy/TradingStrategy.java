package dev.trainer.domain.strategy;

import dev.trainer.domain.market.CandleSeries;

/**
 * A parameterised trading strategy. Implementations are stateless and thread-safe: all per-series state lives in
 * the {@link PreparedSeries}, all per-trial state in the {@link ParameterSet}.
 *
 * <p>The contract that keeps backtests honest: {@link #signals} may decide at bar i using only candles 0..i (and
 * indicators computed from them). The lookahead tests check this for every strategy by comparing signals on a
 * truncated series with signals on the full series.
 */
public interface TradingStrategy {

    /** Catalog name, e.g. "SMA_CROSSOVER". */
    String name();

    /** One paragraph: the entry and exit rules in words. */
    String description();

    /** The space optimisers search when the caller gives none. */
    ParameterSpace defaultSpace();

    /**
     * Checks that the set has every parameter this strategy reads, with admissible values; throws
     * IllegalArgumentException naming the bad parameter (e.g. "fast (50) must be < slow (40)").
     */
    void validate(ParameterSet p);

    /** Wraps the series so that indicators computed for one parameter set are reused by all others. */
    default PreparedSeries prepare(CandleSeries series) {
        return PreparedSeries.of(series);
    }

    /** The strategy's decisions for one (already validated) parameter set over the prepared series. */
    SignalSet signals(PreparedSeries prepared, ParameterSet p);
}
