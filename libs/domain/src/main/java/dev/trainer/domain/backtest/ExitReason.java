package dev.trainer.domain.backtest;

/** Why a position was closed. */
public enum ExitReason {
    /** The strategy's exit signal at a bar's close, filled at the next bar's open. */
    SIGNAL,
    /** The stop level was inside the bar's range (filled at the stop) or the bar opened beyond it (filled at the open). */
    STOP_LOSS,
    /** The target level was inside the bar's range (filled at the target) or the bar opened beyond it (at the open). */
    TAKE_PROFIT,
    /** The position had been held for maxHoldingBars bars; filled at the next bar's open. */
    MAX_HOLDING,
    /** The data ended with the position open; closed at the last bar's close. */
    END_OF_DATA
}
