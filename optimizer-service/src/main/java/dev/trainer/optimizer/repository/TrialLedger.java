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
 * The trial ledger: every trial's parameter values, score and summary metrics, kept as the batches the workers answer
 * (one row per batch of a window, flat arrays of doubles), unique per job, market, window, purpose and first trial, so
 * a redelivered result records nothing twice and a restarted optimiser can count exactly what is done. A batch goes in
 * by binary COPY into a staging table and one merge. At plan scale (43.5 million trials) a row per trial and its index
 * entry made the ledger about 19 GB and every insert slow; by batch it is about 120 bytes a trial and a few thousand
 * rows. Full metrics and per-period returns are kept in {@code trial_details} for the few trials that need them: each
 * window's winner in and out of sample.
 */
@ApplicationScoped
public class TrialLedger {

    public static final String SEARCH = "SEARCH";
    public static final String TEST = "TEST";

    private static final String STAGING = "trial_batch_staging";
    private static final String WINDOW = "job_id = ? and market_key = ? and window_index = ? and purpose = ?";

    private final EntityManager em;

    public TrialLedger(EntityManager em) {
        this.em = em;
    }

    /** How many of a batch's trials were new, and how many of those had failed. */
    public record Recorded(int inserted, int failed) {
    }

    /**
     * Records a batch of results of one window; {@code parameters} gives the parameter values of a trial number (in
     * the window's parameter order), null for a trial the window no longer asks (a batch of an earlier round answered
     * again: it was recorded before the round could end, so nothing is recorded). A batch already recorded inserts
     * nothing. Runs in the caller's transaction.
     */
    public Recorded record(WindowState.Key window, String purpose, BacktestResults results,
            IntFunction<double[]> parameters) {
        int count = results.trialCount();
        if (count == 0 || parameters.apply(results.firstTrial()) == null) {
            return new Recorded(0, 0);
        }
        double[] first = parameters.apply(results.firstTrial());
        double[] values = new double[count * first.length];
        for (int i = 0; i < count; i++) {
            double[] v = parameters.apply(results.firstTrial() + i);
            if (v == null || v.length != first.length) {
                throw new IllegalArgumentException("results " + results.eventId() + ": trial " + (results.firstTrial() + i)
                        + " is not one the window asked for beside trial " + results.firstTrial());
            }
            System.arraycopy(v, 0, values, i * first.length, first.length);
        }
        int metrics = results.metricValues().size();
        double[] flatMetrics = new double[metrics * count];
        for (int m = 0; m < metrics; m++) {
            System.arraycopy(results.metricValues().get(m), 0, flatMetrics, m * count, count);
        }
        Map<String, String> failures = new java.util.TreeMap<>();
        results.errors().forEach(e -> failures.put(Integer.toString(e.trialNumber()), e.error()));
        return em.unwrap(Session.class).doReturningWork(connection -> {
            try (Statement ddl = connection.createStatement()) {
                // one per connection, emptied by every transaction that fills it
                ddl.execute("create temporary table if not exists " + STAGING + " (parameters double precision[], "
                        + "scores double precision[], metrics double precision[]) on commit delete rows");
            }
            try (BinaryCopyWriter row = BinaryCopyWriter.to(connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("copy " + STAGING + " from stdin (format binary)"))) {
                row.row(3).float8Array(values).float8Array(results.scores()).float8Array(flatMetrics);
                row.finish();
            }
            try (PreparedStatement merge = connection.prepareStatement("insert into trial_batches (job_id, market_key, "
                    + "window_index, purpose, first_trial, trial_count, parameters, scores, metrics, failures, failed_count, "
                    + "worker_id) select ?, ?, ?, ?, ?, ?, parameters, scores, metrics, cast(? as jsonb), ?, ? from " + STAGING
                    + " on conflict do nothing")) {
                merge.setString(1, window.jobId);
                merge.setString(2, window.marketKey);
                merge.setInt(3, window.windowIndex);
                merge.setString(4, purpose);
                merge.setInt(5, results.firstTrial());
                merge.setInt(6, count);
                merge.setString(7, failures.isEmpty() ? null : json(failures));
                merge.setInt(8, failures.size());
                merge.setString(9, results.workerId());
                boolean inserted = merge.executeUpdate() == 1;
                try (Statement truncate = connection.createStatement()) {
                    truncate.execute("truncate " + STAGING);
                }
                return inserted ? new Recorded(count, failures.size()) : new Recorded(0, 0);
            }
        });
    }

    /** Keeps a trial's full metrics and per-period returns (a window's winner, in or out of sample). */
    public void recordDetail(WindowState.Key window, String purpose, BacktestResults.TrialDetail d) {
        em.createNativeQuery("insert into trial_details (job_id, market_key, window_index, purpose, trial_number, metrics, "
                + "daily_returns, trade_returns) values (?1, ?2, ?3, ?4, ?5, cast(?6 as jsonb), cast(?7 as double precision[]), "
                + "cast(?8 as double precision[])) on conflict do nothing")
                .setParameter(1, window.jobId).setParameter(2, window.marketKey).setParameter(3, window.windowIndex)
                .setParameter(4, purpose).setParameter(5, d.trialNumber()).setParameter(6, json(d.metrics()))
                .setParameter(7, arrayLiteral(d.dailyReturns())).setParameter(8, arrayLiteral(d.tradeReturns()))
                .executeUpdate();
    }

    /** The best trial of a window by score; ties go to the lowest trial number so the choice is reproducible. */
    public TrialRow best(WindowState.Key window, String purpose) {
        int bestTrial = -1;
        double bestScore = Double.NaN;
        for (Batch b : batches(window, purpose, "first_trial, trial_count, scores", Integer.MIN_VALUE, Integer.MAX_VALUE, false)) {
            for (int i = 0; i < b.count; i++) {
                double score = b.scores[i];
                // NaN (unscorable, failed) ranks below every score; among equals the lowest trial number wins
                if (bestTrial < 0 || (!Double.isNaN(score) && (Double.isNaN(bestScore) || score > bestScore))) {
                    bestTrial = b.first + i;
                    bestScore = score;
                }
            }
        }
        return bestTrial < 0 ? null : get(window, purpose, bestTrial);
    }

    public TrialRow get(WindowState.Key window, String purpose, int trialNumber) {
        List<TrialRow> rows = range(window, purpose, trialNumber, trialNumber + 1);
        return rows.isEmpty() ? null : rows.get(0);
    }

    /**
     * A trial with its full metrics and per-period returns where its details are kept (the winners that ran), else
     * its summary row (a failed trial has no details); null when the trial is not recorded.
     */
    public TrialRow detail(WindowState.Key window, String purpose, int trialNumber) {
        TrialRow row = get(window, purpose, trialNumber);
        if (row == null) {
            return null;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> details = em.createNativeQuery("select cast(metrics as text), cast(daily_returns as text), "
                + "cast(trade_returns as text) from trial_details where job_id = ?1 and market_key = ?2 and window_index = ?3 "
                + "and purpose = ?4 and trial_number = ?5").setParameter(1, window.jobId).setParameter(2, window.marketKey)
                .setParameter(3, window.windowIndex).setParameter(4, purpose).setParameter(5, trialNumber).getResultList();
        if (details.isEmpty()) {
            return row;
        }
        Object[] d = details.get(0);
        return new TrialRow(row.trialNumber(), row.parameters(), read((String) d[0]), row.score(), doubles((String) d[1]),
                doubles((String) d[2]), row.error(), row.workerId());
    }

    /** The recorded trials numbered [fromTrial, untilTrial) of a window, in trial order. */
    public List<TrialRow> range(WindowState.Key window, String purpose, int fromTrial, int untilTrial) {
        WindowState w = em.find(WindowState.class, window);
        List<String> names = w == null || w.parameterNames == null ? List.of() : List.of(w.parameterNames);
        List<String> metricNames = w == null || w.metricNames == null ? TrialSummary.NAMES : List.of(w.metricNames);
        List<TrialRow> out = new ArrayList<>();
        for (Batch b : batches(window, purpose, "first_trial, trial_count, scores, parameters, metrics, cast(failures as text), "
                + "worker_id", fromTrial, untilTrial, true)) {
            int p = b.parameters.length / b.count;
            int metrics = b.metrics.length / b.count;
            for (int n = Math.max(fromTrial, b.first); n < Math.min(untilTrial, b.first + b.count); n++) {
                int i = n - b.first;
                Map<String, Double> parameters = new LinkedHashMap<>();
                for (int k = 0; k < p; k++) {
                    parameters.put(k < names.size() ? names.get(k) : "p" + k, b.parameters[i * p + k]);
                }
                String error = b.failures.get(Integer.toString(n));
                double[] summary = new double[metrics];
                for (int m = 0; m < metrics; m++) {
                    summary[m] = b.metrics[m * b.count + i];
                }
                double score = b.scores[i];
                out.add(new TrialRow(n, parameters, error != null ? null : TrialSummary.asMap(metricNames, summary),
                        Double.isNaN(score) ? Double.NEGATIVE_INFINITY : score, null, null, error, b.workerId));
            }
        }
        return out;
    }

    /** The numbers of the recorded trials in [fromTrial, untilTrial) of a window. */
    public java.util.Set<Integer> numbers(WindowState.Key window, String purpose, int fromTrial, int untilTrial) {
        java.util.Set<Integer> out = new java.util.HashSet<>();
        for (Batch b : batches(window, purpose, "first_trial, trial_count", fromTrial, untilTrial, false)) {
            for (int n = Math.max(fromTrial, b.first); n < Math.min(untilTrial, b.first + b.count); n++) {
                out.add(n);
            }
        }
        return out;
    }

    /**
     * The sample variance, over a market's search trials of every window, of their per-day (not annualised) Sharpe
     * ratios, computed where the ledger is (each batch's slice of the metric); null when fewer than two are defined.
     */
    public Double sharpeVariancePerDay(String jobId, String marketKey) {
        int m = TrialSummary.NAMES.indexOf(TrialSummary.SHARPE_DAILY);
        Object v = em.createNativeQuery("select var_samp(s / sqrt(365.0)) from (select unnest(metrics[(?1 * trial_count + 1)"
                + ":((?1 + 1) * trial_count)]) as s from trial_batches where job_id = ?2 and market_key = ?3 and purpose = ?4) x "
                + "where s <> 'NaN'::double precision").setParameter(1, m).setParameter(2, jobId)
                .setParameter(3, marketKey).setParameter(4, SEARCH).getSingleResult();
        return v == null ? null : ((Number) v).doubleValue();
    }

    /** How many of a window's search trials ran without failing. */
    public long succeeded(WindowState.Key window) {
        return ((Number) em.createNativeQuery("select coalesce(sum(trial_count - failed_count), 0) from trial_batches "
                + "where job_id = ?1 and market_key = ?2 and window_index = ?3 and purpose = ?4").setParameter(1, window.jobId)
                .setParameter(2, window.marketKey).setParameter(3, window.windowIndex).setParameter(4, SEARCH)
                .getSingleResult()).longValue();
    }

    /** A trial's number and parameter values, in the window's parameter order. */
    public record Parameters(int trialNumber, double[] values) {
    }

    /** A page of a window's search trials that ran without failing, numbered after {@code afterTrial}, in trial order. */
    public List<Parameters> succeededParameters(WindowState.Key window, int afterTrial, int limit) {
        List<Parameters> out = new ArrayList<>(Math.min(limit, 65_536));
        int from = afterTrial + 1;
        while (out.size() < limit) {
            // a few batches at a time: a batch of 4,096 trials of 8 parameters is 256 KB
            List<Batch> page = batches(window, SEARCH, "first_trial, trial_count, parameters, cast(failures as text)", from,
                    Integer.MAX_VALUE, true, 4);
            if (page.isEmpty()) {
                break;
            }
            for (Batch b : page) {
                int p = b.parameters.length / b.count;
                for (int n = Math.max(from, b.first); n < b.first + b.count && out.size() < limit; n++) {
                    if (!b.failures.containsKey(Integer.toString(n))) {
                        int i = n - b.first;
                        out.add(new Parameters(n, java.util.Arrays.copyOfRange(b.parameters, i * p, (i + 1) * p)));
                    }
                }
                from = b.first + b.count;
            }
        }
        return out;
    }

    /** One stored batch, with the columns a query asked for (the others empty). */
    private record Batch(int first, int count, double[] scores, double[] parameters, double[] metrics,
            Map<String, String> failures, String workerId) {
    }

    private List<Batch> batches(WindowState.Key window, String purpose, String columns, int fromTrial, int untilTrial,
            boolean ordered) {
        return batches(window, purpose, columns, fromTrial, untilTrial, ordered, Integer.MAX_VALUE);
    }

    /** The window's batches holding a trial in [fromTrial, untilTrial), in trial order; at most {@code limit}. */
    private List<Batch> batches(WindowState.Key window, String purpose, String columns, int fromTrial, int untilTrial,
            boolean ordered, int limit) {
        List<String> wanted = List.of(columns.split(",\\s*"));
        return em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement ps = connection.prepareStatement("select " + columns + " from trial_batches where " + WINDOW
                    + " and first_trial < ? and first_trial + trial_count > ? order by first_trial"
                    + (limit == Integer.MAX_VALUE ? "" : " limit " + limit))) {
                ps.setString(1, window.jobId);
                ps.setString(2, window.marketKey);
                ps.setInt(3, window.windowIndex);
                ps.setString(4, purpose);
                ps.setInt(5, untilTrial);
                ps.setInt(6, fromTrial);
                List<Batch> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Batch(rs.getInt(1), rs.getInt(2),
                                column(rs, wanted, "scores"), column(rs, wanted, "parameters"), column(rs, wanted, "metrics"),
                                wanted.contains("cast(failures as text)") ? failures(rs.getString(wanted.indexOf("cast(failures as text)") + 1))
                                        : Map.of(),
                                wanted.contains("worker_id") ? rs.getString(wanted.indexOf("worker_id") + 1) : null));
                    }
                }
                return out;
            }
        });
    }

    private static double[] column(ResultSet rs, List<String> wanted, String name) throws SQLException {
        int index = wanted.indexOf(name);
        return index < 0 ? new double[0] : doubles(rs.getArray(index + 1));
    }

    private static Map<String, String> failures(String json) {
        if (json == null) {
            return Map.of();
        }
        try {
            return EventJson.mapper().readValue(json, new TypeReference<Map<String, String>>() {
            });
        } catch (java.io.IOException e) {
            throw new IllegalStateException("unreadable failures of a trial batch: " + e.getMessage(), e);
        }
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
