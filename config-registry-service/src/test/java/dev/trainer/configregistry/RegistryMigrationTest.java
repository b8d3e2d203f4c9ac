package dev.trainer.configregistry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trainer.devinfra.InfraTestResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * V2 on a database that V1 filled: the rows stored before it keep working (their day count copied out, their
 * assignment as the first row of their history); V3's PAUSED stage and its constraints. Runs the migration files in a
 * scratch schema of their own.
 */
@QuarkusTest
@WithTestResource(InfraTestResource.class)
class RegistryMigrationTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void v2CarriesTheRowsOfV1Over() throws Exception {
        String schema = "registry_migration_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            connection.setAutoCommit(true);
            sql.execute("create schema " + schema);
            try {
                sql.execute("set search_path to " + schema);
                sql.execute(migration("V1__config_registry.sql"));
                sql.execute(v1Row("old-1", "'{\"day_count\": 27, \"trade_count\": 12}'",
                        "'[\"net profit 4.00% passes\", \"12 trades: fewer than 30\"]'", "DISCOVERY"));
                sql.execute(v1Row("old-2", "'{\"day_count\": null, \"day_count_undefined_reason\": \"x\"}'", "'[]'",
                        "DECAY"));
                sql.execute(migration("V2__registry_api.sql"));

                try (ResultSet rs = sql.executeQuery("select config_id, out_of_sample_days from trained_configurations "
                        + "order by config_id")) {
                    assertTrue(rs.next());
                    assertEquals(27, rs.getInt(2));
                    assertTrue(rs.next());
                    rs.getInt(2);
                    assertTrue(rs.wasNull());
                }
                try (ResultSet rs = sql.executeQuery("select config_id, from_stage, to_stage, action, reason, actor "
                        + "from lifecycle_transitions order by transition_id")) {
                    assertTrue(rs.next());
                    assertEquals("old-1", rs.getString(1));
                    assertNull(rs.getString(2));
                    assertEquals("DISCOVERY", rs.getString(3));
                    assertEquals("assign", rs.getString(4));
                    assertEquals("assigned by the validator: net profit 4.00% passes; 12 trades: fewer than 30",
                            rs.getString(5));
                    assertEquals("validation-service", rs.getString(6));
                    assertTrue(rs.next());
                    assertEquals("old-2", rs.getString(1));
                    assertEquals("DECAY", rs.getString(3));
                    assertEquals("assigned by the validator: no reasons given", rs.getString(5));
                    assertFalse(rs.next());
                }
                // the stage domain takes RETIRED and still refuses what is no stage, in both tables
                sql.execute("update trained_configurations set lifecycle_stage = 'RETIRED' where config_id = 'old-1'");
                assertThrows(SQLException.class, () -> sql.execute(
                        "update trained_configurations set lifecycle_stage = 'LIVE' where config_id = 'old-1'"));
                assertThrows(SQLException.class, () -> sql.execute("insert into lifecycle_transitions (config_id, "
                        + "from_stage, to_stage, action, reason, actor, at) values ('old-1', 'RETIRED', 'LIVE', "
                        + "'promote', 'why', 'alice', now())"));
                assertThrows(SQLException.class, () -> sql.execute("insert into lifecycle_transitions (config_id, "
                        + "from_stage, to_stage, action, reason, actor, at) values ('old-1', 'PAPER', 'DISCOVERY', "
                        + "'promote', ' ', 'alice', now())"));
            } finally {
                sql.execute("set search_path to config_registry");
                sql.execute("drop schema " + schema + " cascade");
            }
        }
    }

    @Test
    void v3AddsPausedAndKeepsTheStageToGoBackTo() throws Exception {
        String schema = "registry_migration_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            connection.setAutoCommit(true);
            sql.execute("create schema " + schema);
            try {
                sql.execute("set search_path to " + schema);
                sql.execute(migration("V1__config_registry.sql"));
                sql.execute(v1Row("old-1", "'{}'", "'[]'", "VALIDATION"));
                sql.execute(migration("V2__registry_api.sql"));
                sql.execute(migration("V3__breaker_pauses.sql"));

                try (ResultSet rs = sql.executeQuery("select paused_from_stage from trained_configurations")) {
                    assertTrue(rs.next());
                    assertNull(rs.getString(1), "a configuration stored before V3 is not paused");
                }
                sql.execute("update trained_configurations set lifecycle_stage = 'PAUSED', paused_from_stage = "
                        + "'VALIDATION' where config_id = 'old-1'");
                sql.execute("insert into lifecycle_transitions (config_id, from_stage, to_stage, action, reason, actor, "
                        + "at) values ('old-1', 'VALIDATION', 'PAUSED', 'pause', 'why', 'circuit-breaker-service', now())");
                sql.execute("insert into breaker_pauses (config_id, breaker, scope, since) values "
                        + "('not-stored-yet', 'max_daily_loss', 'portfolio', now())");
                // PAUSED without a stage to go back to, a stage to go back to when not PAUSED, or back to PAUSED
                assertThrows(SQLException.class, () -> sql.execute(
                        "update trained_configurations set paused_from_stage = null where config_id = 'old-1'"));
                assertThrows(SQLException.class, () -> sql.execute("update trained_configurations set "
                        + "lifecycle_stage = 'MATURE' where config_id = 'old-1'"));
                assertThrows(SQLException.class, () -> sql.execute("update trained_configurations set "
                        + "paused_from_stage = 'PAUSED' where config_id = 'old-1'"));
                assertThrows(SQLException.class, () -> sql.execute("update trained_configurations set "
                        + "paused_from_stage = 'RETIRED' where config_id = 'old-1'"));
                assertThrows(SQLException.class, () -> sql.execute(
                        "update trained_configurations set lifecycle_stage = 'LIVE' where config_id = 'old-1'"));
                assertThrows(SQLException.class, () -> sql.execute("insert into lifecycle_transitions (config_id, "
                        + "from_stage, to_stage, action, reason, actor, at) values ('old-1', 'PAUSED', 'MATURE', "
                        + "'unpause', 'why', 'alice', now())"));
                assertThrows(SQLException.class, () -> sql.execute("insert into breaker_pauses (config_id, breaker, "
                        + "scope, since) values ('not-stored-yet', 'max_daily_loss', 'portfolio', now())"));
                sql.execute("update trained_configurations set lifecycle_stage = 'RETIRED', paused_from_stage = null "
                        + "where config_id = 'old-1'");
            } finally {
                sql.execute("set search_path to config_registry");
                sql.execute("drop schema " + schema + " cascade");
            }
        }
    }

    private static String v1Row(String configId, String outOfSampleMetrics, String stageReasons, String stage) {
        return "insert into trained_configurations (config_id, event_id, job_id, user_id, strategy, exchange, pair, "
                + "timeframe, parameters, v3_config, in_sample_metrics, out_of_sample_metrics, statistics, "
                + "lifecycle_stage, stage_reasons, data_fingerprint, quality_score_fraction, code_version, seed, "
                + "optimization_method, validation_method, trials_evaluated, trained_at) values ('" + configId
                + "', 'e', 'j', 'u', 'S', 'binance', 'BTC/USDT', '5m', '{}', '{}', '{}', " + outOfSampleMetrics
                + ", '{}', '" + stage + "', " + stageReasons + ", 'fp', 0.9, 'v', 1, 'grid', 'walk_forward', 1, now())";
    }

    private static String migration(String file) throws IOException {
        try (InputStream in = RegistryMigrationTest.class.getResourceAsStream("/db/migration/" + file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
