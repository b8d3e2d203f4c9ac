package dev.trainer.circuitbreaker.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

@ApplicationScoped
public class AuditRepository implements PanacheRepositoryBase<AuditEntry, Long> {

    /** Newest first; filters that are null match everything. */
    public List<AuditEntry> newestFirst(String breaker, String scope, int limit) {
        List<String> where = new ArrayList<>();
        Parameters parameters = new Parameters();
        if (breaker != null) {
            where.add("breaker = :breaker");
            parameters = parameters.and("breaker", breaker);
        }
        if (scope != null) {
            where.add("scope = :scope");
            parameters = parameters.and("scope", scope);
        }
        return find((where.isEmpty() ? "" : String.join(" and ", where) + " ") + "order by id desc", parameters)
                .range(0, limit - 1).list();
    }
}
