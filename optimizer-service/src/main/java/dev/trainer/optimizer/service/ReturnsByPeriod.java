package dev.trainer.optimizer.service;

/**
 * The matrix the probability of backtest overfitting is estimated on: a row per day, a column per trial, filled a
 * column at a time as the trials' daily returns are replayed, so only the matrix is held (8 bytes per trial and day)
 * and not each trial's own array beside it.
 */
public final class ReturnsByPeriod {

    private final double[][] byPeriod;

    ReturnsByPeriod(int periods, int trials) {
        this.byPeriod = new double[periods][trials];
    }

    /** Puts a trial's daily returns into its column; false when they are missing or not one per period. */
    boolean put(int column, double[] dailyReturns) {
        if (dailyReturns == null || dailyReturns.length != byPeriod.length) {
            return false;
        }
        for (int t = 0; t < dailyReturns.length; t++) {
            byPeriod[t][column] = dailyReturns[t];
        }
        return true;
    }

    double[][] rows() {
        return byPeriod;
    }
}
