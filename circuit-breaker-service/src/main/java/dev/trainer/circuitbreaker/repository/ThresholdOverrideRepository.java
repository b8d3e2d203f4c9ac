package dev.trainer.circuitbreaker.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class ThresholdOverrideRepository implements PanacheRepositoryBase<ThresholdOverride, Long> {

    public Optional<ThresholdOverride> find(String breaker, String scope) {
        return find("breaker = :breaker and scope = :scope", Parameters.with("breaker", breaker).and("scope", scope))
                .firstResultOptional();
    }

    /** Filters that are null match everything. */
    public List<ThresholdOverride> search(String breaker, String scope) {
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
        return find((where.isEmpty() ? "" : String.join(" and ", where) + " ") + "order by breaker, scope", parameters)
                .list();
    }
}
