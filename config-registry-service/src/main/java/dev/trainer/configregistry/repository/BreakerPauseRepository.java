package dev.trainer.configregistry.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.hibernate.Session;

/** The breaker_pauses table: which tripped (breaker, scope) holds which configuration. Must run in a transaction. */
@ApplicationScoped
public class BreakerPauseRepository implements PanacheRepositoryBase<BreakerPause, BreakerPause.Key> {

    private static final String INSERT = "insert into breaker_pauses (config_id, breaker, scope, reason, "
            + "measured_value, threshold, unit, since) values (?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing";

    /**
     * Records that the breaker holds the configuration; a pause already recorded for the same configuration, breaker
     * and scope is kept as it was (it tripped first then). True if the row is new.
     */
    public boolean insertIfAbsent(BreakerPause pause) {
        int[] inserted = {0};
        getEntityManager().unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement ps = connection.prepareStatement(INSERT)) {
                ps.setString(1, pause.configId);
                ps.setString(2, pause.breaker);
                ps.setString(3, pause.scope);
                ps.setString(4, pause.reason);
                ps.setObject(5, pause.measuredValue, Types.DOUBLE);
                ps.setObject(6, pause.threshold, Types.DOUBLE);
                ps.setString(7, pause.unit);
                ps.setTimestamp(8, Timestamp.from(pause.since));
                inserted[0] = ps.executeUpdate();
            }
        });
        return inserted[0] == 1;
    }

    /** Deletes the pauses of one (breaker, scope), whichever configurations they hold; answers those configurations. */
    public List<String> deleteAll(String breaker, String scope) {
        List<String> released = new ArrayList<>();
        getEntityManager().unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement ps = connection.prepareStatement(
                    "delete from breaker_pauses where breaker = ? and scope = ? returning config_id")) {
                ps.setString(1, breaker);
                ps.setString(2, scope);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        released.add(rs.getString(1));
                    }
                }
            }
        });
        return released;
    }

    /** The pauses holding one configuration, oldest first. */
    public List<BreakerPause> of(String configId) {
        return list("configId = ?1 order by since, breaker, scope", configId);
    }

    /** The pauses holding each of the configurations (a configuration without any is left out), oldest first. */
    public Map<String, List<BreakerPause>> of(Collection<String> configIds) {
        if (configIds.isEmpty()) {
            return Map.of();
        }
        return list("configId in ?1 order by since, breaker, scope", configIds).stream()
                .collect(Collectors.groupingBy(p -> p.configId));
    }
}
