package dev.trainer.cleaning.repository;

import dev.trainer.domain.quality.CloseSeries;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.nio.ByteBuffer;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;
import java.util.TreeMap;
import org.hibernate.Session;

/**
 * The reference_closes table: per exchange, pair and timeframe, the valid closes of the latest series that passed
 * the gate, which the cross-exchange check of the other exchanges' series compares with. Must run in a transaction.
 */
@ApplicationScoped
public class ReferenceCloseRepository {

    private static final int BYTES_PER_CLOSE = Long.BYTES + Double.BYTES;

    private final EntityManager em;

    public ReferenceCloseRepository(EntityManager em) {
        this.em = em;
    }

    /** The closes of every exchange but {@code exceptExchange} for this pair and timeframe, by exchange. */
    public Map<String, CloseSeries> othersThan(String exceptExchange, String pair, String timeframe) {
        Map<String, CloseSeries> out = new TreeMap<>();
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement ps = connection.prepareStatement(
                    "select exchange, closes from reference_closes where pair = ? and timeframe = ? and exchange <> ?")) {
                ps.setString(1, pair);
                ps.setString(2, timeframe);
                ps.setString(3, exceptExchange);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.put(rs.getString(1), decode(rs.getBytes(2)));
                    }
                }
            }
        });
        return out;
    }

    /** Replaces the exchange's closes for this pair and timeframe. */
    public void replace(String exchange, String pair, String timeframe, String jobId, CloseSeries closes) {
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement ps = connection.prepareStatement(
                    "insert into reference_closes (exchange, pair, timeframe, job_id, close_count, closes, stored_at) "
                            + "values (?, ?, ?, ?, ?, ?, now()) on conflict (exchange, pair, timeframe) do update set "
                            + "job_id = excluded.job_id, close_count = excluded.close_count, closes = excluded.closes, "
                            + "stored_at = excluded.stored_at")) {
                ps.setString(1, exchange);
                ps.setString(2, pair);
                ps.setString(3, timeframe);
                ps.setString(4, jobId);
                ps.setInt(5, closes.size());
                ps.setBytes(6, encode(closes));
                ps.executeUpdate();
            }
        });
    }

    /** 16 bytes per close, big-endian: the open time (epoch ms, int64), then the close's IEEE-754 bits. */
    static byte[] encode(CloseSeries closes) {
        ByteBuffer buffer = ByteBuffer.allocate(closes.size() * BYTES_PER_CLOSE);
        for (int i = 0; i < closes.size(); i++) {
            buffer.putLong(closes.openTimeMs()[i]).putDouble(closes.close()[i]);
        }
        return buffer.array();
    }

    static CloseSeries decode(byte[] bytes) {
        if (bytes.length % BYTES_PER_CLOSE != 0) {
            throw new IllegalStateException("reference closes of " + bytes.length + " bytes: not a multiple of "
                    + BYTES_PER_CLOSE);
        }
        int n = bytes.length / BYTES_PER_CLOSE;
        long[] times = new long[n];
        double[] closes = new double[n];
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        for (int i = 0; i < n; i++) {
            times[i] = buffer.getLong();
            closes[i] = buffer.getDouble();
        }
        return new CloseSeries(times, closes);
    }
}
