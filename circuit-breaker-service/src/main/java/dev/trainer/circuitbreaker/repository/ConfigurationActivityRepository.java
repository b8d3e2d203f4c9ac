package dev.trainer.circuitbreaker.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class ConfigurationActivityRepository implements PanacheRepositoryBase<ConfigurationActivity, String> {

    /** The configuration's row, created empty the first time. */
    public ConfigurationActivity of(String configId) {
        ConfigurationActivity found = findById(configId);
        if (found == null) {
            found = ConfigurationActivity.empty(configId);
            persist(found);
        }
        return found;
    }
}
