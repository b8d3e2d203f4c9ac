package dev.trainer.optimizer;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trainer.contracts.EventTypes;
import dev.trainer.contracts.Topics;
import dev.trainer.contracts.events.BacktestResults;
import dev.trainer.contracts.events.CandleColumns;
import dev.trainer.contracts.events.CleanCandlesChunk;
import dev.trainer.contracts.events.OptimizationCompleted;
import dev.trainer.contracts.events.QualityReport;
import dev.trainer.contracts.events.SeriesRef;
import dev.trainer.contracts.events.TrainingRequested;
import dev.trainer.contracts.events.TrainingStatus;
import dev.trainer.devinfra.InfraTestResource;
import dev.trainer.devinfra.TestKafka;
import dev.trainer.domain.backtest.BacktestSettings;
import dev.trainer.domain.backtest.Backtester;
import dev.trainer.domain.market.CandleSeries;
import dev.trainer.domain.market.Timeframe;
import dev.trainer.domain.optimize.Objective;
import dev.trainer.domain.optimize.SearchRun;
import dev.trainer.domain.strategy.ParameterSet;
import dev.trainer.domain.strategy.StrategyCatalog;
import dev.trainer.domain.strategy.TradingStrategy;
import dev.trainer.training.TrainingRequests;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** Against a real Kafka broker and PostgreSQL: a job's request and cleaned series in, its searched and tested market out. */
@QuarkusTest
@WithTestResource(InfraTestResource.class)
class OptimizerServiceTest {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final long HOUR_MS = Timeframe.H1.durationMs();
    private static final long START_MS = Instant.parse("2025-01-01T00:00:00Z").toEpochMilli();
    private static final int BARS = 600;

    private final TestKafka kafka = new TestKafka(
            ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));

    static TrainingRequested request(String jobId, SeriesRef market) {
        return new TrainingRequested(EventTypes.newEventId(), TrainingRequested.SCHEMA_VERSION, Instant.now(), jobId, "tester",
                "SMA_CROSSOVER", List.of(market.pair()), List.of(market.exchange()), List.of(market.timeframe()),
                new TrainingRequested.Optimization("grid", null, null, 7, "net_profit", 1,
                        Map.of("fast", List.of(3, 5), "slow", List.of(10, 20))),
                new TrainingRequested.Validation("train_test_split", null, null, null, 0.7), 1, null, null, null, 1,
                new TrainingRequested.Costs(0.001, 0.0005));
    }

    /** Hourly candles on a wave with a drift, so moving averages cross often in both slices. */
    static CandleColumns wave() {
        long[] t = new long[BARS];
        double[] o = new double[BARS], h = new double[BARS], l = new double[BARS], c = new double[BARS], v = new double[BARS];
        double previous = 100;
        for (int i = 0; i < BARS; i++) {
            double close = 100 + 0.01 * i + 5 * Math.sin(i / 9.0) + 2 * Math.sin(i / 3.7);
            t[i] = START_MS + i * HOUR_MS;
            o[i] = previous;
            c[i] = close;
            h[i] = Math.max(previous, close) + 0.2;
            l[i] = Math.min(previous, close) - 0.2;
            v[i] = 10 + i % 7;
            previous = close;
        }
        return new CandleColumns(t, o, h, l, c, v);
    }

    static List<CleanCandlesChunk> chunks(String jobId, SeriesRef market, CandleColumns all, String fingerprint) {
        QualityReport report = new QualityReport(BARS, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, List.of(), BARS, 1.0, 100.0, 0, 0, BARS, 1.0, 0.7, true, "passed");
        int half = BARS / 2;
        return List.of(0, 1).stream().map(i -> {
            int from = i * half;
            int to = from + half;
            CandleColumns part = new CandleColumns(Arrays.copyOfRange(all.openTimeMs(), from, to),
                    Arrays.copyOfRange(all.open(), from, to), Arrays.copyOfRange(all.high(), from, to),
                    Arrays.copyOfRange(all.low(), from, to), Arrays.copyOfRange(all.close(), from, to),
                    Arrays.copyOfRange(all.volume(), from, to));
            return new CleanCandlesChunk(EventTypes.newEventId(), CleanCandlesChunk.SCHEMA_VERSION, Instant.now(), jobId, market,
                    fingerprint, 1.0, report, i, 2, part, new int[half]);
        }).toList();
    }

    @Test
    void aJobSearchesTheTrainSliceTestsTheWinnerOutOfSampleAndCompletes() throws Exception {
        String jobId = "job-" + UUID.randomUUID();
        SeriesRef market = new SeriesRef("synthetic", "BTC/USD", "1h");
        CandleColumns candles = wave();
        List<CleanCandlesChunk> chunks = chunks(jobId, market, candles, "fp-" + UUID.randomUUID());
        // the series' second chunk arrives before the request, the first one after it
        kafka.publish(Topics.CANDLES_CLEAN, market.key(), chunks.get(1));
        kafka.publish(Topics.TRAINING_REQUESTS, jobId, request(jobId, market));
        kafka.publish(Topics.CANDLES_CLEAN, market.key(), chunks.get(0));

        OptimizationCompleted done = kafka.read(Topics.OPTIMIZATION_RESULTS, OptimizationCompleted.class,
                o -> o.jobId().equals(jobId), 1, WAIT, Duration.ZERO).get(0);
        assertEquals(4, done.trialsEvaluated());
        assertEquals(1, done.windows().size());
        OptimizationCompleted.Window window = done.windows().get(0);
        long splitMs = START_MS + (long) Math.floor(BARS * HOUR_MS * 0.7);
        assertEquals(splitMs, window.trainUntil().toEpochMilli());
        assertEquals(splitMs, window.testFrom().toEpochMilli());

        // the winner is the best net profit on the train slice, as the engine computes it
        CandleSeries series = CandleSeries.ofColumns(Timeframe.H1, candles.openTimeMs(), candles.open(), candles.high(),
                candles.low(), candles.close(), candles.volume());
        CandleSeries train = series.between(window.trainFrom().toEpochMilli(), window.trainUntil().toEpochMilli());
        TradingStrategy sma = StrategyCatalog.get("SMA_CROSSOVER");
        BacktestSettings settings = BacktestSettings.defaults().withFeePerSide(0.001).withSlippagePerSide(0.0005);
        Map<String, Double> best = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        double[] bestDaily = null;
        List<double[]> daily = new java.util.ArrayList<>();
        for (int fast : new int[] {3, 5}) {
            for (int slow : new int[] {10, 20}) {
                Map<String, Double> params = Map.of("fast", (double) fast, "slow", (double) slow);
                var result = new Backtester().run(train, sma, ParameterSet.of(params), settings);
                double score = Objective.NET_PROFIT.score(result.metrics(), 1);
                daily.add(result.dailyReturns());
                if (score > bestScore) {
                    bestScore = score;
                    best = params;
                    bestDaily = result.dailyReturns();
                }
            }
        }
        assertEquals(best, window.bestParameters());
        // the search kept summaries only: the winner's daily returns are its replay's, the same numbers
        assertArrayEquals(bestDaily, window.inSampleDailyReturns());
        // V from the ledger's daily Sharpe ratios; the PBO from the trials' replayed daily returns (18 days >= 16)
        double[] sharpes = daily.stream().mapToDouble(r -> java.util.Arrays.stream(r).average().orElseThrow()
                / new org.apache.commons.math3.stat.descriptive.moment.StandardDeviation().evaluate(r)).toArray();
        assertEquals(new org.apache.commons.math3.stat.descriptive.moment.Variance().evaluate(sharpes),
                done.trialSharpeVariance(), 1e-12);
        double[][] byPeriod = new double[bestDaily.length][daily.size()];
        for (int j = 0; j < daily.size(); j++) {
            for (int t = 0; t < bestDaily.length; t++) {
                byPeriod[t][j] = daily.get(j)[t];
            }
        }
        var pbo = dev.trainer.domain.stats.BacktestOverfitting.estimate(byPeriod, 16, dev.trainer.domain.stats.CscvMetric.SHARPE);
        assertEquals(4, done.overfitting().trials());
        assertEquals(bestDaily.length, done.overfitting().periods());
        assertTrue(pbo.probability().isDefined(), pbo.probability().undefinedReason());
        assertEquals(pbo.probability().value(), done.overfitting().probability(), 0.0);
        assertEquals(best, done.finalParameters());
        assertEquals(bestScore, window.bestScore(), 1e-12);
        assertTrue(window.outOfSampleMetrics().containsKey("net_profit_fraction"), window.outOfSampleMetrics().toString());
        assertTrue(window.outOfSampleTradeReturns().length > 0, "the wave crosses in the test slice too");

        await().atMost(WAIT).untilAsserted(() -> given().when().get("/api/training/jobs/" + jobId).then().statusCode(200)
                .body("status", equalTo("completed"))
                .body("totalCombinations", equalTo(4))
                .body("completedCombinations", equalTo(4))
                .body("markets[0].status", equalTo("completed")));
    }

    @Test
    void aSeriesThatArrivesWhollyBeforeItsRequestIsSearchedWhenTheRequestComes() throws Exception {
        String jobId = "early-series-" + UUID.randomUUID();
        SeriesRef market = new SeriesRef("synthetic", "ADA/USD", "1h");
        for (CleanCandlesChunk chunk : chunks(jobId, market, wave(), "fp-" + UUID.randomUUID())) {
            kafka.publish(Topics.CANDLES_CLEAN, market.key(), chunk);
        }
        Thread.sleep(2000); // let the candles consumer store both chunks first: the two topics are not ordered together
        kafka.publish(Topics.TRAINING_REQUESTS, jobId, request(jobId, market));

        OptimizationCompleted done = kafka.read(Topics.OPTIMIZATION_RESULTS, OptimizationCompleted.class,
                o -> o.jobId().equals(jobId), 1, WAIT, Duration.ZERO).get(0);
        assertEquals(4, done.trialsEvaluated());
    }

    private static TrainingStatus rejected(String jobId, SeriesRef market) {
        return new TrainingStatus(EventTypes.newEventId(), TrainingStatus.SCHEMA_VERSION, Instant.now(), jobId,
                "cleaning-service", market, TrainingStatus.State.MARKET_REJECTED, "refused: 12.0 % of 100 candles valid",
                Map.of("valid_fraction", 0.12));
    }

    private static void awaitFailedWithTheReason(String jobId) {
        await().atMost(WAIT).untilAsserted(() -> given().when().get("/api/training/jobs/" + jobId).then().statusCode(200)
                .body("status", equalTo("failed"))
                .body("errorMessage", containsString("12.0 % of 100 candles valid"))
                .body("markets[0].status", equalTo("failed")));
    }

    @Test
    void aJobWhoseOnlyMarketIsRefusedFailsWithTheReason() throws Exception {
        String jobId = "refused-" + UUID.randomUUID();
        SeriesRef market = new SeriesRef("synthetic", "ETH/USD", "1h");
        kafka.publish(Topics.TRAINING_REQUESTS, jobId, request(jobId, market));
        await().atMost(WAIT).untilAsserted(() -> given().when().get("/api/training/jobs/" + jobId).then().statusCode(200));
        kafka.publish(Topics.TRAINING_STATUS, jobId, rejected(jobId, market));
        awaitFailedWithTheReason(jobId);
    }

    @Test
    void aRefusalThatArrivesBeforeTheRequestStillFailsTheJob() throws Exception {
        String jobId = "refused-early-" + UUID.randomUUID();
        SeriesRef market = new SeriesRef("synthetic", "SOL/USD", "1h");
        kafka.publish(Topics.TRAINING_STATUS, jobId, rejected(jobId, market));
        Thread.sleep(2000); // let the status consumer act first: the two topics are not ordered together
        kafka.publish(Topics.TRAINING_REQUESTS, jobId, request(jobId, market));
        awaitFailedWithTheReason(jobId);
    }

    @Test
    void anInvalidRequestIsRefusedWithEveryBadFieldNamed() {
        given().contentType("application/json")
                .body("{\"userId\":\"u\",\"strategy\":\"NOPE\",\"pairs\":[\"btcusdt\"],\"exchanges\":[],\"timeframes\":[\"7m\"],"
                        + "\"optimization\":{\"method\":\"annealing\",\"seed\":1,\"minTrades\":1},\"historicalPeriodMonths\":12,"
                        + "\"parallelWorkers\":1}")
                .when().post("/api/training/jobs")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("strategy", "pairs", "exchanges", "timeframes", "optimization.method"));
    }

    static TrainingRequested bayesianRequest(String jobId, SeriesRef market) {
        return new TrainingRequested(EventTypes.newEventId(), TrainingRequested.SCHEMA_VERSION, Instant.now(), jobId, "tester",
                "SMA_CROSSOVER", List.of(market.pair()), List.of(market.exchange()), List.of(market.timeframe()),
                new TrainingRequested.Optimization("bayesian", null, 24, 11, "net_profit", 1,
                        Map.of("fast", Map.of("min", 2, "max", 20, "type", "int"), "slow", Map.of("min", 10, "max", 80, "type", "int"))),
                new TrainingRequested.Validation("train_test_split", null, null, null, 0.7), 1, null, null, null, 1,
                new TrainingRequested.Costs(0.001, 0.0005));
    }

    @Test
    void aBayesianJobRunsInRoundsAndFindsExactlyWhatTheOfflineSearchFinds() throws Exception {
        String jobId = "bayes-" + UUID.randomUUID();
        SeriesRef market = new SeriesRef("synthetic", "XRP/USD", "1h");
        CandleColumns candles = wave();
        TrainingRequested request = bayesianRequest(jobId, market);
        kafka.publish(Topics.TRAINING_REQUESTS, jobId, request);
        for (CleanCandlesChunk chunk : chunks(jobId, market, candles, "fp-" + UUID.randomUUID())) {
            kafka.publish(Topics.CANDLES_CLEAN, market.key(), chunk);
        }
        OptimizationCompleted done = kafka.read(Topics.OPTIMIZATION_RESULTS, OptimizationCompleted.class,
                o -> o.jobId().equals(jobId), 1, WAIT, Duration.ZERO).get(0);
        assertEquals(24, done.trialsEvaluated(), "an initial design of 8 and two rounds of 8");
        OptimizationCompleted.Window window = done.windows().get(0);

        // the same search run offline on the same train slice: same trials, same winner, same score
        CandleSeries train = CandleSeries.ofColumns(Timeframe.H1, candles.openTimeMs(), candles.open(), candles.high(),
                candles.low(), candles.close(), candles.volume())
                .between(window.trainFrom().toEpochMilli(), window.trainUntil().toEpochMilli());
        TradingStrategy sma = StrategyCatalog.get("SMA_CROSSOVER");
        SearchRun.Outcome offline = SearchRun.run(TrainingRequests.search(request), sma.prepare(train), sma,
                BacktestSettings.defaults().withFeePerSide(0.001).withSlippagePerSide(0.0005), Objective.NET_PROFIT, 1, 2,
                n -> { });
        assertEquals(24, offline.trials());
        assertEquals(offline.bestParameters().asMap(), window.bestParameters());
        assertEquals(offline.bestScore(), window.bestScore(), 0.0);

        await().atMost(WAIT).untilAsserted(() -> given().when().get("/api/training/jobs/" + jobId).then().statusCode(200)
                .body("status", equalTo("completed"))
                .body("totalCombinations", equalTo(24))
                .body("completedCombinations", equalTo(24)));
        given().when().get("/api/training/jobs/" + jobId + "/results").then().statusCode(200)
                .body("markets[0].windows[0].recordedTrials", equalTo(24))
                .body("markets[0].windows[0].plannedTrials", equalTo(24))
                .body("markets[0].windows[0].status", equalTo("done"))
                .body("markets[0].windows[0].bestParameters.fast", equalTo((float) (double) offline.bestParameters().get("fast")));
        List<Integer> numbers = given().queryParam("market", market.key()).queryParam("window", 0)
                .when().get("/api/training/jobs/" + jobId + "/trials")
                .then().statusCode(200).extract().jsonPath().getList("trialNumber", Integer.class);
        assertEquals(java.util.stream.IntStream.range(0, 24).boxed().toList(), numbers);

        // the progress stream of a finished job gives its final state and ends
        String events = given().accept("text/event-stream").when().get("/api/training/jobs/" + jobId + "/events")
                .then().statusCode(200).extract().asString();
        assertTrue(events.contains("data:") && events.contains("\"status\":\"completed\""), events);
    }

    @Test
    void anInvalidRequestOnTheTopicGoesToTheDeadLetterTopicWithItsReasonAndMakesNoJob() throws Exception {
        String jobId = "invalid-" + UUID.randomUUID();
        SeriesRef market = new SeriesRef("synthetic", "LTC/USD", "1h");
        TrainingRequested valid = request(jobId, market);
        TrainingRequested invalid = new TrainingRequested(valid.eventId(), valid.schemaVersion(), valid.occurredAt(), jobId,
                valid.userId(), "NOPE", valid.pairs(), valid.exchanges(), List.of("7m"), valid.optimization(), valid.validation(),
                valid.historicalPeriodMonths(), valid.periodFrom(), valid.periodUntil(), valid.maxRuntimeSeconds(),
                valid.parallelWorkers(), valid.costs());
        kafka.publish(Topics.TRAINING_REQUESTS, jobId, invalid);
        String reason = kafka.deadLetterReason(Topics.deadLetter(Topics.TRAINING_REQUESTS, "optimizer-service"), jobId, WAIT);
        assertTrue(reason != null && reason.contains("strategy") && reason.contains("timeframes"), "reason: " + reason);
        given().when().get("/api/training/jobs/" + jobId).then().statusCode(404);
    }

    /** Issue 13: candles.clean consumers do not accept candles that cannot exist (a year-3000 one, a negative price). */
    @Test
    void aCleanChunkWithAnImpossibleCandleGoesToTheDeadLetterTopicNamingTheField() throws Exception {
        long year3000 = Instant.parse("3000-01-01T00:00:00Z").toEpochMilli();
        String[] expected = {"candle 3 (openTimeMs " + year3000 + "): time 3000-01-01T00:00:00Z is after now plus one 1h candle",
            "candle 3 (openTimeMs " + (START_MS + 3 * HOUR_MS) + "): low -1.0 is not above 0"};
        for (int k = 0; k < expected.length; k++) {
            String jobId = "impossible-" + UUID.randomUUID();
            SeriesRef market = new SeriesRef("synthetic", "I" + UUID.randomUUID().toString().substring(0, 6) + "/USD", "1h");
            CleanCandlesChunk good = chunks(jobId, market, wave(), "fp-" + UUID.randomUUID()).get(0);
            CandleColumns c = good.candles();
            long[] t = c.openTimeMs().clone();
            double[] low = c.low().clone();
            if (k == 0) {
                t[3] = year3000;
            } else {
                low[3] = -1;
            }
            CleanCandlesChunk bad = new CleanCandlesChunk(good.eventId(), good.schemaVersion(), good.occurredAt(), jobId,
                    market, good.fingerprint(), good.qualityScore(), good.report(), good.chunkIndex(), good.chunkCount(),
                    new CandleColumns(t, c.open(), c.high(), low, c.close(), c.volume()), good.qualityFlags());
            kafka.publish(Topics.CANDLES_CLEAN, market.key(), bad);
            String reason = kafka.deadLetterReason(Topics.deadLetter(Topics.CANDLES_CLEAN, "optimizer-service"), market.key(),
                    WAIT);
            assertTrue(reason != null && reason.contains("invalid candles.clean chunk: candles: " + expected[k]),
                    "reason: " + reason);
        }
    }

    @Test
    void resultsWhoseMetricsAreNotTheOnesTheLedgerStoresGoToTheDeadLetterTopic() throws Exception {
        String jobId = "foreign-metrics-" + UUID.randomUUID();
        double[] scores = {0.1, 0.2};
        BacktestResults foreign = new BacktestResults(EventTypes.newEventId(), BacktestResults.SCHEMA_VERSION,
                Instant.now(), EventTypes.newEventId(), jobId, "0", new SeriesRef("synthetic", "LTC/USD", "1h"), 0,
                "SEARCH", "worker-of-another-version", 1, 0, scores.length, scores, List.of("net_profit_v9"),
                List.of(new double[] {0.1, 0.2}), List.of(), null);
        kafka.publish(Topics.BACKTEST_RESULTS, jobId, foreign);
        String reason = kafka.deadLetterReason(Topics.deadLetter(Topics.BACKTEST_RESULTS, "optimizer-service"), jobId, WAIT);
        assertTrue(reason != null && reason.contains("net_profit_v9") && reason.contains("worker-of-another-version"),
                "reason: " + reason);
    }

    @Test
    void theEstimateOfThePlansExample() {
        given().contentType("application/json")
                .body("{\"strategy\":\"LIQUIDITY_SWEEP_V3\",\"pairs\":[\"BTC/USDT\",\"ETH/USDT\",\"SOL/USDT\"],"
                        + "\"exchanges\":[\"binance\",\"kraken\"],\"timeframes\":[\"5m\",\"15m\",\"1h\",\"4h\"],"
                        + "\"optimization\":{\"method\":\"grid\",\"seed\":42,\"minTrades\":10},"
                        + "\"validation\":{\"method\":\"walk_forward\",\"trainPeriodDays\":90,\"testPeriodDays\":30,"
                        + "\"gapPeriodDays\":7},\"historicalPeriodMonths\":12,\"parallelWorkers\":2}")
                .when().post("/api/training/estimate")
                .then().statusCode(200)
                .body("markets", equalTo(24)).body("windows", equalTo(9)).body("backtests_per_window", equalTo(201_600));
        given().contentType("application/json")
                .body("{\"strategy\":\"SMA_CROSSOVER\",\"pairs\":[\"BTC/USD\"],\"exchanges\":[\"bitstamp\"],"
                        + "\"timeframes\":[\"1h\"],\"optimization\":{\"method\":\"cmaes\",\"seed\":1},"
                        + "\"historicalPeriodMonths\":12,\"parallelWorkers\":1}")
                .when().post("/api/training/estimate")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("optimization.iterations"));
    }

    @Test
    void anUnknownJobIsAProblem404() {
        given().when().get("/api/training/jobs/" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
    }
}
