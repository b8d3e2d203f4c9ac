package dev.trainer.marketdata.repository;

import dev.trainer.domain.market.Candle;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.Session;

/**
 * The candles table. Writes are batched upserts that keep what is already stored ({@code on conflict do nothing}),
 * so loading the same range twice stores nothing twice.
 */
@ApplicationScoped
public class CandleRepository {

    private static final int BATCH = 1000;
    private final EntityManager em;

    public CandleRepository(EntityManager em) {
        this.em = em;
    }

    /** Returns how many candles were new. Must run in a transaction. */
    public int upsert(String exchange, String pair, String timeframe, List<Candle> candles) {
        int[] inserted = {0};
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement ps = connection.prepareStatement(
                    "insert into candles (exchange, pair, timeframe, open_time_ms, open, high, low, close, volume) "
                            + "values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing")) {
                int pending = 0;
                for (Candle c : candles) {
                    ps.setString(1, exchange);
                    ps.setString(2, pair);
                    ps.setString(3, timeframe);
                    ps.setLong(4, c.openTimeMs());
                    ps.setDouble(5, c.open());
                    ps.setDouble(6, c.high());
                    ps.setDouble(7, c.low());
                    ps.setDouble(8, c.close());
                    ps.setDouble(9, c.volume());
                    ps.addBatch();
                    if (++pending == BATCH) {
                        inserted[0] += sum(ps.executeBatch());
                        pending = 0;
                    }
                }
                if (pending > 0) {
                    inserted[0] += sum(ps.executeBatch());
                }
            }
        });
        return inserted[0];
    }

    /** Stored candles with open time in [fromMs, untilMs), in time order. */
    public List<Candle> range(String exchange, String pair, String timeframe, long fromMs, long untilMs) {
        List<Candle> out = new ArrayList<>();
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement ps = connection.prepareStatement(
                    "select open_time_ms, open, high, low, close, volume from candles "
                            + "where exchange = ? and pair = ? and timeframe = ? and open_time_ms >= ? and open_time_ms < ? "
                            + "order by open_time_ms")) {
                ps.setString(1, exchange);
                ps.setString(2, pair);
                ps.setString(3, timeframe);
                ps.setLong(4, fromMs);
                ps.setLong(5, untilMs);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Candle(rs.getLong(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4),
                                rs.getDouble(5), rs.getDouble(6)));
                    }
                }
            }
        });
        return out;
    }

    /** One row per stored series: how many candles and the first and last open times (epoch ms). */
    @SuppressWarnings("unchecked")
    public List<SeriesCoverage> coverage() {
        List<Object[]> rows = em.createNativeQuery(
                "select exchange, pair, timeframe, count(*), min(open_time_ms), max(open_time_ms) from candles "
                        + "group by exchange, pair, timeframe order by exchange, pair, timeframe")
                .getResultList();
        return rows.stream()
                .map(r -> new SeriesCoverage((String) r[0], (String) r[1], (String) r[2], ((Number) r[3]).longValue(),
                        ((Number) r[4]).longValue(), ((Number) r[5]).longValue()))
                .toList();
    }

    private static int sum(int[] counts) {
        int total = 0;
        for (int c : counts) {
            total += Math.max(c, 0);
        }
        return total;
    }

    public record SeriesCoverage(String exchange, String pair, String timeframe, long candleCount, long firstOpenTimeMs,
            long lastOpenTimeMs) {
    }
}
