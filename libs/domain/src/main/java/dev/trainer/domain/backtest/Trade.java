package dev.trainer.domain.backtest;

/**
 * One closed position.
 *
 * @param side           LONG or SHORT
 * @param entryIndex     index of the bar whose open filled the entry (the bar after the signal bar)
 * @param entryTimeMs    open time of that bar
 * @param entryPrice     fill price after slippage
 * @param exitIndex      index of the bar whose open (SIGNAL, MAX_HOLDING, gap through a level), range (stop or
 *                       target inside the bar) or close (END_OF_DATA) filled the exit
 * @param exitTimeMs     open time of that bar
 * @param exitPrice      fill price after slippage
 * @param exitReason     why the position was closed
 * @param quantity       units of the base asset
 * @param pnl            profit in quote currency after both fees and slippage
 * @param returnFraction pnl divided by equity just before the entry
 */
public record Trade(Side side, int entryIndex, long entryTimeMs, double entryPrice, int exitIndex, long exitTimeMs,
        double exitPrice, ExitReason exitReason, double quantity, double pnl, double returnFraction) {

    /**
     * Bars the position was held: SIGNAL and MAX_HOLDING exits (filled at a bar's open) do not count the exit bar;
     * STOP_LOSS, TAKE_PROFIT and END_OF_DATA exits do, including a stop or target filled at the open after a gap
     * (the record does not say which level fills were gaps).
     */
    public int holdingBars() {
        boolean exitAtOpen = exitReason == ExitReason.SIGNAL || exitReason == ExitReason.MAX_HOLDING;
        return exitIndex - entryIndex + (exitAtOpen ? 0 : 1);
    }
}
