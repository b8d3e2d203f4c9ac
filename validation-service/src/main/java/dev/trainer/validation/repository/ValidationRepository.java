package dev.trainer.validation.repository;

import dev.trainer.contracts.serde.EventJson;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;

/** The validations table; a configuration is validated once ({@code on conflict do nothing}). */
@ApplicationScoped
public class ValidationRepository implements PanacheRepositoryBase<Validation, String> {

    /** True if the configuration was new. Must run in a transaction. */
    public boolean insertIfAbsent(String configId, String jobId, String market, String stage, List<String> reasons,
            Map<String, Object> statistics) {
        return getEntityManager().createNativeQuery(
                "insert into validations (config_id, job_id, market, stage, reasons, statistics, created_at) "
                        + "values (?1, ?2, ?3, ?4, cast(?5 as jsonb), cast(?6 as jsonb), now()) on conflict do nothing")
                .setParameter(1, configId)
                .setParameter(2, jobId)
                .setParameter(3, market)
                .setParameter(4, stage)
                .setParameter(5, new String(EventJson.write(reasons), java.nio.charset.StandardCharsets.UTF_8))
                .setParameter(6, new String(EventJson.write(statistics), java.nio.charset.StandardCharsets.UTF_8))
                .executeUpdate() == 1;
    }

    public List<Validation> forJob(String jobId) {
        return list("jobId", Sort.by("market"), jobId);
    }
}
