package dev.trainer.configregistry.repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.trainer.configregistry.mapping.KeyNumbers;
import dev.trainer.contracts.events.ConfigTrained;
import dev.trainer.contracts.serde.EventJson;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hibernate.Session;

/**
 * The trained_configurations table. A configuration is written once: a second event for the same configuration
 * id stores nothing ({@code on conflict do nothing}).
 */
@ApplicationScoped
public class TrainedConfigurationRepository implements PanacheRepositoryBase<TrainedConfiguration, String> {

    private static final String INSERT = "insert into trained_configurations (config_id, event_id, job_id, user_id, "
            + "strategy, exchange, pair, timeframe, parameters, v3_config, in_sample_metrics, out_of_sample_metrics, "
            + "statistics, net_profit_fraction, sharpe_daily, max_drawdown_fraction, gross_win_rate_fraction, trade_count, "
            + "out_of_sample_days, p_value, z_score, stability_score, probabilistic_sharpe_probability, "
            + "deflated_sharpe_probability, probability_of_backtest_overfitting, minimum_track_record_length_days, "
            + "lifecycle_stage, stage_reasons, data_fingerprint, quality_score_fraction, code_version, seed, "
            + "optimization_method, validation_method, trials_evaluated, trained_at, created_at) "
            + "values (?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), cast(? as jsonb), cast(? as jsonb), cast(? as jsonb), "
            + "cast(? as jsonb), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?, ?, ?, ?, ?, ?, ?, "
            + "now()) on conflict do nothing";

    /** The length of config_id (varchar(64)). */
    public static final int MAX_CONFIG_ID_CHARS = 64;

    /** The first key of {@link #lockPauseDecision}'s advisory locks: "CREG" in ASCII. */
    private static final int PAUSE_DECISION_LOCK_CLASS = 0x43524547;

    /** True if the configuration was new. Must run in a transaction. */
    public boolean insertIfAbsent(ConfigTrained c) {
        KeyNumbers key = KeyNumbers.of(c);
        int[] inserted = {0};
        getEntityManager().unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement ps = connection.prepareStatement(INSERT)) {
                int i = 0;
                ps.setString(++i, c.configId());
                ps.setString(++i, c.eventId());
                ps.setString(++i, c.jobId());
                ps.setString(++i, c.userId());
                ps.setString(++i, c.strategy());
                ps.setString(++i, c.market().exchange());
                ps.setString(++i, c.market().pair());
                ps.setString(++i, c.market().timeframe());
                ps.setString(++i, json(c.parameters()));
                ps.setString(++i, json(c.v3Config()));
                ps.setString(++i, json(c.inSampleMetrics()));
                ps.setString(++i, json(c.outOfSampleMetrics()));
                ps.setString(++i, json(c.statistics()));
                ps.setObject(++i, key.netProfitFraction(), Types.DOUBLE);
                ps.setObject(++i, key.sharpeDaily(), Types.DOUBLE);
                ps.setObject(++i, key.maxDrawdownFraction(), Types.DOUBLE);
                ps.setObject(++i, key.grossWinRateFraction(), Types.DOUBLE);
                ps.setObject(++i, key.tradeCount(), Types.INTEGER);
                ps.setObject(++i, key.outOfSampleDays(), Types.INTEGER);
                ps.setObject(++i, key.pValue(), Types.DOUBLE);
                ps.setObject(++i, key.zScore(), Types.DOUBLE);
                ps.setObject(++i, key.stabilityScore(), Types.DOUBLE);
                ps.setObject(++i, key.probabilisticSharpeProbability(), Types.DOUBLE);
                ps.setObject(++i, key.deflatedSharpeProbability(), Types.DOUBLE);
                ps.setObject(++i, key.probabilityOfBacktestOverfitting(), Types.DOUBLE);
                ps.setObject(++i, key.minimumTrackRecordLengthDays(), Types.DOUBLE);
                ps.setString(++i, c.lifecycleStage());
                ps.setString(++i, json(c.stageReasons() == null ? List.of() : c.stageReasons()));
                ps.setString(++i, c.dataFingerprint());
                ps.setDouble(++i, c.qualityScore());
                ps.setString(++i, c.codeVersion());
                ps.setLong(++i, c.seed());
                ps.setString(++i, c.optimizationMethod());
                ps.setString(++i, c.validationMethod());
                ps.setInt(++i, c.trialsEvaluated());
                ps.setTimestamp(++i, Timestamp.from(c.occurredAt()));
                inserted[0] = ps.executeUpdate();
            }
        });
        return inserted[0] == 1;
    }

    /**
     * Holds, until the transaction ends, a lock on the decision whether one configuration is paused: storing it and
     * each breaker event that names it take this lock first, so whichever commits second sees what the first wrote.
     * The configuration's row cannot serve, because a breaker may pause a configuration before its row exists. The
     * lock is a PostgreSQL advisory lock, which is database-wide: the first key keeps it apart from other services'.
     */
    public void lockPauseDecision(String configId) {
        getEntityManager().unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement ps = connection.prepareStatement("select pg_advisory_xact_lock(?, hashtext(?))")) {
                ps.setInt(1, PAUSE_DECISION_LOCK_CLASS);
                ps.setString(2, configId);
                ps.executeQuery().close();
            }
        });
    }

    /**
     * The configuration, its row locked until the transaction ends, so that concurrent transitions of one
     * configuration happen one after the other and each starts from the stage the previous one left.
     */
    public Optional<TrainedConfiguration> findForUpdate(String configId) {
        return findByIdOptional(configId, LockModeType.PESSIMISTIC_WRITE);
    }

    /**
     * One page of the configurations that pass the filter, in the given order; undefined (null) values sort last in
     * either direction, and ties are broken by configuration id so that pages do not overlap.
     */
    public Found search(ConfigurationFilter filter, SortOrder order, int page, int size) {
        List<String> clauses = new ArrayList<>();
        Parameters params = new Parameters();
        equal(clauses, params, "strategy", filter.strategy());
        equal(clauses, params, "exchange", filter.exchange());
        equal(clauses, params, "pair", filter.pair());
        equal(clauses, params, "timeframe", filter.timeframe());
        equal(clauses, params, "lifecycleStage", filter.stage());
        equal(clauses, params, "jobId", filter.jobId());
        atLeast(clauses, params, "sharpeDaily", filter.minSharpeDaily());
        atLeast(clauses, params, "tradeCount", filter.minTradeCount());
        atLeast(clauses, params, "deflatedSharpeProbability", filter.minDeflatedSharpeProbability());
        Sort sort = Sort.by(order.field().property,
                order.descending() ? Sort.Direction.Descending : Sort.Direction.Ascending, Sort.NullPrecedence.NULLS_LAST)
                .and("configId");
        PanacheQuery<TrainedConfiguration> query = clauses.isEmpty() ? findAll(sort)
                : find(String.join(" and ", clauses), sort, params);
        return new Found(query.page(Page.of(page, size)).list(), query.count());
    }

    private static void equal(List<String> clauses, Parameters params, String property, Object value) {
        if (value != null) {
            clauses.add(property + " = :" + property);
            params.and(property, value);
        }
    }

    private static void atLeast(List<String> clauses, Parameters params, String property, Object value) {
        if (value != null) {
            clauses.add(property + " >= :" + property);
            params.and(property, value);
        }
    }

    private static String json(Object value) {
        try {
            return EventJson.mapper().writeValueAsString(value == null ? java.util.Map.of() : value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** A page of configurations and how many pass the filter in all. */
    public record Found(List<TrainedConfiguration> items, long total) {
    }
}
