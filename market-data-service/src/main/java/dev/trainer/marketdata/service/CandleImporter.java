package dev.trainer.marketdata.service;

import dev.trainer.candleimport.CandleFileImport;
import dev.trainer.candleimport.ImportError;
import dev.trainer.candleimport.ImportOutcome;
import dev.trainer.candleimport.ImportRejectedException;
import dev.trainer.candleimport.ImportTarget;
import dev.trainer.domain.market.Timeframe;
import dev.trainer.marketdata.config.ImportConfig;
import dev.trainer.marketdata.repository.CandleImport;
import dev.trainer.marketdata.repository.CandleImportRepository;
import dev.trainer.marketdata.repository.CoverageRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.hibernate.Session;
import org.jboss.logging.Logger;

/**
 * Bulk imports of candle files into the candles table, all or nothing: the candles of one file are written in one
 * transaction by {@link CandleFileImport} (the code {@code bin/trainer bench-import} measures), and a file refused at
 * any line rolls back everything it had written. Each import is recorded in table imports: RUNNING, committed on its
 * own as the import starts and moved on every {@code market-data.import.progress-every-candles} rows so that it can
 * be watched while the candles' transaction is still open, then COMPLETED or FAILED. Every failure ends FAILED with
 * an error of at most 1 KB ({@link ImportError}); an import cut off by a crash or a stop is marked FAILED when the
 * service next starts (its candles' transaction held a lock PostgreSQL released when the process went away).
 */
@ApplicationScoped
public class CandleImporter {

    private static final Logger LOG = Logger.getLogger(CandleImporter.class);

    private final EntityManager em;
    private final CandleImportRepository imports;
    private final ImportConfig config;
    private final CoverageRepository coverage;

    public CandleImporter(EntityManager em, CandleImportRepository imports, ImportConfig config, CoverageRepository coverage) {
        this.coverage = coverage;
        this.em = em;
        this.imports = imports;
        this.config = config;
    }

    /**
     * Reads the whole file and stores its candles as the target series; returns the completed import.
     *
     * @throws ImportRejectedException the file was refused (nothing stored); the import is recorded as FAILED
     */
    public CandleImport importFile(ImportTarget target, InputStream file) {
        long id = QuarkusTransaction.requiringNew().call(() -> start(target));
        CandleFileImport fileImport = new CandleFileImport(config.batchSizeCandles(), config.progressEveryCandles());
        AtomicLong rowsRead = new AtomicLong();
        try {
            return QuarkusTransaction.requiringNew().timeout((int) config.transactionTimeout().toSeconds()).call(() -> {
                ImportOutcome outcome = em.unwrap(Session.class).doReturningWork(connection -> {
                    CandleImportRepository.holdWhileRunning(connection, id);
                    try {
                        return fileImport.run(connection, file, target, (rows, added) -> {
                            rowsRead.set(rows);
                            progress(id, target, rows, added);
                        });
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
                return complete(id, outcome);
            });
        } catch (ImportRejectedException e) {
            LOG.warnf("import %d into %s refused, nothing stored: %s", id, target, e.getMessage());
            fail(id, e.rowsRead(), e.getMessage());
            throw e;
        } catch (UncheckedIOException e) {
            // the body broke off: the client went away or the connection failed
            LOG.warnf("import %d into %s: the file did not arrive whole, nothing stored: %s", id, target, e.getCause());
            fail(id, rowsRead.get(), "the file did not arrive whole: " + e.getCause().getMessage());
            throw e;
        } catch (RuntimeException e) {
            LOG.errorf(e, "import %d into %s failed, nothing stored", id, target);
            // the exception's class and message only: a cause's message may hold SQL and the values of a batch
            fail(id, rowsRead.get(), "the import failed: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()));
            throw e;
        }
    }

    /**
     * At start, before any import of this process: imports left RUNNING by a process that went away (killed, stopped,
     * its connection lost) are marked FAILED saying so. Their candles were rolled back with their transaction.
     */
    void onStart(@Observes StartupEvent start) {
        failAbandonedImports();
    }

    /** Marks FAILED the RUNNING imports no live transaction holds (see {@link CandleImportRepository#failAbandoned}). */
    public List<Long> failAbandonedImports() {
        List<Long> ids = QuarkusTransaction.requiringNew().call(() -> imports.failAbandoned(ABANDONED));
        if (!ids.isEmpty()) {
            LOG.warnf("imports %s were still RUNNING with no process importing them; marked FAILED: %s", ids, ABANDONED);
        }
        return ids;
    }

    /** The error of an import cut off by a crash, as recorded at the next start. */
    public static final String ABANDONED = "the import was cut off: the service stopped or crashed while it ran, so "
            + "nothing was stored; marked FAILED when the service started again";

    private long start(ImportTarget target) {
        CandleImport row = new CandleImport();
        row.exchange = target.exchange();
        row.pair = target.pair();
        row.timeframe = target.timeframe().label();
        row.status = CandleImport.RUNNING;
        row.startedAt = Instant.now();
        imports.persist(row);
        return row.id;
    }

    private void progress(long id, ImportTarget target, long rowsRead, long newCandles) {
        LOG.infof("import %d into %s: %d rows read, %d of them new so far", id, target, rowsRead, newCandles);
        // its own transaction: the import's is open until the file ends, and readers should see how far it is
        QuarkusTransaction.requiringNew().run(() -> imports.progress(id, rowsRead, newCandles));
    }

    private CandleImport complete(long id, ImportOutcome outcome) {
        CandleImport row = imports.findById(id);
        row.status = CandleImport.COMPLETED;
        row.error = null; // a start elsewhere may have thought it abandoned while it waited for its lock
        row.fileFormat = outcome.fileFormat();
        row.rowsRead = outcome.rowsRead();
        row.newCandles = outcome.newCandles();
        row.firstOpenTimeMs = outcome.firstOpenTimeMs();
        row.lastOpenTimeMs = outcome.lastOpenTimeMs();
        row.finishedAt = Instant.now();
        if (outcome.rowsRead() > 0) {
            // an exchange's own dump covers its span: a later fetch need not ask the exchange for it again
            coverage.record(row.exchange, row.pair, row.timeframe, new TimeRange(outcome.firstOpenTimeMs(),
                    outcome.lastOpenTimeMs() + Timeframe.parse(row.timeframe).durationMs()));
        }
        LOG.infof("import %d into %s %s %s (%s): %d rows read, %d new, %d already stored, in %d ms", id, row.exchange,
                row.pair, row.timeframe, row.fileFormat, outcome.rowsRead(), outcome.newCandles(),
                outcome.alreadyStoredCandles(), outcome.elapsedMs());
        return row;
    }

    private void fail(long id, long rowsRead, String error) {
        String bounded = ImportError.bounded(error);
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                CandleImport row = imports.findById(id);
                row.status = CandleImport.FAILED;
                row.rowsRead = rowsRead;
                row.newCandles = 0;
                row.error = bounded;
                row.finishedAt = Instant.now();
            });
        } catch (RuntimeException e) {
            // the database is unreachable: the row stays RUNNING until the next start marks it FAILED
            LOG.errorf(e, "import %d: cannot record it as FAILED (%s)", id, bounded);
        }
    }
}
