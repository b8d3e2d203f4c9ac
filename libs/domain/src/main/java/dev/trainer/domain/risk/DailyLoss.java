package dev.trainer.domain.risk;

/**
 * max_daily_loss: the loss since 00:00 UTC as a fraction of the portfolio value at 00:00 UTC. A gain counts as no
 * loss; trips when the fraction is at or above the limit.
 */
public final class DailyLoss {

    private DailyLoss() {
    }

    /** The limit must be a fraction in (0, 1]. */
    public static void requireValidThreshold(double maxLossFraction) {
        Checks.fractionThreshold(maxLossFraction, "max daily loss (fraction)");
    }

    /**
     * @param startOfDayValueQuote    portfolio value at 00:00 UTC, in quote currency (> 0)
     * @param pnlSinceStartOfDayQuote P&amp;L since 00:00 UTC, in quote currency (negative = loss)
     * @param maxLossFraction         the limit as a fraction of the start-of-day value, in (0, 1] (0.02 = 2 %)
     */
    public static Measurement measure(double startOfDayValueQuote, double pnlSinceStartOfDayQuote,
            double maxLossFraction) {
        Checks.finite(startOfDayValueQuote, "start-of-day value (quote)");
        if (startOfDayValueQuote <= 0) {
            throw new IllegalArgumentException("the start-of-day portfolio value must be > 0 (quote), got "
                    + startOfDayValueQuote + ": a portfolio with nothing left cannot lose a fraction of it");
        }
        Checks.finite(pnlSinceStartOfDayQuote, "P&L since 00:00 UTC (quote)");
        requireValidThreshold(maxLossFraction);
        double lossFraction = Math.max(0, -pnlSinceStartOfDayQuote) / startOfDayValueQuote;
        String[] shown = Checks.formatPair(lossFraction * 100, maxLossFraction * 100, 2);
        String reason = "loss since 00:00 UTC is " + shown[0] + " % of the start-of-day value "
                + Checks.format(startOfDayValueQuote, 2) + " (P&L " + Checks.format(pnlSinceStartOfDayQuote, 2)
                + " quote); limit " + shown[1] + " %";
        return new Measurement(lossFraction, maxLossFraction, lossFraction >= maxLossFraction, reason);
    }
}
