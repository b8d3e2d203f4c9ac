package dev.trainer.circuitbreaker.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class BreakerStateRepository implements PanacheRepositoryBase<BreakerState, Long> {

    public Optional<BreakerState> find(String breaker, String scope) {
        return find("breaker = :breaker and scope = :scope", Parameters.with("breaker", breaker).and("scope", scope))
                .firstResultOptional();
    }

    /** Filters that are null match everything; ordered by scope, then breaker. */
    public List<BreakerState> search(String breaker, String scope, String state, int offset, int limit) {
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
        if (state != null) {
            where.add("state = :state");
            parameters = parameters.and("state", state);
        }
        String query = (where.isEmpty() ? "" : String.join(" and ", where) + " ") + "order by scope, breaker";
        return find(query, parameters).range(offset, offset + limit - 1).list();
    }

    /** The TRIPPED states among these scopes. */
    public List<BreakerState> trippedIn(Collection<String> scopes) {
        if (scopes.isEmpty()) {
            return List.of();
        }
        return list("state = ?1 and scope in ?2", BreakerState.TRIPPED, scopes);
    }

    public List<BreakerState> coolDownsElapsed(Instant now) {
        return list("state = ?1 and coolDownUntil <= ?2 order by coolDownUntil, id", BreakerState.TRIPPED, now);
    }
}
