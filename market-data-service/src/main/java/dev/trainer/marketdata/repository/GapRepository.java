package dev.trainer.marketdata.repository;

import dev.trainer.marketdata.service.TimeRange;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hibernate.Session;

/** Where a stored series has no candle: read in the database, which compares each candle with the one before. */
@ApplicationScoped
public class GapRepository {

    private final EntityManager em;

    public GapRepository(EntityManager em) {
        this.em = em;
    }

    /** The first open time and the end (last open time + one candle) of the stored series; empty when none is stored. */
    public Optional<TimeRange> span(String exchange, String pair, String timeframe, long durationMs) {
        TimeRange[] span = {null};
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement ps = connection.prepareStatement("select min(open_time_ms), max(open_time_ms) from candles "
                    + "where exchange = ? and pair = ? and timeframe = ?")) {
                ps.setString(1, exchange);
                ps.setString(2, pair);
                ps.setString(3, timeframe);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    long first = rs.getLong(1);
                    if (!rs.wasNull()) {
                        span[0] = new TimeRange(first, rs.getLong(2) + durationMs);
                    }
                }
            }
        });
        return Optional.ofNullable(span[0]);
    }

    /** How many candles open in the range. */
    public long count(String exchange, String pair, String timeframe, TimeRange range) {
        long[] count = {0};
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement ps = connection.prepareStatement("select count(*) from candles where exchange = ? and pair = ? "
                    + "and timeframe = ? and open_time_ms >= ? and open_time_ms < ?")) {
                ps.setString(1, exchange);
                ps.setString(2, pair);
                ps.setString(3, timeframe);
                ps.setLong(4, range.fromMs());
                ps.setLong(5, range.untilMs());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    count[0] = rs.getLong(1);
                }
            }
        });
        return count[0];
    }

    /**
     * The stretches of the range in which no candle opens, for candles on the grid of {@code durationMs}: before the
     * first candle, between two candles more than one candle apart, and after the last.
     */
    public List<TimeRange> gaps(String exchange, String pair, String timeframe, long durationMs, TimeRange range) {
        List<TimeRange> gaps = new ArrayList<>();
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement ps = connection.prepareStatement(
                    "select previous + ?, open_time_ms from ("
                            + " select open_time_ms, lag(open_time_ms, 1, ? - ?) over (order by open_time_ms) as previous"
                            + " from (select open_time_ms from candles where exchange = ? and pair = ? and timeframe = ?"
                            + " and open_time_ms >= ? and open_time_ms < ?"
                            + " union all select ?) as times"
                            + ") as steps where open_time_ms - previous > ? order by open_time_ms")) {
                // the range's end is added as a last "candle" and its start minus one candle as the first one's
                // predecessor, so that the edges are gaps like the others
                int i = 1;
                ps.setLong(i++, durationMs);
                ps.setLong(i++, range.fromMs());
                ps.setLong(i++, durationMs);
                ps.setString(i++, exchange);
                ps.setString(i++, pair);
                ps.setString(i++, timeframe);
                ps.setLong(i++, range.fromMs());
                ps.setLong(i++, range.untilMs());
                ps.setLong(i++, range.untilMs());
                ps.setLong(i, durationMs);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        gaps.add(new TimeRange(rs.getLong(1), rs.getLong(2)));
                    }
                }
            }
        });
        return gaps;
    }
}
