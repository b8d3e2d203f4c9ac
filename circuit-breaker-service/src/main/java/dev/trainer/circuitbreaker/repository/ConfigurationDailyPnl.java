package dev.trainer.circuitbreaker.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    /**
     * Every configuration's live days, read in one query: configuration id to (day start, epoch ms at 00:00 UTC, to
     * realised P&amp;L), days ascending.
     */
    public Map<String, SortedMap<Long, Double>> byConfiguration() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select config_id, day_start_ms, realised_pnl_quote "
                + "from configuration_daily_pnl").getResultList();
        Map<String, SortedMap<Long, Double>> out = new HashMap<>();
        for (Object[] row : rows) {
            out.computeIfAbsent((String) row[0], id -> new TreeMap<>())
                    .put(((Number) row[1]).longValue(), ((Number) row[2]).doubleValue());
        }
        return out;
    }
}
