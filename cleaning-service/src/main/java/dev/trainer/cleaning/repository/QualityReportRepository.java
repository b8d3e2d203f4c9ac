package dev.trainer.cleaning.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

@ApplicationScoped
public class QualityReportRepository implements PanacheRepositoryBase<StoredQualityReport, StoredQualityReport.Key> {

    /** Reports matching every filter that is not null, newest first. */
    public List<StoredQualityReport> search(String exchange, String pair, String timeframe, String jobId, int limit) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        add(where, params, "key.exchange", "exchange", exchange);
        add(where, params, "key.pair", "pair", pair);
        add(where, params, "key.timeframe", "timeframe", timeframe);
        add(where, params, "key.jobId", "jobId", jobId);
        Sort sort = Sort.descending("createdAt").and("key.jobId").and("key.exchange").and("key.pair").and("key.timeframe");
        var query = where.isEmpty() ? findAll(sort) : find(String.join(" and ", where), sort, params);
        return query.page(Page.ofSize(limit)).list();
    }

    private static void add(List<String> where, Map<String, Object> params, String field, String name, String value) {
        if (value != null && !value.isBlank()) {
            where.add(field + " = :" + name);
            params.put(name, value.trim());
        }
    }
}
