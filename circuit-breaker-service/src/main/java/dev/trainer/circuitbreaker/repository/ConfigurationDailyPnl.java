package dev.trainer.circuitbreaker.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/** The configuration_daily_pnl table: each configuration's live realised P&amp;L per UTC day, in quote currency. */
@ApplicationScoped
public class ConfigurationDailyPnl {

    private final EntityManager em;

    public ConfigurationDailyPnl(EntityManager em) {
        this.em = em;
    }

    public void add(String configId, long dayStartMs, double realisedPnlQuote) {
        em.createNativeQuery("insert into configuration_daily_pnl (config_id, day_start_ms, realised_pnl_quote) "
                        + "values (?1, ?2, ?3) on conflict (config_id, day_start_ms) do update set realised_pnl_quote = "
                        + "configuration_daily_pnl.realised_pnl_quote + excluded.realised_pnl_quote")
                .setParameter(1, configId)
                .setParameter(2, dayStartMs)
                .setParameter(3, realisedPnlQuote)
                .executeUpdate();
    }

    /** Day start (epoch ms, 00:00 UTC) to realised P&amp;L, ascending. */
    public SortedMap<Long, Double> of(String configId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select day_start_ms, realised_pnl_quote from configuration_daily_pnl "
                + "where config_id = ?1 order by day_start_ms").setParameter(1, configId).getResultList();
        SortedMap<Long, Double> out = new TreeMap<>();
        for (Object[] row : rows) {
            out.put(((Number) row[0]).longValue(), ((Number) row[1]).doubleValue());
        }
        return out;
    }
}
