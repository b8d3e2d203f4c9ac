package dev.trainer.optimizer.repository;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.trainer.contracts.serde.EventJson;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Types;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hibernate.Session;

/**
 * The trial ledger: every trial's parameters, metrics, score and per-period returns, unique per job, market, window,
 * purpose and trial number, so a redelivered result records nothing twice and a restarted optimiser can count
 * exactly what is done.
 */
@ApplicationScoped
public class TrialLedger {

    public static final String SEARCH = "SEARCH";
    public static final String TEST = "TEST";

    private final EntityManager em;

    public TrialLedger(EntityManager em) {
        this.em = em;
    }

    /**
     * Records a batch of trials of one window in one statement (a row per trial, one round trip for the whole batch:
     * row-by-row inserts were the optimizer's bottleneck) and returns the numbers of those that were new; trials
     * already recorded (a redelivered result) insert nothing.
     */
    public Set<Integer> record(String jobId, String marketKey, int windowIndex, String purpose, List<TrialRow> rows,
            String workerId) {
        if (rows.isEmpty()) {
            return Set.of();
        }
        StringBuilder sql = new StringBuilder("insert into trials (job_id, market_key, window_index, purpose, trial_number, "
                + "parameters, metrics, score, daily_returns, trade_returns, error, worker_id) values ");
        for (int i = 0; i < rows.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("(?, ?, ?, ?, ?, cast(? as jsonb), cast(? as jsonb), ?, cast(? as jsonb), "
                    + "cast(? as jsonb), ?, ?)");
        }
        sql.append(" on conflict do nothing returning trial_number");
        return em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement ps = connection.prepareStatement(sql.toString())) {
                int p = 1;
                for (TrialRow row : rows) {
                    ps.setString(p++, jobId);
                    ps.setString(p++, marketKey);
                    ps.setInt(p++, windowIndex);
                    ps.setString(p++, purpose);
                    ps.setInt(p++, row.trialNumber());
                    ps.setString(p++, json(row.parameters()));
                    ps.setString(p++, json(row.metrics()));
                    if (Double.isFinite(row.score())) {
                        ps.setDouble(p++, row.score());
                    } else {
                        ps.setNull(p++, Types.DOUBLE);
                    }
                    ps.setString(p++, json(row.dailyReturns()));
                    ps.setString(p++, json(row.tradeReturns()));
                    ps.setString(p++, row.error());
                    ps.setString(p++, workerId);
                }
                Set<Integer> inserted = new HashSet<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        inserted.add(rs.getInt(1));
                    }
                }
                return inserted;
            }
        });
    }

    public long count(String jobId, String marketKey, int windowIndex, String purpose) {
        return ((Number) em.createNativeQuery("select count(*) from trials where job_id = ?1 and market_key = ?2 "
                + "and window_index = ?3 and purpose = ?4").setParameter(1, jobId).setParameter(2, marketKey)
                .setParameter(3, windowIndex).setParameter(4, purpose).getSingleResult()).longValue();
    }

    public long countForJob(String jobId, String purpose) {
        return ((Number) em.createNativeQuery("select count(*) from trials where job_id = ?1 and purpose = ?2")
                .setParameter(1, jobId).setParameter(2, purpose).getSingleResult()).longValue();
    }

    /** The best trial of a window by score; ties go to the lowest trial number so the choice is reproducible. */
    public TrialRow best(String jobId, String marketKey, int windowIndex, String purpose) {
        List<TrialRow> rows = select("where job_id = ?1 and market_key = ?2 and window_index = ?3 and purpose = ?4 "
                + "order by score desc nulls last, trial_number asc limit 1", jobId, marketKey, windowIndex, purpose);
        return rows.isEmpty() ? null : rows.get(0);
    }

    public TrialRow get(String jobId, String marketKey, int windowIndex, String purpose, int trialNumber) {
        List<TrialRow> rows = select("where job_id = ?1 and market_key = ?2 and window_index = ?3 and purpose = ?4 "
                + "and trial_number = ?5", jobId, marketKey, windowIndex, purpose, trialNumber);
        return rows.isEmpty() ? null : rows.get(0);
    }

    /** The recorded trials numbered [fromTrial, untilTrial) of a window, in trial order. */
    public List<TrialRow> range(String jobId, String marketKey, int windowIndex, String purpose, int fromTrial, int untilTrial) {
        return select("where job_id = ?1 and market_key = ?2 and window_index = ?3 and purpose = ?4 and trial_number >= ?5 "
                + "and trial_number < ?6 order by trial_number", jobId, marketKey, windowIndex, purpose, fromTrial, untilTrial);
    }

    /** The numbers of the recorded trials in [fromTrial, untilTrial) of a window. */
    @SuppressWarnings("unchecked")
    public java.util.Set<Integer> numbers(String jobId, String marketKey, int windowIndex, String purpose, int fromTrial,
            int untilTrial) {
        List<Number> rows = em.createNativeQuery("select trial_number from trials where job_id = ?1 and market_key = ?2 "
                + "and window_index = ?3 and purpose = ?4 and trial_number >= ?5 and trial_number < ?6")
                .setParameter(1, jobId).setParameter(2, marketKey).setParameter(3, windowIndex).setParameter(4, purpose)
                .setParameter(5, fromTrial).setParameter(6, untilTrial).getResultList();
        return rows.stream().map(Number::intValue).collect(java.util.stream.Collectors.toSet());
    }

    /** Every trial's daily returns of one purpose for a market, in window and trial order. */
    public List<TrialRow> all(String jobId, String marketKey, String purpose) {
        return select("where job_id = ?1 and market_key = ?2 and purpose = ?3 order by window_index, trial_number", jobId,
                marketKey, purpose);
    }

    @SuppressWarnings("unchecked")
    private List<TrialRow> select(String where, Object... params) {
        var query = em.createNativeQuery("select trial_number, cast(parameters as text), cast(metrics as text), score, "
                + "cast(daily_returns as text), cast(trade_returns as text), error, worker_id from trials " + where);
        for (int i = 0; i < params.length; i++) {
            query.setParameter(i + 1, params[i]);
        }
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(r -> new TrialRow(((Number) r[0]).intValue(),
                read((String) r[1], new TypeReference<Map<String, Double>>() {
                }), read((String) r[2], new TypeReference<Map<String, Object>>() {
                }), r[3] == null ? Double.NEGATIVE_INFINITY : ((Number) r[3]).doubleValue(),
                read((String) r[4], new TypeReference<double[]>() {
                }), read((String) r[5], new TypeReference<double[]>() {
                }), (String) r[6], (String) r[7])).toList();
    }

    private static String json(Object value) {
        return value == null ? null : new String(EventJson.write(value), java.nio.charset.StandardCharsets.UTF_8);
    }

    private static <T> T read(String json, TypeReference<T> type) {
        try {
            return json == null ? null : EventJson.mapper().readValue(json, type);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("unreadable trial ledger column: " + e.getMessage(), e);
        }
    }

    /** One trial; {@code workerId} names the worker that ran it (null before it is recorded). */
    public record TrialRow(int trialNumber, Map<String, Double> parameters, Map<String, Object> metrics, double score,
            double[] dailyReturns, double[] tradeReturns, String error, String workerId) {
    }
}
