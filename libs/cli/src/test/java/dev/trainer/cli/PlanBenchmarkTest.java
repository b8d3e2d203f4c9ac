package dev.trainer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.trainer.contracts.events.SeriesRef;
import dev.trainer.contracts.events.TrainingRequested;
import dev.trainer.contracts.serde.EventJson;
import dev.trainer.domain.market.Candle;
import dev.trainer.domain.market.CandleCsv;
import dev.trainer.domain.market.CandleSeries;
import dev.trainer.domain.market.SyntheticMarket;
import dev.trainer.domain.market.Timeframe;
import dev.trainer.training.TrainingRequestValidator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PlanBenchmarkTest {

    // ------------------------------------------------------------------ arguments

    @Test
    void withoutArgumentsItIsThePlansExample() {
        PlanBenchmark.Options o = PlanBenchmark.Options.parse(List.of());
        assertEquals(PlanBenchmark.Options.defaults(), o);
        assertEquals(List.of("BTC/USDT", "ETH/USDT", "SOL/USDT"), o.pairList());
        assertEquals(List.of("binance", "kraken"), o.exchangeList());
        assertEquals(List.of("5m", "15m", "1h", "4h"), o.timeframes());
        assertEquals(12, o.months());
        assertEquals("grid", o.method());
        assertNull(o.samples());
        assertNull(o.iterations());
        assertEquals(42, o.seed());
        assertNull(o.until());
        assertFalse(o.keep());
        assertTrue(o.planExample());
    }

    @Test
    void everyOptionIsRead() {
        PlanBenchmark.Options o = PlanBenchmark.Options.parse(List.of("--pairs", "1", "--exchanges", "4", "--timeframes", "1h,4H,1h",
                "--months", "6", "--method", "random", "--samples", "500", "--seed", "-7", "--until", "2025-03-01", "--max-runtime", "900",
                "--keep"));
        assertEquals(List.of("BTC/USDT"), o.pairList());
        assertEquals(List.of("binance", "kraken", "bitstamp", "binance-us"), o.exchangeList());
        assertEquals(List.of("1h", "4h"), o.timeframes(), "labels, each once");
        assertEquals(6, o.months());
        assertEquals("random", o.method());
        assertEquals(500, o.samples());
        assertEquals(-7, o.seed());
        assertEquals(LocalDate.of(2025, 3, 1), o.until());
        assertEquals(900, o.maxRuntimeSeconds());
        assertTrue(o.keep());
        assertFalse(o.planExample());
        assertFalse(o.planScalePerMarketGroup());
        assertTrue(PlanBenchmark.Options.parse(List.of("--pairs", "1", "--exchanges", "1")).planScalePerMarketGroup());
    }

    @Test
    void searchesGetTheirDefaults() {
        assertEquals(1_000, PlanBenchmark.Options.parse(List.of("--method", "random")).samples());
        PlanBenchmark.Options bayesian = PlanBenchmark.Options.parse(List.of("--method", "Bayesian"));
        assertEquals("bayesian", bayesian.method());
        assertEquals(100, bayesian.iterations());
        assertNull(bayesian.samples(), "the initial design stays the search's default");
        assertEquals(20, PlanBenchmark.Options.parse(List.of("--method", "bayesian", "--samples", "20", "--iterations", "60")).samples());
    }

    @Test
    void badArgumentsNameTheOption() {
        assertMessage("unknown option --pair", "--pair", "2");
        assertMessage("unknown option extra", "extra");
        assertMessage("--pairs is at most 6", "--pairs", "7");
        assertMessage("--pairs must be at least 1", "--pairs", "0");
        assertMessage("--exchanges needs a whole number", "--exchanges", "two");
        assertMessage("--exchanges is at most 4", "--exchanges", "5");
        assertMessage("--timeframes: Unknown timeframe '7m'", "--timeframes", "5m,7m");
        assertMessage("--timeframes needs at least one", "--timeframes", ",");
        assertMessage("--months must be at least 4", "--months", "3");
        assertMessage("--method is grid, random or bayesian", "--method", "cmaes");
        assertMessage("--samples does not apply to --method grid", "--samples", "10");
        assertMessage("--iterations does not apply to --method grid", "--iterations", "10");
        assertMessage("--iterations applies to --method bayesian", "--method", "random", "--iterations", "10");
        assertMessage("--seed needs a whole number", "--seed", "x");
        assertMessage("--until takes a date", "--until", "yesterday");
        assertMessage("--months needs a value", "--months");
        assertMessage("--max-runtime must be at least 1", "--max-runtime", "0");
    }

    private static void assertMessage(String start, String... args) {
        var e = assertThrows(IllegalArgumentException.class, () -> PlanBenchmark.Options.parse(List.of(args)));
        assertTrue(e.getMessage().startsWith(start), e.getMessage());
    }

    // ------------------------------------------------------------------ the request

    @Test
    void thePeriodEndsAtTheLastWholeUtcDayOrTheGivenDate() {
        Instant now = Instant.parse("2025-06-15T13:45:10Z");
        Instant[] period = PlanBenchmark.period(PlanBenchmark.Options.defaults(), now);
        assertEquals(Instant.parse("2024-06-15T00:00:00Z"), period[0]);
        assertEquals(Instant.parse("2025-06-15T00:00:00Z"), period[1]);
        period = PlanBenchmark.period(PlanBenchmark.Options.parse(List.of("--until", "2025-03-01", "--months", "6")), now);
        assertEquals(Instant.parse("2024-09-01T00:00:00Z"), period[0]);
        assertEquals(Instant.parse("2025-03-01T00:00:00Z"), period[1]);
    }

    @Test
    void theRequestIsThePlansExample() {
        Instant[] period = PlanBenchmark.period(PlanBenchmark.Options.defaults(), Instant.parse("2025-06-15T13:45:10Z"));
        TrainingRequested r = PlanBenchmark.request(PlanBenchmark.Options.defaults(), "job-1", period[0], period[1]);
        assertEquals(List.of(), TrainingRequestValidator.problems(r));
        assertEquals("job-1", r.jobId());
        assertEquals("bench-plan", r.userId());
        assertEquals("LIQUIDITY_SWEEP_V3", r.strategy());
        assertEquals(List.of("BTC/USDT", "ETH/USDT", "SOL/USDT"), r.pairs());
        assertEquals(List.of("binance", "kraken"), r.exchanges());
        assertEquals(List.of("5m", "15m", "1h", "4h"), r.timeframes());
        assertEquals(24, r.markets().size());
        assertTrue(r.markets().contains(new SeriesRef("kraken", "SOL/USDT", "4h")));
        assertEquals("grid", r.optimization().method());
        assertNull(r.optimization().parameterSpace(), "the strategy's default (whole) grid");
        assertEquals(42, r.optimization().seed());
        assertEquals(10, r.optimization().minTrades());
        assertEquals("walk_forward", r.validation().method());
        assertEquals(90, r.validation().trainPeriodDays());
        assertEquals(7, r.validation().gapPeriodDays());
        assertEquals(30, r.validation().testPeriodDays());
        assertEquals(12, r.historicalPeriodMonths());
        assertEquals(period[0], r.periodFrom());
        assertEquals(period[1], r.periodUntil());
        assertEquals(3 * PlanBenchmark.TARGET_PLAN_SECONDS, r.maxRuntimeSeconds().doubleValue(), "the target three times over");

        PlanBenchmark.Size size = PlanBenchmark.Size.of(r);
        assertEquals(24, size.markets());
        assertEquals(9, size.windows());
        assertEquals(201_600, size.trialsPerWindow());
        assertEquals(43_545_600L, size.totalTrials());
    }

    @Test
    void theRequestTravelsAsJsonWithItsPeriod() throws IOException {
        PlanBenchmark.Options o = PlanBenchmark.Options.parse(List.of("--method", "bayesian", "--iterations", "40", "--until", "2025-03-01"));
        Instant[] period = PlanBenchmark.period(o, Instant.now());
        TrainingRequested r = PlanBenchmark.request(o, "job-2", period[0], period[1]);
        JsonNode json = EventJson.mapper().readTree(EventJson.write(r));
        assertEquals("2024-03-01T00:00:00Z", json.path("periodFrom").asText());
        assertEquals("2025-03-01T00:00:00Z", json.path("periodUntil").asText());
        assertEquals("bayesian", json.path("optimization").path("method").asText());
        assertEquals(40, json.path("optimization").path("iterations").asInt());
        assertEquals(r, EventJson.read(EventJson.write(r), TrainingRequested.class));
        assertEquals(List.of(), TrainingRequestValidator.problems(r));
        assertEquals(40, PlanBenchmark.Size.of(r).trialsPerWindow(), "a bayesian search's budget");
    }

    @Test
    void theCsvBodyIsTheResearchCsvOfTheSeries() throws IOException {
        long from = Instant.parse("2025-01-01T00:00:00Z").toEpochMilli();
        CandleSeries series = SyntheticMarket.series(3, "kraken", "ETH/USDT", Timeframe.M15, from, from + 20 * 86_400_000L);
        List<Candle> read;
        try (var body = new PlanBenchmark.CsvBody(series)) {
            read = CandleCsv.parse(new InputStreamReader(body, StandardCharsets.US_ASCII));
        }
        assertEquals(20 * 96, read.size());
        assertEquals(series.candles(), read, "every value exactly");
        try (var body = new PlanBenchmark.CsvBody(series)) {
            String text = new String(body.readAllBytes(), StandardCharsets.US_ASCII);
            assertTrue(text.startsWith("timestamp,open,high,low,close,volume\n" + from + ","), text.substring(0, 80));
        }
    }

    // ------------------------------------------------------------------ against stand-ins for the three services

    private HttpServer server;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    /** What the stand-in was sent, and how it answers. */
    private static final class StandIn {
        final Map<String, Integer> importedRows = Collections.synchronizedMap(new LinkedHashMap<>());
        final AtomicReference<JsonNode> request = new AtomicReference<>();
        final AtomicInteger polls = new AtomicInteger();
        String finalStatus = "completed";
        String failedMarket; // exchange|pair|timeframe of a market that fails
        boolean registryLacksOne;
    }

    private String serve(StandIn standIn) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/market-data/imports", exchange -> {
            Map<String, String> query = query(exchange);
            List<Candle> candles = CandleCsv.parse(new InputStreamReader(exchange.getRequestBody(), StandardCharsets.US_ASCII));
            standIn.importedRows.put(query.get("exchange") + "|" + query.get("pair") + "|" + query.get("timeframe"), candles.size());
            respond(exchange, 201, String.format("{\"id\":1,\"status\":\"COMPLETED\",\"rowsRead\":%d,\"newCandles\":%d,"
                    + "\"alreadyStoredCandles\":0,\"elapsedMs\":5}", candles.size(), candles.size()));
        });
        server.createContext("/api/training/jobs", exchange -> {
            if (exchange.getRequestMethod().equals("POST")) {
                standIn.request.set(EventJson.mapper().readTree(exchange.getRequestBody()));
                respond(exchange, 202, "{\"jobId\":\"" + standIn.request.get().path("jobId").asText() + "\",\"status\":\"pending\"}");
                return;
            }
            int poll = standIn.polls.incrementAndGet();
            if (poll == 1) {
                respond(exchange, 404, "{\"title\":\"Not Found\",\"status\":404}"); // not registered yet
                return;
            }
            respond(exchange, 200, jobView(standIn, poll));
        });
        server.createContext("/q/metrics", exchange -> respond(exchange, 200,
                "# TYPE jvm_memory_used_bytes gauge\njvm_memory_used_bytes{area=\"heap\",id=\"G1 Eden Space\"} 1.5E8\n"
                        + "jvm_memory_used_bytes{area=\"heap\",id=\"G1 Old Gen\"} 5.0E7\n"
                        + "jvm_memory_max_bytes{area=\"heap\",id=\"G1 Old Gen\"} 7.68E8\n"));
        server.createContext("/api/configs", exchange -> {
            JsonNode request = standIn.request.get();
            assertEquals(request.path("jobId").asText(), query(exchange).get("jobId"));
            List<String> items = new ArrayList<>();
            List<String> keys = marketKeys(request);
            for (int i = 0; i < keys.size(); i++) {
                String market = keys.get(i);
                if (market.equals(standIn.failedMarket) || (standIn.registryLacksOne && i == 1)) {
                    continue; // a failed market has no configuration; or the registry misses the second one
                }
                String[] p = market.split("\\|");
                items.add(String.format("{\"configId\":\"c%d\",\"jobId\":\"%s\",\"market\":{\"exchange\":\"%s\",\"pair\":\"%s\","
                        + "\"timeframe\":\"%s\"},\"lifecycleStage\":\"PAPER\",\"tradeCount\":42,\"netProfitFraction\":0.0123,"
                        + "\"deflatedSharpeProbability\":0.61,\"probabilisticSharpeProbability\":0.9,\"minimumTrackRecordLengthDays\":120.5,"
                        + "\"statistics\":{\"probability_of_backtest_overfitting\":null,\"probability_of_backtest_overfitting_undefined_reason\":"
                        + "\"too few days\"}}", items.size(), request.path("jobId").asText(), p[0], p[1], p[2]));
            }
            respond(exchange, 200, "{\"items\":[" + String.join(",", items) + "],\"total\":" + items.size() + ",\"page\":0,\"size\":100}");
        });
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private static List<String> marketKeys(JsonNode request) {
        List<String> keys = new ArrayList<>();
        for (JsonNode e : request.path("exchanges")) {
            for (JsonNode p : request.path("pairs")) {
                for (JsonNode tf : request.path("timeframes")) {
                    keys.add(e.asText() + "|" + p.asText() + "|" + tf.asText());
                }
            }
        }
        return keys;
    }

    /** Poll 2: running, the first market optimizing; poll 3: half the trials; poll 4 on: finished. */
    private static String jobView(StandIn standIn, int poll) {
        JsonNode request = standIn.request.get();
        List<String> keys = marketKeys(request);
        boolean done = poll >= 4;
        List<String> markets = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            String[] p = keys.get(i).split("\\|");
            String status = done ? (keys.get(i).equals(standIn.failedMarket) ? "failed" : "completed") : i == 0 ? "optimizing" : "waiting";
            String message = status.equals("failed") ? "\"cleaning-service: refused\"" : "null";
            markets.add(String.format("{\"exchange\":\"%s\",\"pair\":\"%s\",\"timeframe\":\"%s\",\"status\":\"%s\",\"message\":%s}",
                    p[0], p[1], p[2], status, message));
        }
        int total = keys.size() * 1000;
        String status = done ? standIn.finalStatus : "running";
        return String.format("{\"id\":\"%s\",\"status\":\"%s\",\"totalMarkets\":%d,\"totalCombinations\":%d,\"completedCombinations\":%d,"
                        + "\"failedCombinations\":0,\"progressFraction\":0.5,\"configurationsCreated\":%d,\"createdAt\":\"2025-01-01T00:00:00Z\","
                        + "\"completedAt\":%s,\"errorMessage\":%s,\"markets\":[%s]}",
                request.path("jobId").asText(), status, keys.size(), total, done ? total : poll == 3 ? total / 2 : 0, done ? keys.size() : 0,
                done ? "\"2025-01-01T00:01:40Z\"" : "null", status.equals("failed") ? "\"no market could be trained: all refused\"" : "null",
                String.join(",", markets));
    }

    private static Map<String, String> query(HttpExchange exchange) {
        Map<String, String> query = new LinkedHashMap<>();
        for (String part : exchange.getRequestURI().getRawQuery().split("&")) {
            String[] kv = part.split("=", 2);
            query.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        return query;
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private int runAgainst(StandIn standIn, String... args) throws Exception {
        String url = serve(standIn);
        PlanBenchmark bench = new PlanBenchmark(new PlanBenchmark.Endpoints(url, url, url), null,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), 20, 0,
                Duration.ofSeconds(2));
        return bench.run(PlanBenchmark.Options.parse(List.of(args)));
    }

    private static final String[] SMALL = {"--pairs", "1", "--exchanges", "2", "--timeframes", "1h,4h", "--months", "5",
            "--until", "2025-03-01"};

    @Test
    void importsEachMarketPostsTheRequestFollowsTheJobAndReadsTheRegistry() throws Exception {
        StandIn standIn = new StandIn();
        int code = runAgainst(standIn, SMALL);
        String printed = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, printed + err.toString(StandardCharsets.UTF_8));
        // 2024-10-01 .. 2025-03-01: 151 days
        assertEquals(Map.of("binance|BTC/USDT|1h", 151 * 24, "binance|BTC/USDT|4h", 151 * 6, "kraken|BTC/USDT|1h", 151 * 24,
                "kraken|BTC/USDT|4h", 151 * 6), standIn.importedRows);
        JsonNode request = standIn.request.get();
        assertEquals("bench-plan", request.path("userId").asText());
        assertEquals("2024-10-01T00:00:00Z", request.path("periodFrom").asText());
        assertEquals("2025-03-01T00:00:00Z", request.path("periodUntil").asText());
        assertEquals(90, request.path("validation").path("trainPeriodDays").asInt());
        assertTrue(printed.contains("4 markets"), printed);
        assertTrue(printed.contains("imported binance BTC/USDT 1h"), printed);
        assertTrue(printed.contains("not registered yet"), printed);
        assertTrue(printed.contains("completed"), printed);
        assertTrue(printed.contains("kraken BTC/USDT 4h"), printed);
        assertTrue(printed.contains("peak 200 MB"), printed);
        assertTrue(printed.contains("configurations in the registry for the job: 4"), printed);
        assertTrue(printed.contains("0.610"), "DSR: " + printed);
        assertTrue(printed.contains("PBO undefined: too few days"), printed);
        assertTrue(printed.contains("120.5"), "MinTRL: " + printed);
        assertTrue(printed.contains("none applies"), "no target for another scale: " + printed);
    }

    @Test
    void aMarketWithoutAConfigurationFailsTheRun() throws Exception {
        StandIn standIn = new StandIn();
        standIn.registryLacksOne = true;
        assertEquals(1, runAgainst(standIn, SMALL));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("1 market(s) without a configuration"), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aFailedMarketIsReportedWithItsMessage() throws Exception {
        StandIn standIn = new StandIn();
        standIn.failedMarket = "kraken|BTC/USDT|4h";
        assertEquals(1, runAgainst(standIn, SMALL));
        String errors = err.toString(StandardCharsets.UTF_8);
        assertTrue(errors.contains("market kraken BTC/USDT 4h failed: cleaning-service: refused"), errors);
    }

    @Test
    void aFailedJobIsReportedWithItsError() throws Exception {
        StandIn standIn = new StandIn();
        standIn.finalStatus = "failed";
        assertEquals(1, runAgainst(standIn, SMALL));
        String errors = err.toString(StandardCharsets.UTF_8);
        assertTrue(errors.contains("the job's error: no market could be trained: all refused"), errors);
        assertTrue(errors.contains("the job failed"), errors);
    }
}
