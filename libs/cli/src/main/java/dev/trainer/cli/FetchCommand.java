package dev.trainer.cli;

import dev.trainer.domain.market.CandleCsvWriter;
import dev.trainer.domain.market.Timeframe;
import dev.trainer.exchanges.CandleFetcher;
import dev.trainer.exchanges.ExchangeFetchException;
import dev.trainer.exchanges.FetchResult;
import dev.trainer.exchanges.MarketPair;
import dev.trainer.exchanges.SupportedExchange;
import dev.trainer.exchanges.UserTimes;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * {@code bin/trainer fetch --exchange NAME --pair BASE/QUOTE --timeframe TF --since ISO --until ISO [--base-url URL]
 * [--requests-per-second N] --out FILE.csv}: the candles of [since, until) from an exchange, fetched as
 * market-data-service fetches them (libs/exchanges' CandleFetcher: pages, rate limit, backoff on 429/418), written in
 * the research CSV form {@code bin/trainer backtest} reads. The file appears only when the whole range was fetched: it
 * is written beside the target under a temporary name and then moved over it.
 */
public final class FetchCommand {

    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;
    private static final long PROGRESS_EVERY_NANOS = 2_000_000_000L;
    private static final String USAGE_TEXT = "usage: bin/trainer fetch --exchange NAME --pair BASE/QUOTE --timeframe TF"
            + " --since ISO --until ISO [--base-url URL] [--requests-per-second N] --out FILE.csv";

    private final PrintStream out;
    private final PrintStream err;

    public FetchCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public int run(List<String> args) {
        // rescu logs a stack trace at WARN for every error body it cannot parse; the error below says it in one line
        System.setProperty("org.slf4j.simpleLogger.log.si.mazi.rescu", "error");
        Options o;
        CandleFetcher fetcher;
        try {
            o = Options.parse(args);
            fetcher = CandleFetcher.create(o.exchange, o.baseUrl, o.requestsPerSecond);
            if (!fetcher.client().timeframes().contains(o.timeframe)) {
                throw new IllegalArgumentException(o.exchange + " has no timeframe " + o.timeframe + "; it has "
                        + fetcher.client().timeframes().stream().sorted().map(Timeframe::label).toList());
            }
        } catch (IllegalArgumentException e) {
            err.println("fetch: " + e.getMessage());
            err.println(USAGE_TEXT);
            err.println("exchanges: " + SupportedExchange.labels());
            return USAGE;
        }
        FetchResult result;
        long[] lastReportNanos = {System.nanoTime()};
        try {
            result = fetcher.fetch(o.pair, o.timeframe, o.since, o.until, (candles, positionMs) -> {
                if (System.nanoTime() - lastReportNanos[0] >= PROGRESS_EVERY_NANOS) {
                    lastReportNanos[0] = System.nanoTime();
                    err.printf("fetch: %,d candles, up to %s%n", candles, Instant.ofEpochMilli(positionMs));
                }
            });
        } catch (ExchangeFetchException e) {
            err.println("fetch: " + e.getMessage());
            err.println("fetch: nothing written to " + o.out);
            return FAILED;
        }
        try {
            writeAtomically(o.out, result);
        } catch (IOException e) {
            err.println("fetch: cannot write " + o.out + ": " + e.getMessage());
            return FAILED;
        }
        err.printf("fetch: %,d candles of %s %s %s [%s, %s) in %d requests%n", result.candles().size(), o.exchange, o.pair,
                o.timeframe, Instant.ofEpochMilli(result.fromMs()), Instant.ofEpochMilli(result.untilMs()), result.requests());
        out.println(o.out);
        return OK;
    }

    private static void writeAtomically(Path target, FetchResult result) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        Files.createDirectories(dir);
        // createFile, unlike createTempFile, leaves the permissions to the umask, as for any file the user writes
        Path temp = Files.createFile(dir.resolve("." + absolute.getFileName() + "." + UUID.randomUUID() + ".part"));
        try {
            try (Writer writer = Files.newBufferedWriter(temp, StandardCharsets.UTF_8);
                    CandleCsvWriter csv = new CandleCsvWriter(writer)) {
                csv.writeAll(result.candles());
            }
            try {
                Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private record Options(SupportedExchange exchange, MarketPair pair, Timeframe timeframe, Instant since, Instant until,
            String baseUrl, double requestsPerSecond, Path out) {

        static Options parse(List<String> args) {
            String exchange = null, pair = null, timeframe = null, since = null, until = null, baseUrl = null, out = null;
            String rate = null;
            for (int i = 0; i < args.size(); i++) {
                String arg = args.get(i);
                switch (arg) {
                    case "--exchange" -> exchange = CommandOptions.value(args, ++i, arg);
                    case "--pair" -> pair = CommandOptions.value(args, ++i, arg);
                    case "--timeframe" -> timeframe = CommandOptions.value(args, ++i, arg);
                    case "--since" -> since = CommandOptions.value(args, ++i, arg);
                    case "--until" -> until = CommandOptions.value(args, ++i, arg);
                    case "--base-url" -> baseUrl = CommandOptions.value(args, ++i, arg);
                    case "--requests-per-second" -> rate = CommandOptions.value(args, ++i, arg);
                    case "--out" -> out = CommandOptions.value(args, ++i, arg);
                    default -> throw new IllegalArgumentException("unknown option " + arg);
                }
            }
            if (exchange == null || pair == null || timeframe == null || since == null || until == null || out == null) {
                throw new IllegalArgumentException("--exchange, --pair, --timeframe, --since, --until and --out are required");
            }
            SupportedExchange e = SupportedExchange.parse(exchange);
            Instant from = time(since, "--since");
            Instant to = time(until, "--until");
            if (!from.isBefore(to)) {
                throw new IllegalArgumentException("--since " + from + " must be before --until " + to);
            }
            return new Options(e, MarketPair.parse(pair), Timeframe.parse(timeframe), from, to, baseUrl == null ? null : url(baseUrl),
                    rate == null ? e.defaultRequestsPerSecond() : positive(rate), Path.of(out));
        }

        static Instant time(String text, String option) {
            try {
                return UserTimes.parse(text);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(option + " " + e.getMessage());
            }
        }

        private static String url(String text) {
            try {
                URI uri = new URI(text);
                if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                    return text;
                }
            } catch (URISyntaxException e) {
                // reported below
            }
            throw new IllegalArgumentException("--base-url takes an http(s) URL such as https://api.binance.com; got '" + text + "'");
        }

        private static double positive(String text) {
            try {
                double value = Double.parseDouble(text);
                if (value > 0 && Double.isFinite(value)) {
                    return value;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new IllegalArgumentException("--requests-per-second takes a positive number; got '" + text + "'");
        }
    }
}
