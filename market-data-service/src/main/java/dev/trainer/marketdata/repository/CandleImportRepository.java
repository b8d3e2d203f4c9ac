package dev.trainer.marketdata.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

@ApplicationScoped
public class CandleImportRepository implements PanacheRepositoryBase<CandleImport, Long> {

    /** Newest first; a null filter matches everything. */
    public List<CandleImport> recent(String exchange, String pair, String timeframe, int limit) {
        List<String> where = new ArrayList<>();
        Parameters parameters = new Parameters();
        if (exchange != null) {
            where.add("exchange = :exchange");
            parameters.and("exchange", exchange);
        }
        if (pair != null) {
            where.add("pair = :pair");
            parameters.and("pair", pair);
        }
        if (timeframe != null) {
            where.add("timeframe = :timeframe");
            parameters.and("timeframe", timeframe);
        }
        return find(String.join(" and ", where), Sort.descending("id"), parameters).page(0, limit).list();
    }

    /** Moves a running import's row count on; the status stays RUNNING. */
    public void progress(long id, long rowsRead, long newCandles) {
        update("rowsRead = ?1, newCandles = ?2 where id = ?3 and status = ?4", rowsRead, newCandles, id, CandleImport.RUNNING);
    }
}
