package dev.trainer.candleimport;

import dev.trainer.domain.market.Candle;
import dev.trainer.binarycopy.BinaryCopyWriter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Writes batches of one series' candles into the {@code candles} table fast enough for bulk imports: each batch
 * goes by {@code COPY ... (format binary)} into a temporary staging table and is then merged with
 * {@code insert ... select ... on conflict do nothing}. That keeps the semantics of the service's row-by-row upsert
 * (a candle already stored is left as it is, so writing the same candles twice stores nothing twice) at one
 * round trip per batch instead of one per row. Binary COPY ({@link BinaryCopyWriter}) sends the doubles' exact
 * bits: no text formatting on either side, nothing rounded.
 *
 * <p>Works inside the caller's transaction (autocommit off) on a PostgreSQL connection whose search path finds
 * {@code candles}; the staging table is dropped when that transaction ends, committed or not.
 */
public final class CandleBulkWriter implements AutoCloseable {

    static final String STAGING_TABLE = "candle_import_staging";
    private static final int COLUMNS = 6;

    private final CopyManager copy;
    private final PreparedStatement merge;
    private final Statement truncate;

    private CandleBulkWriter(CopyManager copy, PreparedStatement merge, Statement truncate) {
        this.copy = copy;
        this.merge = merge;
        this.truncate = truncate;
    }

    /** Creates the staging table for this transaction and prepares the merge into the given series. */
    public static CandleBulkWriter open(Connection connection, ImportTarget target) throws SQLException {
        if (connection.getAutoCommit()) {
            throw new IllegalStateException("CandleBulkWriter runs inside a transaction: its staging table lives until "
                    + "the transaction ends, and an import is stored whole or not at all");
        }
        try (Statement ddl = connection.createStatement()) {
            ddl.execute("create temporary table " + STAGING_TABLE + " (open_time_ms bigint not null, "
                    + "open double precision not null, high double precision not null, low double precision not null, "
                    + "close double precision not null, volume double precision not null) on commit drop");
        }
        PreparedStatement merge = connection.prepareStatement(
                "insert into candles (exchange, pair, timeframe, open_time_ms, open, high, low, close, volume) "
                        + "select ?, ?, ?, open_time_ms, open, high, low, close, volume from " + STAGING_TABLE
                        + " on conflict do nothing");
        merge.setString(1, target.exchange());
        merge.setString(2, target.pair());
        merge.setString(3, target.timeframe().label());
        return new CandleBulkWriter(connection.unwrap(PGConnection.class).getCopyAPI(), merge, connection.createStatement());
    }

    /** Stores the batch; returns how many of its candles were new. */
    public int write(List<Candle> batch) throws SQLException {
        if (batch.isEmpty()) {
            return 0;
        }
        stage(batch);
        int added = merge.executeUpdate();
        truncate.execute("truncate " + STAGING_TABLE);
        return added;
    }

    private void stage(List<Candle> batch) throws SQLException {
        try (BinaryCopyWriter rows = BinaryCopyWriter.to(copy.copyIn("copy " + STAGING_TABLE
                + " (open_time_ms, open, high, low, close, volume) from stdin (format binary)"))) {
            for (Candle c : batch) {
                rows.row(COLUMNS).int8(c.openTimeMs()).float8(c.open()).float8(c.high()).float8(c.low()).float8(c.close())
                        .float8(c.volume());
            }
            rows.finish();
        }
    }

    @Override
    public void close() throws SQLException {
        try {
            merge.close();
        } finally {
            truncate.close();
        }
    }
}
