package dev.trainer.circuitbreaker.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class MarketSeriesRepository implements PanacheRepositoryBase<MarketSeries, Long> {

    public Optional<MarketSeries> find(String exchange, String pair, String timeframe) {
        return find("exchange = ?1 and pair = ?2 and timeframe = ?3", exchange, pair, timeframe).firstResultOptional();
    }

    /** Every timeframe held for a market. */
    public List<MarketSeries> ofMarket(String exchange, String pair) {
        return list("exchange = ?1 and pair = ?2", exchange, pair);
    }
}
