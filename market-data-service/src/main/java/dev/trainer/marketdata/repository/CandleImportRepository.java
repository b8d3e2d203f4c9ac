package dev.trainer.marketdata.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.Session;

@ApplicationScoped
public class CandleImportRepository implements PanacheRepositoryBase<CandleImport, Long> {

    /**
     * The first key of the advisory locks that say an import is alive: (this, import id), held by the transaction that
     * writes the import's candles. PostgreSQL releases it when that transaction ends in any way, a crashed service's
     * connection included, so a RUNNING row whose lock is free belongs to no live import. Two-key locks never clash
     * with the single-key ones of the coverage.
     */
    private static final String LOCK_SPACE = "hashtext('market_data.imports')";

    private final EntityManager em;

    public CandleImportRepository(EntityManager em) {
        this.em = em;
    }

    /** Takes the import's liveness lock for the rest of the connection's current transaction (the candles'). */
    public static void holdWhileRunning(Connection connection, long id) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement(
                "select pg_advisory_xact_lock(" + LOCK_SPACE + ", cast(? as integer))")) {
            lock.setLong(1, id);
            lock.execute();
        }
    }

    /**
     * Marks FAILED, with {@code error}, every RUNNING import whose liveness lock is free: its candles' transaction ended
     * without finishing the row (the service was killed or stopped mid-import; PostgreSQL rolled its candles back).
     * Imports running elsewhere hold their lock and are left alone. Returns the ids marked.
     */
    public List<Long> failAbandoned(String error) {
        return em.unwrap(Session.class).doReturningWork(connection -> {
            List<Long> ids = new ArrayList<>();
            // the lock taken here is held until this transaction commits: an import that had just committed its
            // RUNNING row and not yet taken its lock waits for it, then finishes and overwrites this FAILED
            try (PreparedStatement ps = connection.prepareStatement("update imports set status = 'FAILED', error = ?, "
                    + "new_candles = 0, finished_at = now() where id in (select id from imports where status = 'RUNNING' "
                    + "and pg_try_advisory_xact_lock(" + LOCK_SPACE + ", cast(id as integer))) returning id")) {
                ps.setString(1, error);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getLong(1));
                    }
                }
            }
            return ids;
        });
    }

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
