package dev.trainer.configregistry.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** The lifecycle_transitions audit table: appended to, never changed. */
@ApplicationScoped
public class LifecycleTransitionRepository implements PanacheRepositoryBase<LifecycleTransition, Long> {

    /**
     * Oldest first. A transition locks its configuration's row, so the transitions of one configuration are
     * inserted one after the other and their ids are in the order they happened.
     */
    public List<LifecycleTransition> history(String configId) {
        return list("configId = ?1 order by transitionId", configId);
    }
}
