package dev.trainer.cleaning.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.Session;

/**
 * The raw_chunks table: candles.raw chunks held until every chunk of their (job, series) is there. Writes keep what
 * is stored ({@code on conflict do nothing}), so a chunk stored twice is stored once. Must run in a transaction.
 */
@ApplicationScoped
public class RawChunkRepository {

    private final EntityManager em;

    public RawChunkRepository(EntityManager em) {
        this.em = em;
    }

    /** Returns true if the chunk was new. {@code payload} is the chunk's CandleColumns as EventJson bytes. */
    public boolean store(String jobId, String seriesKey, int chunkIndex, int chunkCount, String eventId, int candleCount,
            byte[] payload) {
        int[] inserted = {0};
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement ps = connection.prepareStatement(
                    "insert into raw_chunks (job_id, series_key, chunk_index, chunk_count, event_id, candle_count, payload) "
                            + "values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing")) {
                ps.setString(1, jobId);
                ps.setString(2, seriesKey);
                ps.setInt(3, chunkIndex);
                ps.setInt(4, chunkCount);
                ps.setString(5, eventId);
                ps.setInt(6, candleCount);
                ps.setBytes(7, payload);
                inserted[0] = ps.executeUpdate();
            }
        });
        return inserted[0] == 1;
    }

    /** How many chunks of a (job, series) are held, and the smallest and largest chunk count they announce. */
    public Held held(String jobId, String seriesKey) {
        Held[] held = {null};
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement ps = connection.prepareStatement(
                    "select count(*), coalesce(min(chunk_count), 0), coalesce(max(chunk_count), 0) from raw_chunks "
                            + "where job_id = ? and series_key = ?")) {
                ps.setString(1, jobId);
                ps.setString(2, seriesKey);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    held[0] = new Held(rs.getInt(1), rs.getInt(2), rs.getInt(3));
                }
            }
        });
        return held[0];
    }

    /** The chunks of a (job, series), in chunk order. */
    public List<StoredChunk> chunks(String jobId, String seriesKey) {
        List<StoredChunk> out = new ArrayList<>();
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement ps = connection.prepareStatement(
                    "select chunk_index, chunk_count, payload from raw_chunks where job_id = ? and series_key = ? "
                            + "order by chunk_index")) {
                ps.setString(1, jobId);
                ps.setString(2, seriesKey);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new StoredChunk(rs.getInt(1), rs.getInt(2), rs.getBytes(3)));
                    }
                }
            }
        });
        return out;
    }

    /** Returns how many chunks were deleted. */
    public int delete(String jobId, String seriesKey) {
        return em.createNativeQuery("delete from raw_chunks where job_id = ?1 and series_key = ?2")
                .setParameter(1, jobId)
                .setParameter(2, seriesKey)
                .executeUpdate();
    }

    public record Held(int chunks, int minChunkCount, int maxChunkCount) {
    }

    public record StoredChunk(int chunkIndex, int chunkCount, byte[] payload) {
    }
}
