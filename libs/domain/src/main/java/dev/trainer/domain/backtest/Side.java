package dev.trainer.domain.backtest;

/** Direction of a position. */
public enum Side {
    LONG, SHORT;

    /** +1 for LONG, -1 for SHORT: the sign of the profit of a price rise. */
    public int sign() {
        return this == LONG ? 1 : -1;
    }
}
