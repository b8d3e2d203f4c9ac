package dev.trainer.marketdata.repository;

import dev.trainer.marketdata.service.TimeRange;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.Session;

/** Table coverage: the stretches of each series fetched from an exchange, merged, one row per stretch. */
@ApplicationScoped
public class CoverageRepository {

    private final EntityManager em;

    public CoverageRepository(EntityManager em) {
        this.em = em;
    }

    public record SeriesKey(String exchange, String pair, String timeframe) {
    }

    /** The series' stretches, oldest first. */
    public List<TimeRange> ranges(String exchange, String pair, String timeframe) {
        List<TimeRange> ranges = new ArrayList<>();
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement ps = connection.prepareStatement("select from_ms, until_ms from coverage "
                    + "where exchange = ? and pair = ? and timeframe = ? order by from_ms")) {
                ps.setString(1, exchange);
                ps.setString(2, pair);
                ps.setString(3, timeframe);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ranges.add(new TimeRange(rs.getLong(1), rs.getLong(2)));
                    }
                }
            }
        });
        return ranges;
    }

    /** Every series' stretches. */
    public Map<SeriesKey, List<TimeRange>> all() {
        Map<SeriesKey, List<TimeRange>> all = new LinkedHashMap<>();
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement ps = connection.prepareStatement("select exchange, pair, timeframe, from_ms, until_ms from coverage "
                    + "order by exchange, pair, timeframe, from_ms");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    all.computeIfAbsent(new SeriesKey(rs.getString(1), rs.getString(2), rs.getString(3)), k -> new ArrayList<>())
                            .add(new TimeRange(rs.getLong(4), rs.getLong(5)));
                }
            }
        });
        return all;
    }

    /**
     * Records that {@code range} was fetched, merged with the rows it overlaps or touches. Must run in the transaction
     * that stores the range's candles. A transaction-scoped advisory lock on the series keeps two fetches of one series
     * from merging against the same rows at once.
     */
    public void record(String exchange, String pair, String timeframe, TimeRange range) {
        if (range.isEmpty()) {
            return;
        }
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement lock = connection.prepareStatement("select pg_advisory_xact_lock(hashtext(?))")) {
                lock.setString(1, "coverage|" + exchange + "|" + pair + "|" + timeframe);
                lock.execute();
            }
            TimeRange merged = range;
            try (PreparedStatement ps = connection.prepareStatement("delete from coverage where exchange = ? and pair = ? "
                    + "and timeframe = ? and from_ms <= ? and until_ms >= ? returning from_ms, until_ms")) {
                ps.setString(1, exchange);
                ps.setString(2, pair);
                ps.setString(3, timeframe);
                ps.setLong(4, range.untilMs());
                ps.setLong(5, range.fromMs());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        merged = merged.span(new TimeRange(rs.getLong(1), rs.getLong(2)));
                    }
                }
            }
            try (PreparedStatement ps = connection.prepareStatement(
                    "insert into coverage (exchange, pair, timeframe, from_ms, until_ms) values (?, ?, ?, ?, ?)")) {
                ps.setString(1, exchange);
                ps.setString(2, pair);
                ps.setString(3, timeframe);
                ps.setLong(4, merged.fromMs());
                ps.setLong(5, merged.untilMs());
                ps.executeUpdate();
            }
        });
    }
}
