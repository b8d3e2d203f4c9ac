package dev.trainer.circuitbreaker.repository;

import dev.trainer.contracts.events.ConfigTrained;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * The active_configurations table. A configuration is added once, with every breaker ARMED (the column
 * defaults); a second event for the same configuration id changes nothing ({@code on conflict do nothing}), so
 * replaying configs.trained never re-arms a breaker that has tripped.
 */
@ApplicationScoped
public class ActiveConfigurationRepository implements PanacheRepositoryBase<ActiveConfiguration, String> {

    /** True if the configuration was new. Must run in a transaction. */
    public boolean addIfAbsent(ConfigTrained config) {
        return getEntityManager().createNativeQuery(
                "insert into active_configurations (config_id, strategy, exchange, pair, timeframe, stage, received_at) "
                        + "values (?1, ?2, ?3, ?4, ?5, ?6, now()) on conflict do nothing")
                .setParameter(1, config.configId())
                .setParameter(2, config.strategy())
                .setParameter(3, config.market().exchange())
                .setParameter(4, config.market().pair())
                .setParameter(5, config.market().timeframe())
                .setParameter(6, config.lifecycleStage())
                .executeUpdate() == 1;
    }

    /** Newest first, optionally only one lifecycle stage. */
    public List<ActiveConfiguration> page(String stage, int offset, int limit) {
        Sort sort = Sort.descending("receivedAt").and("configId");
        var query = stage == null ? findAll(sort) : find("stage = :stage", sort, Parameters.with("stage", stage));
        return query.range(offset, offset + limit - 1).list();
    }
}
