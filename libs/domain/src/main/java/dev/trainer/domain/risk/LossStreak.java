package dev.trainer.domain.risk;

/** consecutive_losses_limit: losing fills in a row; trips when the streak reaches the limit. */
public final class LossStreak {

    private LossStreak() {
    }

    /**
     * The streak after one more fill: a loss (realisedPnl &lt; 0) extends it, a gain (&gt; 0) ends it (0), and a fill
     * that realised nothing (0, or null for an opening fill) leaves it unchanged, since no trade was won or lost.
     */
    public static int next(int streak, Double realisedPnl) {
        requireStreak(streak);
        if (realisedPnl == null) {
            return streak;
        }
        Checks.finite(realisedPnl, "realised P&L (quote)");
        if (realisedPnl < 0) {
            return Math.addExact(streak, 1);
        }
        return realisedPnl > 0 ? 0 : streak;
    }

    /**
     * @param streak losing fills in a row (>= 0)
     * @param limit  the streak that trips (>= 1)
     */
    public static Measurement measure(int streak, int limit) {
        requireStreak(streak);
        requireValidThreshold(limit);
        return new Measurement(streak, limit, streak >= limit,
                streak + " losing trades in a row; limit " + limit + " trades");
    }

    /** The limit must be >= 1 trades. */
    public static void requireValidThreshold(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("the consecutive losses limit must be >= 1 trades, got " + limit);
        }
    }

    private static void requireStreak(int streak) {
        if (streak < 0) {
            throw new IllegalArgumentException("a loss streak must be >= 0 trades, got " + streak);
        }
    }
}
