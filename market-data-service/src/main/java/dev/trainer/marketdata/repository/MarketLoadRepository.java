package dev.trainer.marketdata.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class MarketLoadRepository implements PanacheRepositoryBase<MarketLoad, MarketLoad.Key> {

    public List<MarketLoad> forJob(String jobId) {
        return list("key.jobId", jobId);
    }
}
