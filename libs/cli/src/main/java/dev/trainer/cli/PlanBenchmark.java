package dev.trainer.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trainer.contracts.EventTypes;
import dev.trainer.contracts.Topics;
import dev.trainer.contracts.events.SeriesRef;
import dev.trainer.contracts.events.TrainingRequested;
import dev.trainer.contracts.serde.EventJson;
import dev.trainer.domain.market.CandleCsvWriter;
import dev.trainer.domain.market.CandleSeries;
import dev.trainer.domain.market.SyntheticMarket;
import dev.trainer.domain.market.Timeframe;
import dev.trainer.training.TrainingRequestValidator;
import dev.trainer.training.TrainingRequests;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * {@code bin/trainer bench-plan}: the plan's own training request as the yardstick of the whole system. By default 3
 * pairs (BTC/USDT, ETH/USDT, SOL/USDT) x 2 exchanges (binance, kraken) x 4 timeframes (5m, 15m, 1h, 4h) over 12
 * months, LIQUIDITY_SWEEP_V3's whole grid, walk-forward 90 train / 7 gap / 30 test days: 24 markets x 9 windows x
 * 201,600 trials.
 *
 * <p>No exchange is reachable, so each market's year is generated ({@link SyntheticMarket}, seeded) and imported
 * through market-data-service's import endpoint first; the request names the imported period exactly (the last whole
 * UTC days), so market-data-service finds it covered and fetches nothing. Then the request is posted to the
 * optimizer, the job followed every second (a progress line at most every 10 s), the optimizer's heap sampled, and
 * at the end the times are set against the plan's targets (the whole example in at most 20 minutes, one pair on one
 * exchange with its 4 timeframes in at most 200 s) and the configurations are read back from the registry.
 *
 * <p>Exit status 0 only when the job completed and every market has a configuration in the registry; 1 otherwise; 2
 * for bad arguments.
 */
public final class PlanBenchmark {

    static final String STRATEGY = "LIQUIDITY_SWEEP_V3";
    static final String USER = "bench-plan";
    /** The plan's pairs first; {@code --pairs N} takes the first N. */
    static final List<String> PAIRS = List.of("BTC/USDT", "ETH/USDT", "SOL/USDT", "BNB/USDT", "XRP/USDT", "DOGE/USDT");
    /** The plan's exchanges first; {@code --exchanges N} takes the first N. Each offers 5m, 15m, 1h and 4h (coinbase has no 4h). */
    static final List<String> EXCHANGES = List.of("binance", "kraken", "bitstamp", "binance-us");
    static final List<String> PLAN_TIMEFRAMES = List.of("5m", "15m", "1h", "4h");
    static final int PLAN_PAIRS = 3;
    static final int PLAN_EXCHANGES = 2;
    static final int PLAN_MONTHS = 12;
    static final int TRAIN_DAYS = 90;
    static final int GAP_DAYS = 7;
    static final int TEST_DAYS = 30;
    static final int MIN_TRADES = 10;
    /** Any 4 calendar months hold at least 120 days: one window of 90 train and 30 test days. */
    static final int MIN_MONTHS = 4;
    static final long DEFAULT_SEED = 42;
    static final int RANDOM_SAMPLES = 1_000;
    static final int BAYESIAN_ITERATIONS = 100;
    /** The plan's example, whole: at most 20 minutes. */
    static final double TARGET_PLAN_SECONDS = 1_200;
    /** One pair on one exchange with the plan's 4 timeframes: at most 200 s. */
    static final double TARGET_PAIR_EXCHANGE_SECONDS = 200;
    /** The job's own limit by default (maxRuntimeSeconds): three times the plan's target, so a slow run still gives its figures. */
    static final int DEFAULT_MAX_RUNTIME_SECONDS = 3_600;
    /** A running job without a new trial or a finished market for this long gets a warning line. */
    static final Duration STALL_WARNING = Duration.ofMinutes(5);
    static final String USAGE = "usage: bin/trainer bench-plan [--pairs N] [--exchanges N] [--timeframes 5m,15m,1h,4h] [--months N]"
            + " [--method grid|random|bayesian] [--samples N] [--iterations N] [--seed S] [--until YYYY-MM-DD] [--max-runtime SECONDS] [--keep]";
    private static final Set<String> FINISHED = Set.of("completed", "failed", "cancelled");

    /** The parsed command line. {@code until}: the end of the data (a UTC midnight), null for the last whole UTC day. */
    public record Options(int pairs, int exchanges, List<String> timeframes, int months, String method, Integer samples,
            Integer iterations, long seed, LocalDate until, int maxRuntimeSeconds, boolean keep) {

        static Options defaults() {
            return new Options(PLAN_PAIRS, PLAN_EXCHANGES, PLAN_TIMEFRAMES, PLAN_MONTHS, "grid", null, null, DEFAULT_SEED, null,
                    DEFAULT_MAX_RUNTIME_SECONDS, false);
        }

        /** @throws IllegalArgumentException naming the option that is wrong */
        public static Options parse(List<String> args) {
            int pairs = PLAN_PAIRS, exchanges = PLAN_EXCHANGES, months = PLAN_MONTHS;
            List<String> timeframes = PLAN_TIMEFRAMES;
            String method = "grid";
            Integer samples = null, iterations = null;
            long seed = DEFAULT_SEED;
            LocalDate until = null;
            int maxRuntime = DEFAULT_MAX_RUNTIME_SECONDS;
            boolean keep = false;
            for (int i = 0; i < args.size(); i++) {
                String arg = args.get(i);
                switch (arg) {
                    case "--pairs" -> pairs = bounded(CommandOptions.value(args, ++i, arg), arg, PAIRS.size(), PAIRS);
                    case "--exchanges" -> exchanges = bounded(CommandOptions.value(args, ++i, arg), arg, EXCHANGES.size(), EXCHANGES);
                    case "--timeframes" -> timeframes = timeframes(CommandOptions.value(args, ++i, arg));
                    case "--months" -> months = CommandOptions.positiveInt(CommandOptions.value(args, ++i, arg), arg);
                    case "--method" -> method = method(CommandOptions.value(args, ++i, arg));
                    case "--samples" -> samples = CommandOptions.positiveInt(CommandOptions.value(args, ++i, arg), arg);
                    case "--iterations" -> iterations = CommandOptions.positiveInt(CommandOptions.value(args, ++i, arg), arg);
                    case "--seed" -> seed = CommandOptions.wholeNumber(CommandOptions.value(args, ++i, arg), arg);
                    case "--until" -> until = date(CommandOptions.value(args, ++i, arg));
                    case "--max-runtime" -> maxRuntime = CommandOptions.positiveInt(CommandOptions.value(args, ++i, arg), arg);
                    case "--keep" -> keep = true;
                    default -> throw new IllegalArgumentException("unknown option " + arg);
                }
            }
            if (months < MIN_MONTHS) {
                throw new IllegalArgumentException("--months must be at least " + MIN_MONTHS + ": one walk-forward window needs "
                        + TRAIN_DAYS + " train and " + TEST_DAYS + " test days; got " + months);
            }
            switch (method) {
                case "grid" -> {
                    if (samples != null || iterations != null) {
                        throw new IllegalArgumentException((samples != null ? "--samples" : "--iterations")
                                + " does not apply to --method grid (the whole grid runs)");
                    }
                }
                case "random" -> {
                    if (iterations != null) {
                        throw new IllegalArgumentException("--iterations applies to --method bayesian; random takes --samples");
                    }
                    samples = samples == null ? RANDOM_SAMPLES : samples;
                }
                default -> iterations = iterations == null ? BAYESIAN_ITERATIONS : iterations; // bayesian; samples stays optional
            }
            return new Options(pairs, exchanges, timeframes, months, method, samples, iterations, seed, until, maxRuntime, keep);
        }

        List<String> pairList() {
            return PAIRS.subList(0, pairs);
        }

        List<String> exchangeList() {
            return EXCHANGES.subList(0, exchanges);
        }

        /** The plan's scale per pair and exchange: its 4 timeframes, 12 months and the whole grid. */
        boolean planScalePerMarketGroup() {
            return timeframes.equals(PLAN_TIMEFRAMES) && months == PLAN_MONTHS && method.equals("grid");
        }

        /** Exactly the plan's example. */
        boolean planExample() {
            return planScalePerMarketGroup() && pairs == PLAN_PAIRS && exchanges == PLAN_EXCHANGES;
        }

        private static int bounded(String text, String option, int max, List<String> names) {
            int n = CommandOptions.positiveInt(text, option);
            if (n > max) {
                throw new IllegalArgumentException(option + " is at most " + max + " (" + String.join(", ", names) + "); got " + n);
            }
            return n;
        }

        private static List<String> timeframes(String text) {
            Set<String> labels = new LinkedHashSet<>();
            for (String part : text.split(",")) {
                if (part.isBlank()) {
                    continue;
                }
                try {
                    labels.add(Timeframe.parse(part).label());
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("--timeframes: " + e.getMessage());
                }
            }
            if (labels.isEmpty()) {
                throw new IllegalArgumentException("--timeframes needs at least one timeframe, e.g. 5m,15m,1h,4h");
            }
            return List.copyOf(labels);
        }

        private static String method(String text) {
            String m = text.trim().toLowerCase(Locale.ROOT);
            if (!m.equals("grid") && !m.equals("random") && !m.equals("bayesian")) {
                throw new IllegalArgumentException("--method is grid, random or bayesian; got " + text);
            }
            return m;
        }

        private static LocalDate date(String text) {
            try {
                return LocalDate.parse(text.trim());
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("--until takes a date, e.g. 2025-06-01 (the data ends at its UTC midnight); got " + text);
            }
        }
    }

    /** The three services the command talks to. */
    record Endpoints(String marketData, String optimizer, String registry) {
        static Endpoints local() {
            return new Endpoints(ServiceSpec.named("market-data-service").baseUrl(), ServiceSpec.named("optimizer-service").baseUrl(),
                    ServiceSpec.named("config-registry-service").baseUrl());
        }
    }

    /** The data period [from, until): until is the given date's UTC midnight, or the start of today (UTC). */
    static Instant[] period(Options o, Instant now) {
        Instant until = o.until() != null ? o.until().atStartOfDay(ZoneOffset.UTC).toInstant() : now.truncatedTo(ChronoUnit.DAYS);
        Instant from = until.atOffset(ZoneOffset.UTC).minusMonths(o.months()).toInstant();
        return new Instant[] {from, until};
    }

    /** The training request: the plan's, with the options' scale and an explicit period. */
    static TrainingRequested request(Options o, String jobId, Instant from, Instant until) {
        return new TrainingRequested(EventTypes.newEventId(), TrainingRequested.SCHEMA_VERSION, Instant.now(), jobId, USER, STRATEGY,
                o.pairList(), o.exchangeList(), o.timeframes(),
                new TrainingRequested.Optimization(o.method(), o.samples(), o.iterations(), o.seed(), "net_profit", MIN_TRADES, null),
                new TrainingRequested.Validation("walk_forward", TRAIN_DAYS, TEST_DAYS, GAP_DAYS, null), o.months(), from, until,
                o.maxRuntimeSeconds(), 2, new TrainingRequested.Costs(0.001, 0.0005));
    }

    /** What a request amounts to: markets, windows over its period, search trials per window and in all. */
    record Size(int markets, int windows, long trialsPerWindow) {
        static Size of(TrainingRequested r) {
            long from = r.periodFrom().toEpochMilli(), until = r.periodUntil().toEpochMilli();
            return new Size(r.markets().size(), TrainingRequests.windows(r.validation(), from, until).size(),
                    TrainingRequests.search(r).budget());
        }

        long totalTrials() {
            return trialsPerWindow * windows * markets;
        }
    }

    private final Endpoints endpoints;
    private final String kafka;
    private final PrintStream out;
    private final PrintStream err;
    private final long pollMillis;
    private final long progressEveryMillis;
    private final Duration configWait;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private volatile String jobId; // read by a test while run() goes on in another thread

    public PlanBenchmark(String kafka, PrintStream out, PrintStream err) {
        this(Endpoints.local(), kafka, out, err, 1_000, 10_000, Duration.ofMinutes(3));
    }

    /** @param kafka the broker, to look at the dead-letter topics; null to skip that */
    PlanBenchmark(Endpoints endpoints, String kafka, PrintStream out, PrintStream err, long pollMillis, long progressEveryMillis,
            Duration configWait) {
        this.endpoints = endpoints;
        this.kafka = kafka;
        this.out = out;
        this.err = err;
        this.pollMillis = pollMillis;
        this.progressEveryMillis = progressEveryMillis;
        this.configWait = configWait;
    }

    /** The id of the job the last {@link #run} posted, or null. */
    public String jobId() {
        return jobId;
    }

    /** Imports the markets' synthetic years, runs the request through the stack and reports; 0 when every market trained. */
    public int run(Options o) throws IOException, InterruptedException {
        Instant[] period = period(o, Instant.now());
        String jobId = EventTypes.newEventId();
        this.jobId = jobId;
        TrainingRequested request = request(o, jobId, period[0], period[1]);
        List<TrainingRequestValidator.FieldProblem> problems = TrainingRequestValidator.problems(request);
        if (!problems.isEmpty()) {
            problems.forEach(p -> err.println("bench-plan: the request is invalid: " + p.field() + ": " + p.message()));
            return 1;
        }
        Size size = Size.of(request);
        out.printf(Locale.ROOT, "bench-plan: %s %s on %d pair(s) %s x %d exchange(s) %s x %d timeframe(s) %s = %d markets%n",
                STRATEGY, searchLabel(o), o.pairs(), o.pairList(), o.exchanges(), o.exchangeList(), o.timeframes().size(),
                o.timeframes(), size.markets());
        out.printf(Locale.ROOT, "data: synthetic candles (seed %d) of [%s, %s), %d months; walk-forward %d train / %d gap / %d test days:"
                        + " %d windows x %,d trials = %,d trials%n", o.seed(), period[0], period[1], o.months(), TRAIN_DAYS, GAP_DAYS,
                TEST_DAYS, size.windows(), size.trialsPerWindow(), size.totalTrials());
        Map<String, Long> deadLettersBefore = deadLetterCounts();
        if (!importAll(o, period)) {
            return 1;
        }
        return train(o, request, size, deadLettersBefore);
    }

    private static String searchLabel(Options o) {
        return switch (o.method()) {
            case "grid" -> "whole grid";
            case "random" -> "random search of " + o.samples() + " samples";
            default -> "bayesian search of " + o.iterations() + " iterations" + (o.samples() == null ? "" : " (" + o.samples() + " initial)");
        };
    }

    // ---------------------------------------------------------------- the data

    /** Generates each pair's markets and imports them one by one; false when an import failed (said why). */
    private boolean importAll(Options o, Instant[] period) throws InterruptedException {
        List<Timeframe> timeframes = o.timeframes().stream().map(Timeframe::parse).toList();
        double importSeconds = 0;
        long candles = 0;
        for (String pair : o.pairList()) {
            long t0 = System.nanoTime();
            Map<String, Map<Timeframe, CandleSeries>> generated = SyntheticMarket.generate(o.seed(), pair, o.exchangeList(), timeframes,
                    period[0].toEpochMilli(), period[1].toEpochMilli());
            out.printf(Locale.ROOT, "generated %s on %s: %.1f s%n", pair, String.join(", ", o.exchangeList()), seconds(t0));
            for (var byExchange : generated.entrySet()) {
                for (var byTimeframe : byExchange.getValue().entrySet()) {
                    Imported imported = importSeries(byExchange.getKey(), pair, byTimeframe.getValue());
                    if (imported == null) {
                        return false;
                    }
                    importSeconds += imported.seconds();
                    candles += imported.rows();
                }
            }
        }
        out.printf(Locale.ROOT, "imported %,d candles in %.1f s%n", candles, importSeconds);
        return true;
    }

    private record Imported(long rows, double seconds) {
    }

    /** One market's candles as the research CSV, streamed to the import endpoint; null when it failed (said why). */
    private Imported importSeries(String exchange, String pair, CandleSeries series) throws InterruptedException {
        String market = exchange + " " + pair + " " + series.timeframe();
        URI uri = URI.create(endpoints.marketData() + "/api/market-data/imports?exchange=" + encode(exchange) + "&pair=" + encode(pair)
                + "&timeframe=" + encode(series.timeframe().label()));
        HttpRequest post = HttpRequest.newBuilder(uri).header("Content-Type", "text/csv")
                .header("Accept", "application/json, application/problem+json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new CsvBody(series))).build();
        long t0 = System.nanoTime();
        HttpResponse<byte[]> response;
        try {
            response = client.send(post, HttpResponse.BodyHandlers.ofByteArray());
        } catch (ConnectException e) {
            err.println("bench-plan: nothing answers at " + endpoints.marketData() + " (market-data-service)");
            return null;
        } catch (IOException e) {
            err.println("bench-plan: the import of " + market + " did not finish: " + e);
            return null;
        }
        double seconds = seconds(t0);
        JsonNode json = readJson(response.body());
        if (response.statusCode() != 201 || json == null) {
            err.printf(Locale.ROOT, "bench-plan: the import of %s was refused (%d): %s%n", market, response.statusCode(),
                    json != null && json.hasNonNull("detail") ? json.path("detail").asText()
                            : new String(response.body(), StandardCharsets.UTF_8));
            if (json != null) {
                json.path("errors").forEach(e -> err.println("  " + e.path("field").asText() + ": " + e.path("message").asText()));
            }
            return null;
        }
        long rows = json.path("rowsRead").asLong(), added = json.path("newCandles").asLong(), stored = json.path("alreadyStoredCandles").asLong();
        out.printf(Locale.ROOT, "  imported %-28s %,9d candles (%,d new, %,d already stored) in %5.1f s%s%n", market, rows, added, stored,
                seconds, stored > 0 ? "  (the stored ones stay: if an earlier run with another seed or period stored them,"
                        + " the job trains on those)" : "");
        if (rows != series.size()) {
            err.printf(Locale.ROOT, "bench-plan: the service read %,d rows of %s, %,d were sent%n", rows, market, series.size());
            return null;
        }
        return new Imported(rows, seconds);
    }

    /**
     * A series as the research CSV ({@link CandleCsvWriter}: header, then epoch-millisecond rows), produced while it is
     * read, a few thousand rows at a time, so no file and no whole body is held.
     */
    static final class CsvBody extends InputStream {
        private static final int ROWS_PER_REFILL = 4_096;
        private final CandleSeries series;
        private final StringBuilder text = new StringBuilder();
        private final CandleCsvWriter writer;
        private int next;
        private byte[] buffer = new byte[0];
        private int position;

        CsvBody(CandleSeries series) {
            this.series = series;
            try {
                this.writer = new CandleCsvWriter(new Writer() {
                    @Override
                    public void write(char[] chars, int offset, int length) {
                        text.append(chars, offset, length);
                    }

                    @Override
                    public void write(String s, int offset, int length) {
                        text.append(s, offset, offset + length);
                    }

                    @Override
                    public void flush() {
                    }

                    @Override
                    public void close() {
                    }
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** False at the end of the series. */
        private boolean fill() throws IOException {
            while (position >= buffer.length) {
                if (text.isEmpty()) {
                    if (next >= series.size()) {
                        return false;
                    }
                    int end = Math.min(series.size(), next + ROWS_PER_REFILL);
                    for (; next < end; next++) {
                        writer.write(series.candle(next));
                    }
                }
                buffer = text.toString().getBytes(StandardCharsets.US_ASCII);
                text.setLength(0);
                position = 0;
            }
            return true;
        }

        @Override
        public int read() throws IOException {
            return fill() ? buffer[position++] & 0xff : -1;
        }

        @Override
        public int read(byte[] into, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            if (!fill()) {
                return -1;
            }
            int n = Math.min(length, buffer.length - position);
            System.arraycopy(buffer, position, into, offset, n);
            position += n;
            return n;
        }
    }

    // ---------------------------------------------------------------- the job

    /** Per market: when it was first seen optimizing and finished, seconds after the request, and how it ended. */
    private static final class MarketTimes {
        Double optimizingAt;
        Double finishedAt;
        String status = "waiting";
        String message;
    }

    private int train(Options o, TrainingRequested request, Size size, Map<String, Long> deadLettersBefore)
            throws IOException, InterruptedException {
        Map<String, MarketTimes> markets = new LinkedHashMap<>();
        request.markets().forEach(m -> markets.put(label(m), new MarketTimes()));
        JsonNode job;
        double totalSeconds;
        long peakHeap;
        try (ServiceBenchmark.HeapPeak heap = new ServiceBenchmark.HeapPeak(endpoints.optimizer() + "/q/metrics")) {
            long t0 = System.nanoTime();
            if (!submit(request)) {
                return 1;
            }
            job = follow(request.jobId(), size, markets, t0, o.maxRuntimeSeconds());
            totalSeconds = seconds(t0);
            peakHeap = heap.peakBytes();
        }
        if (job == null) {
            return 1;
        }
        String status = job.path("status").asText();
        out.println();
        out.printf(Locale.ROOT, "job %s %s after %.0f s from the request (seen at a poll every %s)%s%n", request.jobId(), status,
                totalSeconds, pollMillis >= 1_000 ? pollMillis / 1_000 + " s" : pollMillis + " ms", serviceSeconds(job));
        reportFailures(job);
        reportMarkets(o, markets);
        long trials = job.path("completedCombinations").asLong() + job.path("failedCombinations").asLong();
        out.printf(Locale.ROOT, "trials: %,d of %,d (%,d failed) in %.0f s: %,.0f trials/s%n", trials, job.path("totalCombinations").asLong(),
                job.path("failedCombinations").asLong(), totalSeconds, trials / Math.max(totalSeconds, 1e-9));
        reportTargets(o, status, totalSeconds);
        out.printf(Locale.ROOT, "optimizer heap: peak %.0f MB in use (sampled every 0.5 s during the job); now %s%n", peakHeap / 1e6,
                ServiceBenchmark.heap(endpoints.optimizer() + "/q/metrics"));
        int completedMarkets = (int) markets.values().stream().filter(m -> "completed".equals(m.status)).count();
        Set<String> configured = configurations(request.jobId(), completedMarkets, job.path("configurationsCreated").asInt());
        List<String> deadLetters = reportDeadLetters(deadLettersBefore);
        boolean allConfigured = configured.containsAll(markets.keySet());
        if (!"completed".equals(status) || !allConfigured || !deadLetters.isEmpty()) {
            List<String> missing = markets.keySet().stream().filter(m -> !configured.contains(m)).toList();
            err.printf(Locale.ROOT, "bench-plan: %s%s%s%n", "completed".equals(status) ? "" : "the job " + status + "; ",
                    missing.isEmpty() ? "" : missing.size() + " market(s) without a configuration; ",
                    deadLetters.isEmpty() ? "" : "records went to dead-letter topics: " + String.join(", ", deadLetters));
            return 1;
        }
        return 0;
    }

    /** Posts the request; false when it was refused (said why). */
    private boolean submit(TrainingRequested request) throws InterruptedException {
        HttpRequest post = HttpRequest.newBuilder(URI.create(endpoints.optimizer() + "/api/training/jobs"))
                .header("Content-Type", "application/json").header("Accept", "application/json, application/problem+json")
                .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofByteArray(EventJson.write(request))).build();
        HttpResponse<byte[]> response;
        try {
            response = client.send(post, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            err.println("bench-plan: could not post the training request to " + endpoints.optimizer() + ": " + e);
            return false;
        }
        JsonNode json = readJson(response.body());
        if (response.statusCode() != 202) {
            err.printf(Locale.ROOT, "bench-plan: the optimizer refused the training request (%d): %s%n", response.statusCode(),
                    json != null && json.hasNonNull("detail") ? json.path("detail").asText() : new String(response.body(), StandardCharsets.UTF_8));
            if (json != null) {
                json.path("errors").forEach(e -> err.println("  " + e.path("field").asText() + ": " + e.path("message").asText()));
            }
            return false;
        }
        out.printf(Locale.ROOT, "posted training request %s to %s/api/training/jobs%n", request.jobId(), endpoints.optimizer());
        return true;
    }

    /** Polls the job until it ends; its final view, or null when it did not end in time (said so). */
    private JsonNode follow(String jobId, Size size, Map<String, MarketTimes> markets, long t0, int maxRuntimeSeconds)
            throws InterruptedException {
        String url = endpoints.optimizer() + "/api/training/jobs/" + jobId;
        // the optimizer's sweeper fails the job past its maxRuntimeSeconds: wait a little longer than that
        long deadline = t0 + Duration.ofSeconds(maxRuntimeSeconds + 300).toNanos();
        long lastChangeNanos = t0;
        List<Long> progressMark = List.of(); // trials done, markets finished
        boolean stallWarned = false;
        JsonNode job = null;
        long lastPrintNanos = Long.MIN_VALUE;
        long lastTrials = 0;
        double lastTrialsAt = 0;
        List<String> newlyFinished = new ArrayList<>();
        String pollError = null;
        while (true) {
            double elapsed = seconds(t0);
            try {
                JsonNode view = Http.json(url);
                pollError = null;
                if (view != null) {
                    job = view;
                    for (JsonNode m : view.path("markets")) {
                        MarketTimes times = markets.get(label(m.path("exchange").asText(), m.path("pair").asText(), m.path("timeframe").asText()));
                        if (times == null) {
                            continue;
                        }
                        String marketStatus = m.path("status").asText();
                        if (times.optimizingAt == null && !marketStatus.equals("waiting")) {
                            times.optimizingAt = elapsed;
                        }
                        if (times.finishedAt == null && (marketStatus.equals("completed") || marketStatus.equals("failed"))) {
                            times.finishedAt = elapsed;
                            newlyFinished.add(label(m.path("exchange").asText(), m.path("pair").asText(), m.path("timeframe").asText())
                                    + (marketStatus.equals("failed") ? " (failed)" : ""));
                        }
                        times.status = marketStatus;
                        times.message = m.hasNonNull("message") ? m.path("message").asText() : null;
                    }
                }
            } catch (IOException e) {
                pollError = e.getMessage();
            }
            String status = job == null ? "not registered yet" : job.path("status").asText();
            boolean finished = FINISHED.contains(status);
            long now = System.nanoTime();
            List<Long> mark = List.of(job == null ? 0 : job.path("completedCombinations").asLong() + job.path("failedCombinations").asLong(),
                    markets.values().stream().filter(m -> m.finishedAt != null).count());
            if (!mark.equals(progressMark)) {
                progressMark = mark;
                lastChangeNanos = now;
                stallWarned = false;
            } else if (!finished && !stallWarned && now - lastChangeNanos >= STALL_WARNING.toNanos()) {
                stallWarned = true;
                out.printf(Locale.ROOT, "%6.0f s  no new trial and no finished market for %d minutes: look at bin/trainer logs"
                        + " optimizer-service%n", elapsed, STALL_WARNING.toMinutes());
            }
            if (finished || lastPrintNanos == Long.MIN_VALUE || now - lastPrintNanos >= progressEveryMillis * 1_000_000) {
                long trials = job == null ? 0 : job.path("completedCombinations").asLong() + job.path("failedCombinations").asLong();
                long done = markets.values().stream().filter(m -> m.finishedAt != null).count();
                long optimizing = markets.values().stream().filter(m -> "optimizing".equals(m.status)).count();
                boolean allStarted = markets.values().stream().allMatch(m -> m.optimizingAt != null);
                long total = job != null && allStarted ? job.path("totalCombinations").asLong() : size.totalTrials();
                double recent = elapsed > lastTrialsAt ? (trials - lastTrials) / (elapsed - lastTrialsAt) : 0;
                out.printf(Locale.ROOT, "%6.0f s  %-9s markets %d of %d done, %d optimizing; trials %,d of %,d (%.1f %%), %,.0f/s"
                                + " (%,.0f/s since the last line)%s%s%n", elapsed, status, done, markets.size(), optimizing, trials, total,
                        total == 0 ? 0 : 100.0 * trials / total, elapsed > 0 ? trials / elapsed : 0, recent,
                        newlyFinished.isEmpty() ? "" : "; finished: " + String.join(", ", newlyFinished),
                        pollError == null ? "" : "; the last poll failed: " + pollError);
                newlyFinished.clear();
                lastPrintNanos = now;
                lastTrials = trials;
                lastTrialsAt = elapsed;
            }
            if (finished) {
                return job;
            }
            if (now > deadline) {
                err.printf(Locale.ROOT, "bench-plan: job %s did not finish within %d s; it is still %s (cancel it with POST %s/cancel)%n",
                        jobId, maxRuntimeSeconds + 300, status, url);
                return null;
            }
            Thread.sleep(pollMillis);
        }
    }

    private static String serviceSeconds(JsonNode job) {
        try {
            Instant created = Instant.parse(job.path("createdAt").asText());
            Instant completed = Instant.parse(job.path("completedAt").asText());
            return String.format(Locale.ROOT, "; the optimizer's createdAt to completedAt: %.1f s",
                    Duration.between(created, completed).toMillis() / 1000.0);
        } catch (DateTimeParseException e) {
            return "";
        }
    }

    private void reportFailures(JsonNode job) {
        if (!"completed".equals(job.path("status").asText()) && job.hasNonNull("errorMessage")) {
            err.println("bench-plan: the job's error: " + job.path("errorMessage").asText());
        }
        for (JsonNode m : job.path("markets")) {
            if ("failed".equals(m.path("status").asText())) {
                err.printf("bench-plan: market %s failed: %s%n", label(m.path("exchange").asText(), m.path("pair").asText(),
                        m.path("timeframe").asText()), m.path("message").asText());
            }
        }
    }

    private void reportMarkets(Options o, Map<String, MarketTimes> markets) {
        out.println("per market, seconds after the request (seen at the polls):");
        out.printf("  %-28s %-10s %12s %10s %10s%n", "market", "status", "optimizing", "finished", "searching");
        markets.forEach((market, t) -> out.printf(Locale.ROOT, "  %-28s %-10s %12s %10s %10s%n", market, t.status, secondsText(t.optimizingAt),
                secondsText(t.finishedAt), t.optimizingAt == null || t.finishedAt == null ? "-" : secondsText(t.finishedAt - t.optimizingAt)));
        out.println("per pair and exchange, seconds after the request until all its timeframes were finished:");
        for (String exchange : o.exchangeList()) {
            for (String pair : o.pairList()) {
                Double last = 0.0;
                for (String tf : o.timeframes()) {
                    Double at = markets.get(label(exchange, pair, tf)).finishedAt;
                    last = last == null || at == null ? null : Math.max(last, at);
                }
                out.printf(Locale.ROOT, "  %-18s %s%n", exchange + " " + pair, secondsText(last));
            }
        }
    }

    private void reportTargets(Options o, String status, double totalSeconds) {
        boolean completed = "completed".equals(status);
        if (o.planExample()) {
            out.printf(Locale.ROOT, "the plan's example (24 markets, 9 windows, 201,600 trials each): %.0f s, target at most %.0f s: %s%n",
                    totalSeconds, TARGET_PLAN_SECONDS, verdict(completed, totalSeconds <= TARGET_PLAN_SECONDS));
            out.printf(Locale.ROOT, "one pair on one exchange with 4 timeframes: target at most %.0f s; here the %d groups shared the"
                    + " machine (times above); alone: bin/trainer bench-plan --pairs 1 --exchanges 1%n", TARGET_PAIR_EXCHANGE_SECONDS,
                    o.pairs() * o.exchanges());
        } else if (o.planScalePerMarketGroup() && o.pairs() * o.exchanges() == 1) {
            out.printf(Locale.ROOT, "one pair on one exchange with the plan's 4 timeframes, 12 months, whole grid: %.0f s, target at most"
                    + " %.0f s: %s%n", totalSeconds, TARGET_PAIR_EXCHANGE_SECONDS, verdict(completed, totalSeconds <= TARGET_PAIR_EXCHANGE_SECONDS));
        } else if (o.planScalePerMarketGroup()) {
            double target = TARGET_PAIR_EXCHANGE_SECONDS * o.pairs() * o.exchanges();
            out.printf(Locale.ROOT, "%d pair-exchange groups at the plan's scale: %.0f s; pro rata target (%.0f s per group) at most %.0f s: %s%n",
                    o.pairs() * o.exchanges(), totalSeconds, TARGET_PAIR_EXCHANGE_SECONDS, target, verdict(completed, totalSeconds <= target));
        } else {
            out.println("targets (the plan's example: 1200 s; one pair on one exchange: 200 s) are for 4 timeframes, 12 months and the"
                    + " whole grid; this run differs, so none applies");
        }
    }

    private static String verdict(boolean completed, boolean inTime) {
        return !completed ? "not completed" : inTime ? "met" : "MISSED";
    }

    // ---------------------------------------------------------------- the registry and the dead letters

    /** Waits for the job's configurations, prints them and returns the markets that have one. */
    private Set<String> configurations(String jobId, int expected, int createdByJob) throws InterruptedException {
        String url = endpoints.registry() + "/api/configs?jobId=" + encode(jobId) + "&size=" + Math.min(500, Math.max(100, expected));
        long deadline = System.nanoTime() + configWait.toNanos();
        JsonNode page = null;
        String problem = null;
        while (true) {
            try {
                page = Http.json(url);
                problem = null;
            } catch (IOException e) {
                problem = e.getMessage();
            }
            int count = page == null ? 0 : page.path("items").size();
            if (count >= expected || System.nanoTime() > deadline) {
                break;
            }
            Thread.sleep(Math.min(1_000, pollMillis));
        }
        if (page == null) {
            err.println("bench-plan: could not read the registry at " + url + (problem == null ? "" : ": " + problem));
            return Set.of();
        }
        List<JsonNode> items = new ArrayList<>();
        page.path("items").forEach(items::add);
        out.printf(Locale.ROOT, "configurations in the registry for the job: %d (total %d; %d completed market(s); the job counted %d)%n",
                items.size(), page.path("total").asLong(), expected, createdByJob);
        String format = "  %-28s %-10s %6s %9s %7s %7s %7s %9s%n";
        out.printf(format, "market", "stage", "trades", "net", "DSR", "PBO", "PSR", "MinTRL d");
        Map<String, Set<String>> undefined = new TreeMap<>();
        Set<String> configured = new LinkedHashSet<>();
        for (JsonNode c : items) {
            JsonNode m = c.path("market");
            String market = label(m.path("exchange").asText(), m.path("pair").asText(), m.path("timeframe").asText());
            configured.add(market);
            out.printf(Locale.ROOT, format, market, c.path("lifecycleStage").asText(), number(c, "tradeCount", "%.0f"),
                    number(c, "netProfitFraction", "%.4f"), number(c, "deflatedSharpeProbability", "%.3f"),
                    number(c, "probabilityOfBacktestOverfitting", "%.3f"), number(c, "probabilisticSharpeProbability", "%.3f"),
                    number(c, "minimumTrackRecordLengthDays", "%.1f"));
            noteUndefined(c, "deflatedSharpeProbability", "deflated_sharpe_ratio", "DSR", undefined);
            noteUndefined(c, "probabilityOfBacktestOverfitting", "probability_of_backtest_overfitting", "PBO", undefined);
            noteUndefined(c, "probabilisticSharpeProbability", "probabilistic_sharpe_ratio", "PSR", undefined);
            noteUndefined(c, "minimumTrackRecordLengthDays", "minimum_track_record_length_days", "MinTRL", undefined);
        }
        out.println("  (DSR, PSR: probabilities, deflated and probabilistic Sharpe ratio; PBO: probability of backtest overfitting;"
                + " MinTRL: minimum track record length in days; net: out-of-sample net profit as a fraction)");
        undefined.forEach((stat, reasons) -> out.println("  " + stat + " undefined: " + String.join("; ", reasons)));
        return configured;
    }

    private static void noteUndefined(JsonNode c, String field, String statisticsKey, String name, Map<String, Set<String>> undefined) {
        if (c.hasNonNull(field)) {
            return;
        }
        JsonNode reason = c.path("statistics").path(statisticsKey + "_undefined_reason");
        Set<String> reasons = undefined.computeIfAbsent(name, k -> new LinkedHashSet<>());
        if (reasons.size() < 3) {
            reasons.add(reason.isMissingNode() || reason.isNull() ? "no reason given" : reason.asText());
        }
    }

    private static String number(JsonNode node, String field, String format) {
        return node.hasNonNull(field) && node.get(field).isNumber() ? String.format(Locale.ROOT, format, node.get(field).asDouble()) : "n/a";
    }

    /** Records in each dead-letter topic (sums of end offsets); empty when not reachable. */
    private Map<String, Long> deadLetterCounts() {
        if (kafka == null) {
            return Map.of();
        }
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "bench-plan");
        props.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
        Map<String, Long> counts = new TreeMap<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            Map<String, List<PartitionInfo>> topics = consumer.listTopics(Duration.ofSeconds(10));
            for (String topic : Topics.deadLetterTopics()) {
                List<TopicPartition> partitions = topics.getOrDefault(topic, List.of()).stream()
                        .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
                long count = 0;
                for (Map.Entry<TopicPartition, Long> end : consumer.endOffsets(partitions, Duration.ofSeconds(10)).entrySet()) {
                    count += end.getValue() - consumer.beginningOffsets(List.of(end.getKey()), Duration.ofSeconds(10)).get(end.getKey());
                }
                counts.put(topic, count);
            }
        } catch (RuntimeException e) {
            err.println("bench-plan: the dead-letter topics cannot be read (" + e.getMessage() + "); they are not checked");
            return Map.of();
        }
        return counts;
    }

    /** Prints and returns the dead-letter topics that gained records during the run ("topic +N"). */
    private List<String> reportDeadLetters(Map<String, Long> before) {
        if (before.isEmpty()) {
            return List.of();
        }
        Map<String, Long> after = deadLetterCounts();
        List<String> grown = new ArrayList<>();
        after.forEach((topic, count) -> {
            long added = count - before.getOrDefault(topic, 0L);
            if (added > 0) {
                grown.add(topic + " +" + added);
            }
        });
        out.printf("dead-letter topics: %s%n", grown.isEmpty() ? "no new record in any of " + after.size()
                : "new records in " + String.join(", ", grown) + " (the reasons are in the records' headers)");
        return grown;
    }

    // ---------------------------------------------------------------- small things

    static String label(String exchange, String pair, String timeframe) {
        return exchange + " " + pair + " " + timeframe;
    }

    static String label(SeriesRef ref) {
        return label(ref.exchange(), ref.pair(), ref.timeframe());
    }

    private static String secondsText(Double seconds) {
        return seconds == null ? "-" : String.format(Locale.ROOT, "%.0f s", seconds);
    }

    private static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    private static JsonNode readJson(byte[] body) {
        try {
            return body.length == 0 ? null : EventJson.mapper().readTree(body);
        } catch (IOException notJson) {
            return null;
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
