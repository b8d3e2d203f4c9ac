package dev.trainer.cli;

import dev.trainer.candleimport.CandleFileImport;
import dev.trainer.candleimport.ImportOutcome;
import dev.trainer.candleimport.ImportTarget;
import dev.trainer.devinfra.InfraProcess;
import dev.trainer.devinfra.PostgresServer;
import dev.trainer.domain.market.CandleCsvReader;
import dev.trainer.domain.market.Timeframe;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * {@code bin/trainer bench-import [--candles N] [--batch N]}: how long a bulk import of N one-minute candles (default
 * 1,000,000; the target is at most 30 s) takes. It writes a Binance-format CSV of N candles to a temporary file,
 * starts a PostgreSQL of its own (dev-infra, on a free port, deleted afterwards), creates market-data-service's
 * schema from the service's own Flyway migrations in this checkout, and runs {@link CandleFileImport}, the code the
 * service runs for {@code POST /api/market-data/imports}, in one transaction as the service does. The HTTP upload
 * is not part of it. A second import of the same file measures the idempotent path (nothing new to store).
 */
final class ImportBenchmark {

    private static final String MIGRATIONS = "market-data-service/src/main/resources/db/migration";
    private static final String SCHEMA = "market_data";
    private static final long FIRST_OPEN_TIME_MS = 1_577_836_800_000L; // 2020-01-01T00:00:00Z
    private static final double TARGET_SECONDS_PER_MILLION = 30;

    private ImportBenchmark() {
    }

    static int run(List<String> args, Path checkout) throws Exception {
        int candles = args.contains("--candles")
                ? CommandOptions.positiveInt(CommandOptions.value(args, args.indexOf("--candles") + 1, "--candles"), "--candles")
                : 1_000_000;
        int batch = args.contains("--batch")
                ? CommandOptions.positiveInt(CommandOptions.value(args, args.indexOf("--batch") + 1, "--batch"), "--batch")
                : CandleFileImport.DEFAULT_BATCH_SIZE_CANDLES;
        Path migrations = checkout.resolve(MIGRATIONS);
        if (!Files.isDirectory(migrations)) {
            throw new IllegalStateException("bench-import runs in a checkout: no " + migrations);
        }
        Path file = Files.createTempFile("trainer-bench-import-BENCHUSDT-1m-", ".csv");
        try {
            long t0 = System.nanoTime();
            writeKlines(file, candles);
            System.out.printf(Locale.ROOT, "wrote %,d one-minute candles in Binance's kline format: %s (%,d MB) in %.1f s%n",
                    candles, file, Files.size(file) >> 20, seconds(t0));
            long t1 = System.nanoTime();
            long parsed = parseOnly(file);
            System.out.printf(Locale.ROOT, "parsing alone (CandleCsvReader, no database): %,d candles in %.2f s%n", parsed,
                    seconds(t1));
            try (InfraProcess postgres = InfraProcess.postgres(0, null);
                 Connection connection = DriverManager.getConnection(postgres.address(), PostgresServer.USERNAME,
                         PostgresServer.PASSWORD)) {
                createSchema(connection, migrations);
                CandleFileImport fileImport = new CandleFileImport(batch, Long.MAX_VALUE);
                ImportTarget target = new ImportTarget("bench", "BENCH/USDT", Timeframe.M1);
                double first = timedImport(connection, fileImport, file, target, "first import (all new)");
                timedImport(connection, fileImport, file, target, "same file again (nothing new)");
                System.out.printf(Locale.ROOT, "%,d candles in %.1f s, %.1f s per million against a target of at most %.0f s"
                                + " (batches of %,d; CPU cores %d, java %s)%n", candles, first, first * 1_000_000 / candles,
                        TARGET_SECONDS_PER_MILLION, batch, Runtime.getRuntime().availableProcessors(),
                        System.getProperty("java.version"));
            }
        } finally {
            Files.deleteIfExists(file);
        }
        return 0;
    }

    /** One import in one transaction, committed; returns its seconds, commit included. */
    private static double timedImport(Connection connection, CandleFileImport fileImport, Path file, ImportTarget target,
            String label) throws SQLException, IOException {
        long start = System.nanoTime();
        ImportOutcome outcome;
        try (InputStream in = Files.newInputStream(file)) {
            outcome = fileImport.run(connection, in, target, CandleFileImport.Progress.NONE);
            connection.commit();
        } catch (SQLException | IOException | RuntimeException e) {
            connection.rollback();
            throw e;
        }
        double seconds = seconds(start);
        long stored;
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("select count(*) from candles")) {
            rs.next();
            stored = rs.getLong(1);
        }
        connection.commit();
        System.out.printf(Locale.ROOT, "%s: %,d rows read, %,d new, %,d already stored in %.2f s (%,.0f candles/s); "
                        + "%,d candles in the table%n", label, outcome.rowsRead(), outcome.newCandles(),
                outcome.alreadyStoredCandles(), seconds, outcome.rowsRead() / seconds, stored);
        return seconds;
    }

    /** The service's own migrations, in version order, as Flyway would apply them to a new database. */
    private static void createSchema(Connection connection, Path migrations) throws SQLException, IOException {
        List<Path> scripts;
        try (Stream<Path> files = Files.list(migrations)) {
            scripts = files.filter(p -> p.getFileName().toString().matches("V\\d+__.*\\.sql"))
                    .sorted(Comparator.comparingInt(ImportBenchmark::version)).toList();
        }
        connection.setAutoCommit(false);
        try (Statement s = connection.createStatement()) {
            s.execute("create schema " + SCHEMA);
            s.execute("set search_path to " + SCHEMA);
            for (Path script : scripts) {
                s.execute(Files.readString(script));
            }
        }
        connection.commit();
    }

    private static int version(Path script) {
        String name = script.getFileName().toString();
        return Integer.parseInt(name.substring(1, name.indexOf("__")));
    }

    /** A seeded random walk, one row per minute, in the twelve columns of Binance's dumps (open times in ms). */
    private static void writeKlines(Path file, int candles) throws IOException {
        SplittableRandom random = new SplittableRandom(20_240_101);
        double close = 30_000;
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.US_ASCII)) {
            for (int i = 0; i < candles; i++) {
                long openTimeMs = FIRST_OPEN_TIME_MS + i * 60_000L;
                double open = close;
                close = Math.max(1, open * (1 + random.nextGaussian() * 0.001));
                double high = Math.max(open, close) * (1 + random.nextDouble() * 0.0005);
                double low = Math.min(open, close) * (1 - random.nextDouble() * 0.0005);
                double volume = random.nextDouble() * 50;
                out.write(String.format(Locale.ROOT, "%d,%.2f,%.2f,%.2f,%.2f,%.5f,%d,%.4f,%d,%.5f,%.4f,0%n", openTimeMs, open,
                        high, low, close, volume, openTimeMs + 59_999, volume * close, 1 + random.nextInt(900), volume / 2,
                        volume * close / 2));
            }
        }
    }

    private static long parseOnly(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            CandleCsvReader candles = new CandleCsvReader(reader, Timeframe.M1);
            while (candles.hasNext()) {
                candles.next();
            }
            return candles.candlesRead();
        }
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
