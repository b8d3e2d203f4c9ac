package dev.trainer.circuitbreaker.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;

/** The portfolio_days table: the portfolio's realised P&amp;L per UTC day, in quote currency. */
@ApplicationScoped
public class PortfolioDays {

    private final EntityManager em;

    public PortfolioDays(EntityManager em) {
        this.em = em;
    }

    public void add(LocalDate day, double realisedPnlQuote) {
        em.createNativeQuery("insert into portfolio_days (day, realised_pnl_quote, closing_fills) values (?1, ?2, 1) "
                        + "on conflict (day) do update set realised_pnl_quote = portfolio_days.realised_pnl_quote "
                        + "+ excluded.realised_pnl_quote, closing_fills = portfolio_days.closing_fills + 1")
                .setParameter(1, day)
                .setParameter(2, realisedPnlQuote)
                .executeUpdate();
    }

    /** Realised P&amp;L of the days before {@code day}. */
    public double before(LocalDate day) {
        return sum("select coalesce(sum(realised_pnl_quote), 0) from portfolio_days where day < ?1", day);
    }

    /** Realised P&amp;L of {@code day}. */
    public double on(LocalDate day) {
        return sum("select coalesce(sum(realised_pnl_quote), 0) from portfolio_days where day = ?1", day);
    }

    /** Realised P&amp;L of every day. */
    public double total() {
        return ((Number) em.createNativeQuery("select coalesce(sum(realised_pnl_quote), 0) from portfolio_days")
                .getSingleResult()).doubleValue();
    }

    private double sum(String sql, LocalDate day) {
        return ((Number) em.createNativeQuery(sql).setParameter(1, day).getSingleResult()).doubleValue();
    }
}
