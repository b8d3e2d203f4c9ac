package dev.trainer.circuitbreaker.rest;

import dev.trainer.circuitbreaker.service.DailyLossBreaker.PortfolioDay;
import java.time.LocalDate;

/**
 * The portfolio as max_daily_loss sees it on one UTC day (realised P&amp;L only). lossFraction is null when undefined.
 *
 * @param maxDailyLoss the threshold in force, a fraction of the start-of-day value
 */
public record PortfolioView(LocalDate day, double startingValueQuote, double realisedPnlQuote, double valueQuote,
        double startOfDayValueQuote, double pnlSinceStartOfDayQuote, Double lossFraction, double maxDailyLoss,
        String state) {

    static PortfolioView of(PortfolioDay d, String state) {
        var m = d.measurement();
        return new PortfolioView(d.day(), d.startingValueQuote(), d.realisedPnlQuote(), d.valueQuote(),
                d.startOfDayValueQuote(), d.pnlSinceStartOfDayQuote(), m.defined() ? m.value() : null, m.threshold(),
                state);
    }
}
