package dev.trainer.configregistry.repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.trainer.configregistry.mapping.KeyNumbers;
import dev.trainer.contracts.events.ConfigTrained;
import dev.trainer.contracts.serde.EventJson;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
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
            + "p_value, z_score, stability_score, lifecycle_stage, stage_reasons, data_fingerprint, "
            + "quality_score_fraction, code_version, seed, optimization_method, validation_method, trials_evaluated, "
            + "trained_at, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), cast(? as jsonb), "
            + "cast(? as jsonb), cast(? as jsonb), cast(? as jsonb), ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?, "
            + "?, ?, ?, ?, ?, ?, now()) on conflict do nothing";

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
                ps.setObject(++i, key.pValue(), Types.DOUBLE);
                ps.setObject(++i, key.zScore(), Types.DOUBLE);
                ps.setObject(++i, key.stabilityScore(), Types.DOUBLE);
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

    /** Newest first; every non-null filter must match exactly. */
    public List<TrainedConfiguration> search(Filter filter, int offset, int limit) {
        List<String> clauses = new ArrayList<>();
        Parameters params = new Parameters();
        add(clauses, params, "strategy", filter.strategy());
        add(clauses, params, "exchange", filter.exchange());
        add(clauses, params, "pair", filter.pair());
        add(clauses, params, "timeframe", filter.timeframe());
        add(clauses, params, "lifecycleStage", filter.stage());
        Sort sort = Sort.descending("createdAt").and("configId");
        var query = clauses.isEmpty() ? findAll(sort) : find(String.join(" and ", clauses), sort, params);
        return query.range(offset, offset + limit - 1).list();
    }

    private static void add(List<String> clauses, Parameters params, String field, String value) {
        if (value != null) {
            clauses.add(field + " = :" + field);
            params.and(field, value);
        }
    }

    private static String json(Object value) {
        try {
            return EventJson.mapper().writeValueAsString(value == null ? java.util.Map.of() : value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Exact-match filters; null means any. */
    public record Filter(String strategy, String exchange, String pair, String timeframe, String stage) {
    }
}
