package dev.trainer.domain.backtest;

import java.util.Objects;

/**
 * Costs, sizing and exit policy of a backtest. All rates are fractions (0.001 = 0.1 %), never percent.
 *
 * @param feePerSide           fee charged on the notional of every fill (entry and exit)
 * @param slippagePerSide      adverse price move applied to every fill: buys fill at price * (1 + s), sells at
 *                             price * (1 - s)
 * @param riskFractionPerTrade fraction of equity lost if a stop is hit (before fees and slippage); used only when the
 *                             strategy sets a stop
 * @param initialEquity        starting equity in quote currency
 * @param maxHoldingBars       close a position after it has been held this many bars (0 = no limit)
 * @param ambiguousBarPolicy   which of stop and target fills when one bar's range contains both
 */
public record BacktestSettings(double feePerSide, double slippagePerSide, double riskFractionPerTrade,
        double initialEquity, int maxHoldingBars, AmbiguousBarPolicy ambiguousBarPolicy) {

    public static final double DEFAULT_FEE_PER_SIDE = 0.001;
    public static final double DEFAULT_SLIPPAGE_PER_SIDE = 0.0005;
    public static final double DEFAULT_RISK_FRACTION_PER_TRADE = 0.01;
    public static final double DEFAULT_INITIAL_EQUITY = 10_000;

    public BacktestSettings {
        Objects.requireNonNull(ambiguousBarPolicy, "ambiguousBarPolicy");
        if (!(feePerSide >= 0 && feePerSide < 1)) {
            throw new IllegalArgumentException("feePerSide must be a fraction in [0, 1), was " + feePerSide);
        }
        if (!(slippagePerSide >= 0 && slippagePerSide < 1)) {
            throw new IllegalArgumentException("slippagePerSide must be a fraction in [0, 1), was " + slippagePerSide);
        }
        if (!(riskFractionPerTrade > 0 && riskFractionPerTrade <= 1)) {
            throw new IllegalArgumentException("riskFractionPerTrade must be a fraction in (0, 1], was "
                    + riskFractionPerTrade);
        }
        if (!(initialEquity > 0 && Double.isFinite(initialEquity))) {
            throw new IllegalArgumentException("initialEquity must be > 0, was " + initialEquity);
        }
        if (maxHoldingBars < 0) {
            throw new IllegalArgumentException("maxHoldingBars must be >= 0 (0 = no limit), was " + maxHoldingBars);
        }
    }

    /** Fee 0.1 %, slippage 0.05 % per side, 1 % risk per trade, 10,000 equity, no holding limit, stop first. */
    public static BacktestSettings defaults() {
        return new BacktestSettings(DEFAULT_FEE_PER_SIDE, DEFAULT_SLIPPAGE_PER_SIDE, DEFAULT_RISK_FRACTION_PER_TRADE,
                DEFAULT_INITIAL_EQUITY, 0, AmbiguousBarPolicy.STOP_FIRST);
    }

    /** Defaults without fees and slippage (comparisons with other engines, tests). */
    public static BacktestSettings zeroCost() {
        return defaults().withFeePerSide(0).withSlippagePerSide(0);
    }

    public BacktestSettings withFeePerSide(double v) {
        return new BacktestSettings(v, slippagePerSide, riskFractionPerTrade, initialEquity, maxHoldingBars,
                ambiguousBarPolicy);
    }

    public BacktestSettings withSlippagePerSide(double v) {
        return new BacktestSettings(feePerSide, v, riskFractionPerTrade, initialEquity, maxHoldingBars,
                ambiguousBarPolicy);
    }

    public BacktestSettings withRiskFractionPerTrade(double v) {
        return new BacktestSettings(feePerSide, slippagePerSide, v, initialEquity, maxHoldingBars, ambiguousBarPolicy);
    }

    public BacktestSettings withInitialEquity(double v) {
        return new BacktestSettings(feePerSide, slippagePerSide, riskFractionPerTrade, v, maxHoldingBars,
                ambiguousBarPolicy);
    }

    public BacktestSettings withMaxHoldingBars(int v) {
        return new BacktestSettings(feePerSide, slippagePerSide, riskFractionPerTrade, initialEquity, v,
                ambiguousBarPolicy);
    }

    public BacktestSettings withAmbiguousBarPolicy(AmbiguousBarPolicy v) {
        return new BacktestSettings(feePerSide, slippagePerSide, riskFractionPerTrade, initialEquity, maxHoldingBars,
                v);
    }
}
