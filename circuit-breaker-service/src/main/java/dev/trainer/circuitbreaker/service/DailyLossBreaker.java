package dev.trainer.circuitbreaker.service;

import dev.trainer.circuitbreaker.config.CircuitBreakerConfig;
import dev.trainer.circuitbreaker.repository.BreakerState;
import dev.trainer.circuitbreaker.repository.PortfolioDays;
import dev.trainer.domain.risk.DailyLoss;
import dev.trainer.domain.risk.Measurement;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * max_daily_loss on the portfolio scope. The portfolio's value is the configured starting value plus all realised
 * P&amp;L; a day's start-of-day value is the starting value plus the realised P&amp;L of the days before it. Only
 * realised P&amp;L counts: fills carry no marks for open positions.
 */
@ApplicationScoped
public class DailyLossBreaker {

    private final PortfolioDays days;
    private final BreakerStates states;
    private final Thresholds thresholds;
    private final CircuitBreakerConfig config;

    public DailyLossBreaker(PortfolioDays days, BreakerStates states, Thresholds thresholds,
            CircuitBreakerConfig config) {
        this.days = days;
        this.states = states;
        this.thresholds = thresholds;
        this.config = config;
    }

    /**
     * Books a fill's realised P&amp;L on its UTC day and judges the day: the fill's day, or today when the fill is from
     * an earlier day (a late fill lowers today's start-of-day value; yesterday cannot be stopped any more). The first
     * fill of a later day than the trip's re-arms the breaker before it is judged.
     */
    @Transactional(TxType.MANDATORY)
    public void onFill(Instant filledAt, Double realisedPnlQuote, String configId, Instant now) {
        LocalDate fillDay = utcDay(filledAt);
        if (realisedPnlQuote != null) {
            days.add(fillDay, realisedPnlQuote);
        }
        LocalDate today = utcDay(now);
        LocalDate day = fillDay.isAfter(today) ? fillDay : today;
        rollOver(day, now);
        states.judge(Breaker.MAX_DAILY_LOSS, Scope.PORTFOLIO, measure(day), "UTC day " + day + " (after a fill of "
                + "configuration " + configId + ")", day, now);
    }

    /** Re-arms a trip of a day before {@code day}. True when it did. */
    @Transactional(TxType.MANDATORY)
    public boolean rollOver(LocalDate day, Instant now) {
        BreakerState s = states.ensure(Breaker.MAX_DAILY_LOSS, Scope.PORTFOLIO, now);
        if (s.tripped() && s.tripDay != null && s.tripDay.isBefore(day)) {
            states.reset(s, Cause.DAILY_ROLLOVER, "the UTC day rolled over to " + day + " (tripped on " + s.tripDay
                    + ")", null, now);
            return true;
        }
        return false;
    }

    /** The portfolio's figures for one UTC day. */
    @Transactional(TxType.MANDATORY)
    public PortfolioDay figures(LocalDate day) {
        double starting = config.portfolio().startingValueQuote();
        double startOfDay = starting + days.before(day);
        double since = days.on(day);
        double realised = days.total();
        return new PortfolioDay(day, starting, realised, starting + realised, startOfDay, since, measure(day));
    }

    Measurement measure(LocalDate day) {
        double threshold = thresholds.inForce(Breaker.MAX_DAILY_LOSS, Scope.PORTFOLIO);
        double startOfDay = config.portfolio().startingValueQuote() + days.before(day);
        if (startOfDay <= 0) {
            // a loss fraction of nothing is undefined, and a portfolio with nothing left must not trade
            return new Measurement(1.0, threshold, true, "the start-of-day portfolio value is " + startOfDay
                    + " quote: nothing is left to lose");
        }
        return DailyLoss.measure(startOfDay, days.on(day), threshold);
    }

    public static LocalDate utcDay(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }

    /**
     * @param measurement the day's max_daily_loss measurement with the threshold in force
     */
    public record PortfolioDay(LocalDate day, double startingValueQuote, double realisedPnlQuote, double valueQuote,
            double startOfDayValueQuote, double pnlSinceStartOfDayQuote, Measurement measurement) {
    }
}
