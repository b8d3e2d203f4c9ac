package dev.trainer.optimizer.repository;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.trainer.binarycopy.BinaryCopyWriter;
import dev.trainer.contracts.events.BacktestResults;
import dev.trainer.contracts.serde.EventJson;
import dev.trainer.optimizer.mapping.TrialSummary;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.hibernate.Session;
import org.postgresql.PGConnection;

/**
 * The trial ledger: every trial's parameter values, score and summary metrics as arrays of doubles, unique per job,
 * market, window, purpose and trial number, so a redelivered result records nothing twice and a restarted optimiser
 * can count exactly what is done. A batch of results goes in by binary COPY into a staging table and one merge (a
 * 4,096-trial batch in one round trip, no JSON on either side). Full metrics and per-period returns are kept in
 * {@code trial_details} for the few trials that need them: each window's winner in and out of sample.
 */
@ApplicationScoped
public class TrialLedger {

    public static final String SEARCH = "SEARCH";
    public static final String TEST = "TEST";

    private static final String STAGING = "trial_staging";
    private static final String COLUMNS = "t.trial_number, t.parameters, t.score, t.metrics, t.error, t.worker_id, "
            + "w.parameter_names, w.metric_names";
    private static final String FROM = " from trials t join validation_windows w on w.job_id = t.job_id "
            + "and w.market_key = t.market_key and w.window_index = t.window_index ";

    private final EntityManager em;

    public TrialLedger(EntityManager em) {
        this.em = em;
    }

    /** How many of a batch's trials were new, and how many of those had failed. */
    public record Recorded(int inserted, int failed) {
    }

    /**
     * Records a batch of results of one window; {@code parameters} gives the parameter values of a trial number (in
     * the window's parameter order). Trials already recorded (a redelivered result) insert nothing. Runs in the
     * caller's transaction.
     */
    public Recorded record(WindowState.Key window, String purpose, BacktestResults results,
            IntFunction<double[]> parameters) {
        String jobId = window.jobId, marketKey = window.marketKey;
        int windowIndex = window.windowIndex;
        if (results.trialCount() == 0) {
            return new Recorded(0, 0);
        }
        Map<Integer, String> errors = new java.util.HashMap<>();
        results.errors().forEach(e -> errors.put(e.trialNumber(), e.error()));
        return em.unwrap(Session.class).doReturningWork(connection -> {
            stage(connection, results, parameters, errors);
            try (PreparedStatement merge = connection.prepareStatement("insert into trials (job_id, market_key, window_index, "
                    + "purpose, trial_number, parameters, score, metrics, error, worker_id) select ?, ?, ?, ?, trial_number, "
                    + "parameters, score, metrics, error, ? from " + STAGING + " on conflict do nothing "
                    + "returning error is not null")) {
                merge.setString(1, jobId);
                merge.setString(2, marketKey);
                merge.setInt(3, windowIndex);
                merge.setString(4, purpose);
                merge.setString(5, results.workerId());
                int inserted = 0, failed = 0;
                try (ResultSet rs = merge.executeQuery()) {
                    while (rs.next()) {
                        inserted++;
                        failed += rs.getBoolean(1) ? 1 : 0;
                    }
                }
                try (Statement truncate = connection.createStatement()) {
                    truncate.execute("truncate " + STAGING);
                }
                return new Recorded(inserted, failed);
            }
        });
    }

    private static void stage(Connection connection, BacktestResults results, IntFunction<double[]> parameters,
            Map<Integer, String> errors) throws SQLException {
        try (Statement ddl = connection.createStatement()) {
            // one per connection, emptied by every transaction that fills it
            ddl.execute("create temporary table if not exists " + STAGING + " (trial_number integer, parameters "
                    + "double precision[], score double precision, metrics double precision[], error text) on commit delete rows");
        }
        int metrics = results.metricValues().size();
        double[] row = new double[metrics];
        try (BinaryCopyWriter rows = BinaryCopyWriter.to(connection.unwrap(PGConnection.class).getCopyAPI()
                .copyIn("copy " + STAGING + " from stdin (format binary)"))) {
            for (int i = 0; i < results.trialCount(); i++) {
                int number = results.firstTrial() + i;
                double[] values = parameters.apply(number);
                if (values == null) {
                    continue; // a trial of an earlier round, answered again: recorded before the round could end
                }
                String error = errors.get(number);
                double score = results.scores()[i];
                rows.row(5).int4(number).float8Array(values);
                if (Double.isNaN(score)) {
                    rows.nul();
                } else {
                    rows.float8(score);
                }
                if (error != null) {
                    rows.nul();
                } else {
                    for (int m = 0; m < metrics; m++) {
                        row[m] = results.metricValues().get(m)[i];
                    }
                    rows.float8Array(row);
                }
                rows.text(error);
            }
            rows.finish();
        }
    }

    /** Keeps a trial's full metrics and per-period returns (a window's winner, in or out of sample). */
    public void recordDetail(WindowState.Key window, String purpose, BacktestResults.TrialDetail d) {
        String jobId = window.jobId, marketKey = window.marketKey;
        int windowIndex = window.windowIndex;
        em.createNativeQuery("insert into trial_details (job_id, market_key, window_index, purpose, trial_number, metrics, "
                + "daily_returns, trade_returns) values (?1, ?2, ?3, ?4, ?5, cast(?6 as jsonb), cast(?7 as double precision[]), "
                + "cast(?8 as double precision[])) on conflict do nothing")
                .setParameter(1, jobId).setParameter(2, marketKey).setParameter(3, windowIndex).setParameter(4, purpose)
                .setParameter(5, d.trialNumber()).setParameter(6, json(d.metrics()))
                .setParameter(7, arrayLiteral(d.dailyReturns())).setParameter(8, arrayLiteral(d.tradeReturns()))
                .executeUpdate();
    }

    /** The best trial of a window by score; ties go to the lowest trial number so the choice is reproducible. */
    public TrialRow best(WindowState.Key window, String purpose) {
        String jobId = window.jobId, marketKey = window.marketKey;
        int windowIndex = window.windowIndex;
        List<TrialRow> rows = select("where t.job_id = ? and t.market_key = ? and t.window_index = ? and t.purpose = ? "
                + "order by t.score desc nulls last, t.trial_number asc limit 1", jobId, marketKey, windowIndex, purpose);
        return rows.isEmpty() ? null : rows.get(0);
    }

    public TrialRow get(WindowState.Key window, String purpose, int trialNumber) {
        String jobId = window.jobId, marketKey = window.marketKey;
        int windowIndex = window.windowIndex;
        List<TrialRow> rows = select("where t.job_id = ? and t.market_key = ? and t.window_index = ? and t.purpose = ? "
                + "and t.trial_number = ?", jobId, marketKey, windowIndex, purpose, trialNumber);
        return rows.isEmpty() ? null : rows.get(0);
    }

    /**
     * A trial with its full metrics and per-period returns where its details are kept (the winners that ran), else
     * its summary row (a failed trial has no details); null when the trial is not recorded.
     */
    public TrialRow detail(WindowState.Key window, String purpose, int trialNumber) {
        String jobId = window.jobId, marketKey = window.marketKey;
        int windowIndex = window.windowIndex;
        TrialRow row = get(window, purpose, trialNumber);
        if (row == null) {
            return null;
        }
        List<Object[]> details = em.createNativeQuery("select cast(metrics as text), cast(daily_returns as text), "
                + "cast(trade_returns as text) from trial_details where job_id = ?1 and market_key = ?2 and window_index = ?3 "
                + "and purpose = ?4 and trial_number = ?5").setParameter(1, jobId).setParameter(2, marketKey)
                .setParameter(3, windowIndex).setParameter(4, purpose).setParameter(5, trialNumber).getResultList();
        if (details.isEmpty()) {
            return row;
        }
        Object[] d = details.get(0);
        return new TrialRow(row.trialNumber(), row.parameters(), read((String) d[0]), row.score(), doubles((String) d[1]),
                doubles((String) d[2]), row.error(), row.workerId());
    }

    /** The recorded trials numbered [fromTrial, untilTrial) of a window, in trial order. */
    public List<TrialRow> range(WindowState.Key window, String purpose, int fromTrial, int untilTrial) {
        String jobId = window.jobId, marketKey = window.marketKey;
        int windowIndex = window.windowIndex;
        return select("where t.job_id = ? and t.market_key = ? and t.window_index = ? and t.purpose = ? and t.trial_number >= ? "
                + "and t.trial_number < ? order by t.trial_number", jobId, marketKey, windowIndex, purpose, fromTrial, untilTrial);
    }

    /** The numbers of the recorded trials in [fromTrial, untilTrial) of a window. */
    @SuppressWarnings("unchecked")
    public java.util.Set<Integer> numbers(WindowState.Key window, String purpose, int fromTrial,
            int untilTrial) {
        String jobId = window.jobId, marketKey = window.marketKey;
        int windowIndex = window.windowIndex;
        List<Number> rows = em.createNativeQuery("select trial_number from trials where job_id = ?1 and market_key = ?2 "
                + "and window_index = ?3 and purpose = ?4 and trial_number >= ?5 and trial_number < ?6")
                .setParameter(1, jobId).setParameter(2, marketKey).setParameter(3, windowIndex).setParameter(4, purpose)
                .setParameter(5, fromTrial).setParameter(6, untilTrial).getResultList();
        return rows.stream().map(Number::intValue).collect(java.util.stream.Collectors.toSet());
    }

    /**
     * The sample variance, over a market's search trials of every window, of their per-day (not annualised) Sharpe
     * ratios, computed where the ledger is; null when fewer than two are defined.
     */
    public Double sharpeVariancePerDay(String jobId, String marketKey) {
        Object v = em.createNativeQuery("select var_samp(s) from (select t.metrics[array_position(w.metric_names, ?1)] "
                + "/ sqrt(365.0) as s" + FROM + "where t.job_id = ?2 and t.market_key = ?3 and t.purpose = ?4) x "
                + "where s <> 'NaN'::double precision").setParameter(1, TrialSummary.SHARPE_DAILY).setParameter(2, jobId)
                .setParameter(3, marketKey).setParameter(4, SEARCH).getSingleResult();
        return v == null ? null : ((Number) v).doubleValue();
    }

    /** How many of a window's search trials ran without failing. */
    public long succeeded(WindowState.Key window) {
        String jobId = window.jobId, marketKey = window.marketKey;
        int windowIndex = window.windowIndex;
        return ((Number) em.createNativeQuery("select count(*) from trials where job_id = ?1 and market_key = ?2 "
                + "and window_index = ?3 and purpose = ?4 and error is null").setParameter(1, jobId).setParameter(2, marketKey)
                .setParameter(3, windowIndex).setParameter(4, SEARCH).getSingleResult()).longValue();
    }

    /** A trial's number and parameter values, in the window's parameter order. */
    public record Parameters(int trialNumber, double[] values) {
    }

    /** A page of a window's search trials that ran without failing, numbered after {@code afterTrial}, in trial order. */
    public List<Parameters> succeededParameters(WindowState.Key window, int afterTrial, int limit) {
        String jobId = window.jobId, marketKey = window.marketKey;
        int windowIndex = window.windowIndex;
        return em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement ps = connection.prepareStatement("select trial_number, parameters from trials where job_id = ? "
                    + "and market_key = ? and window_index = ? and purpose = ? and error is null and trial_number > ? "
                    + "order by trial_number limit ?")) {
                ps.setString(1, jobId);
                ps.setString(2, marketKey);
                ps.setInt(3, windowIndex);
                ps.setString(4, SEARCH);
                ps.setInt(5, afterTrial);
                ps.setInt(6, limit);
                List<Parameters> out = new ArrayList<>(limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Parameters(rs.getInt(1), doubles(rs.getArray(2))));
                    }
                }
                return out;
            }
        });
    }

    private List<TrialRow> select(String where, Object... params) {
        return em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement ps = connection.prepareStatement("select " + COLUMNS + FROM + where)) {
                for (int i = 0; i < params.length; i++) {
                    ps.setObject(i + 1, params[i]);
                }
                List<TrialRow> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String[] names = strings(rs.getArray(7));
                        String[] metricNames = strings(rs.getArray(8));
                        double[] values = doubles(rs.getArray(2));
                        Map<String, Double> parameters = new LinkedHashMap<>();
                        for (int i = 0; i < values.length; i++) {
                            parameters.put(names[i], values[i]);
                        }
                        double score = rs.getDouble(3);
                        if (rs.wasNull()) {
                            score = Double.NEGATIVE_INFINITY;
                        }
                        double[] metrics = doubles(rs.getArray(4));
                        out.add(new TrialRow(rs.getInt(1), parameters,
                                metrics == null ? null : TrialSummary.asMap(List.of(metricNames), metrics),
                                score, null, null, rs.getString(5), rs.getString(6)));
                    }
                }
                return out;
            }
        });
    }

    private static String[] strings(Array array) throws SQLException {
        return array == null ? new String[0] : (String[]) array.getArray();
    }

    private static double[] doubles(Array array) throws SQLException {
        if (array == null) {
            return null;
        }
        Object[] boxed = (Object[]) array.getArray();
        double[] out = new double[boxed.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = boxed[i] == null ? Double.NaN : ((Number) boxed[i]).doubleValue();
        }
        return out;
    }

    /** PostgreSQL's text form of a double precision[] ({1.5,NaN,-Infinity}): exact, doubles print shortest round-trip. */
    private static String arrayLiteral(double[] values) {
        StringBuilder s = new StringBuilder("{");
        for (int i = 0; i < values.length; i++) {
            s.append(i == 0 ? "" : ",").append(values[i]);
        }
        return s.append('}').toString();
    }

    private static double[] doubles(String literal) {
        String body = literal.substring(1, literal.length() - 1);
        return body.isEmpty() ? new double[0] : java.util.Arrays.stream(body.split(",")).mapToDouble(Double::parseDouble).toArray();
    }

    private static String json(Object value) {
        return new String(EventJson.write(value), StandardCharsets.UTF_8);
    }

    private static Map<String, Object> read(String json) {
        try {
            return EventJson.mapper().readValue(json, new TypeReference<Map<String, Object>>() {
            });
        } catch (java.io.IOException e) {
            throw new IllegalStateException("unreadable trial details: " + e.getMessage(), e);
        }
    }

    /**
     * One trial; {@code metrics} are the summary metrics for a ledger row, full metrics for a detail; returns only in
     * a detail; {@code workerId} names the worker that ran it.
     */
    public record TrialRow(int trialNumber, Map<String, Double> parameters, Map<String, Object> metrics, double score,
            double[] dailyReturns, double[] tradeReturns, String error, String workerId) {
    }
}
