package dev.trainer.marketdata;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trainer.contracts.EventTypes;
import dev.trainer.contracts.Topics;
import dev.trainer.contracts.events.RawCandlesChunk;
import dev.trainer.contracts.events.TrainingRequested;
import dev.trainer.contracts.events.TrainingStatus;
import dev.trainer.contracts.events.TrainingStatus.State;
import dev.trainer.devinfra.InfraTestResource;
import dev.trainer.devinfra.TestKafka;
import dev.trainer.domain.market.Candle;
import dev.trainer.domain.market.CandleCsv;
import dev.trainer.domain.market.Timeframe;
import dev.trainer.exchanges.SupportedExchange;
import dev.trainer.exchanges.testing.FakeExchangeServer;
import dev.trainer.exchanges.testing.FakeResponse;
import dev.trainer.marketdata.service.FetchReport;
import dev.trainer.marketdata.service.ScheduledSeriesUpdater;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Fetching from an exchange (libs/exchanges' fake, in the exchange's real format) into the store, against a real database. */
@QuarkusTest
@WithTestResource(InfraTestResource.class)
@WithTestResource(FakeExchangeResource.class)
class ExchangeFetchTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String PAIR = "BTC/USDT";

    @Inject
    EntityManager em;

    @Inject
    ScheduledSeriesUpdater scheduler;

    private final FakeExchangeServer exchange = FakeExchangeResource.server();

    @BeforeEach
    void forgetEverythingFetched() {
        exchange.reset();
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("delete from candles where pair = 'BTC/USDT'").executeUpdate();
            em.createNativeQuery("delete from coverage where pair = 'BTC/USDT'").executeUpdate();
        });
    }

    private static ValidatableResponse fetch(String exchange, String timeframe, String since, String until) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("exchange", exchange, "pair", PAIR, "timeframe", timeframe, "since", since, "until", until))
                .when().post("/api/market-data/fetches").then();
    }

    private static ValidatableResponse series(String exchange, String timeframe) {
        return given().when().get("/api/market-data/series").then().statusCode(200).rootPath(
                "find { it.exchange == '" + exchange + "' && it.pair == '" + PAIR + "' && it.timeframe == '" + timeframe + "' }");
    }

    @Test
    void aFetchStoresExactCountsAndTheSameRangeAgainAsksTheExchangeNothing() {
        // 44 days of hours: 1,056 candles, pages of 1,000 on Binance
        fetch("binance", "1h", "2024-01-02T00:00:00Z", "2024-02-15T00:00:00Z").statusCode(200)
                .body("requests", equalTo(2)).body("candlesReceived", equalTo(1056)).body("newCandles", equalTo(1056))
                .body("window.candles", equalTo(1056))
                .body("fetched", hasSize(1)).body("fetched[0].from", equalTo("2024-01-02T00:00:00Z"))
                .body("coverage", hasSize(1)).body("coverage[0].until", equalTo("2024-02-15T00:00:00Z"));
        assertEquals(2, exchange.requests(SupportedExchange.BINANCE).size());
        series("binance", "1h").body("candleCount", equalTo(1056))
                .body("firstOpenTimeMs", equalTo(Instant.parse("2024-01-02T00:00:00Z").toEpochMilli()))
                .body("lastOpenTimeMs", equalTo(Instant.parse("2024-02-14T23:00:00Z").toEpochMilli()))
                .body("fetched", hasSize(1));

        fetch("binance", "1h", "2024-01-02T00:00:00Z", "2024-02-15T00:00:00Z").statusCode(200)
                .body("requests", equalTo(0)).body("fetched", empty()).body("newCandles", equalTo(0));
        assertEquals(2, exchange.requests(SupportedExchange.BINANCE).size(), "a covered range is not asked for again");

        // a wider range asks only for the day in front, and the coverage becomes one range
        fetch("binance", "1h", "2024-01-01", "2024-01-03").statusCode(200)
                .body("requests", equalTo(1)).body("newCandles", equalTo(24))
                .body("fetched", hasSize(1)).body("fetched[0].from", equalTo("2024-01-01T00:00:00Z"))
                .body("fetched[0].until", equalTo("2024-01-02T00:00:00Z"))
                .body("coverage", hasSize(1)).body("coverage[0].from", equalTo("2024-01-01T00:00:00Z"))
                .body("coverage[0].until", equalTo("2024-02-15T00:00:00Z"));
        assertEquals(Instant.parse("2024-01-01T00:00:00Z").toEpochMilli(),
                exchange.requests(SupportedExchange.BINANCE).get(2).longParam("startTime"));
        assertEquals(Instant.parse("2024-01-02T00:00:00Z").toEpochMilli() - 1,
                exchange.requests(SupportedExchange.BINANCE).get(2).longParam("endTime"));
        series("binance", "1h").body("candleCount", equalTo(1080));
    }

    @Test
    void aMalformedPageStoresNothingOfTheRangeAndSaysWhatWentWrong() {
        exchange.enqueue(SupportedExchange.BINANCE, FakeResponse.normal());
        exchange.enqueue(SupportedExchange.BINANCE, FakeResponse.ok("[[1704153600000,\"42000.1\",\"42001\""));

        fetch("binance", "1h", "2024-01-02T00:00:00Z", "2024-02-15T00:00:00Z").statusCode(502)
                .contentType("application/problem+json")
                .body("detail", startsWith("binance BTC/USDT 1h [2024-01-02T00:00:00Z, 2024-02-15T00:00:00Z): malformed response"))
                .body("detail", containsString("page from 2024-02-12T16:00:00Z"));
        assertEquals(2, exchange.requests(SupportedExchange.BINANCE).size());
        given().when().get("/api/market-data/series").then().statusCode(200)
                .body("findAll { it.exchange == 'binance' && it.pair == 'BTC/USDT' }", empty());

        // nothing was recorded as fetched: the next fetch asks for the whole range again
        fetch("binance", "1h", "2024-01-02T00:00:00Z", "2024-02-15T00:00:00Z").statusCode(200)
                .body("requests", equalTo(2)).body("newCandles", equalTo(1056));
        assertEquals(Instant.parse("2024-01-02T00:00:00Z").toEpochMilli(),
                exchange.requests(SupportedExchange.BINANCE).get(2).longParam("startTime"));
    }

    @Test
    void aBadFetchRequestNamesEveryBadField() {
        given().contentType(ContentType.JSON)
                .body(Map.of("exchange", "bitstamp-2013", "pair", "BTCUSDT", "timeframe", "2h", "since", "yesterday"))
                .when().post("/api/market-data/fetches").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("exchange", "pair", "timeframe", "since", "until"))
                .body("errors.find { it.field == 'exchange' }.message", containsString("enabled: [binance, binance-us, kraken,"))
                .body("errors.find { it.field == 'pair' }.message", containsString("BASE/QUOTE"));
        fetch("coinbase", "4h", "2024-01-05", "2024-01-02").statusCode(400)
                .body("errors.field", containsInAnyOrder("timeframe", "until"))
                .body("errors.find { it.field == 'timeframe' }.message", containsString("coinbase has no timeframe 4h"));
        assertEquals(0, exchange.requests(SupportedExchange.COINBASE).size());
    }

    @Test
    void everyExchangeIsASourceAtItsConfiguredAddress() {
        ValidatableResponse sources = given().when().get("/api/market-data/sources").then().statusCode(200)
                .body("exchange", hasItems("bitstamp-2013", "binance", "binance-us", "kraken", "coinbase",
                        "bitstamp"));
        for (SupportedExchange e : SupportedExchange.values()) {
            sources.body("find { it.exchange == '" + e.label() + "' }.baseUrl", equalTo(exchange.baseUrl(e)));
        }
        sources.body("find { it.exchange == 'coinbase' }.timeframes", contains("1m", "5m", "15m", "1h", "1d"));
    }

    @Test
    void gapsAreTheExpectedOpenTimesWithoutACandle() {
        fetch("binance", "1h", "2024-02-19", "2024-02-22").statusCode(200).body("newCandles", equalTo(67));

        given().queryParam("exchange", "binance").queryParam("pair", PAIR).queryParam("timeframe", "1h")
                .queryParam("from", "2024-02-18").queryParam("until", "2024-02-22")
                .when().get("/api/market-data/gaps").then().statusCode(200)
                .body("expectedCandles", equalTo(96)).body("storedCandles", equalTo(67)).body("missingCandles", equalTo(29))
                .body("gaps", hasSize(2))
                .body("gaps[0].from", equalTo("2024-02-18T00:00:00Z")).body("gaps[0].until", equalTo("2024-02-19T00:00:00Z"))
                .body("gaps[1].from", equalTo(FakeExchangeResource.NO_TRADES_FROM.toString()))
                .body("gaps[1].until", equalTo(FakeExchangeResource.NO_TRADES_UNTIL.toString()))
                .body("gaps[1].candles", equalTo(5));
        // without a range: the stored series' own span
        given().queryParam("exchange", "binance").queryParam("pair", PAIR).queryParam("timeframe", "1h")
                .when().get("/api/market-data/gaps").then().statusCode(200)
                .body("range.from", equalTo("2024-02-19T00:00:00Z")).body("range.until", equalTo("2024-02-22T00:00:00Z"))
                .body("missingCandles", equalTo(5)).body("gaps", hasSize(1));
        given().queryParam("exchange", "kraken").queryParam("pair", PAIR).queryParam("timeframe", "1h")
                .when().get("/api/market-data/gaps").then().statusCode(404);
        given().queryParam("pair", PAIR).queryParam("timeframe", "7m").queryParam("from", "2024-02-18")
                .when().get("/api/market-data/gaps").then().statusCode(400)
                .body("errors.field", containsInAnyOrder("exchange", "timeframe", "until"));
    }

    @Test
    void aTrainingRequestForAnExchangeMarketFetchesThroughTheSamePathAndPublishesWhatIsStored() throws Exception {
        TestKafka kafka = new TestKafka(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        Instant from = Instant.parse("2024-01-05T00:00:00Z");
        Instant until = Instant.parse("2024-01-06T00:00:00Z");
        for (int round = 0; round < 2; round++) {
            String jobId = "kraken-" + round + "-" + UUID.randomUUID();
            kafka.publish(Topics.TRAINING_REQUESTS, jobId, request(jobId, "kraken", from, until));

            TrainingStatus loaded = kafka.read(Topics.TRAINING_STATUS, TrainingStatus.class, s -> s.jobId().equals(jobId), 1, WAIT,
                    Duration.ZERO).get(0);
            assertEquals(State.MARKET_LOADED, loaded.state(), loaded.message());
            assertEquals(24, ((Number) loaded.details().get("candle_count")).intValue());
            RawCandlesChunk chunk = kafka.read(Topics.CANDLES_RAW, RawCandlesChunk.class, c -> c.jobId().equals(jobId), 1, WAIT,
                    Duration.ZERO).get(0);
            List<Candle> expected = exchange.market().candles(Timeframe.H1, from, until);
            for (int i = 0; i < 24; i++) {
                assertEquals(expected.get(i).openTimeMs(), chunk.candles().openTimeMs()[i]);
                assertEquals(expected.get(i).close(), chunk.candles().close()[i]);
            }
        }
        assertEquals(1, exchange.requests(SupportedExchange.KRAKEN).size(), "the second request found the day stored");
    }

    @Test
    void aTrainingRequestWhoseExchangeAnswersGarbageFailsTheMarketWithTheReason() throws Exception {
        TestKafka kafka = new TestKafka(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        exchange.enqueue(SupportedExchange.COINBASE, FakeResponse.ok("{\"message\":\"<html>maintenance</html>\""));
        String jobId = "coinbase-" + UUID.randomUUID();
        kafka.publish(Topics.TRAINING_REQUESTS, jobId, request(jobId, "coinbase", Instant.parse("2024-01-05T00:00:00Z"),
                Instant.parse("2024-01-06T00:00:00Z")));

        TrainingStatus failed = kafka.read(Topics.TRAINING_STATUS, TrainingStatus.class, s -> s.jobId().equals(jobId), 1, WAIT,
                Duration.ZERO).get(0);
        assertEquals(State.MARKET_FAILED, failed.state());
        assertTrue(failed.message().startsWith("coinbase BTC/USDT 1h [2024-01-05T00:00:00Z, 2024-01-06T00:00:00Z): malformed response"),
                failed.message());
        given().when().get("/api/market-data/series").then().statusCode(200)
                .body("findAll { it.exchange == 'coinbase' }", empty());
    }

    /** Imports the fake market's binance 1h candles of [from, until) as a research CSV, as a user would a dump. */
    private void importHours(Instant from, Instant until) {
        StringBuilder csv = new StringBuilder(CandleCsv.HEADER).append('\n');
        for (Candle c : exchange.market().candles(Timeframe.H1, from, until)) {
            csv.append(c.openTimeMs()).append(',').append(c.open()).append(',').append(c.high()).append(',')
                    .append(c.low()).append(',').append(c.close()).append(',').append(c.volume()).append('\n');
        }
        given().contentType("text/csv").body(csv.toString().getBytes(StandardCharsets.UTF_8))
                .queryParam("exchange", "binance").queryParam("pair", PAIR).queryParam("timeframe", "1h")
                .when().post("/api/market-data/imports").then().statusCode(201).body("status", equalTo("COMPLETED"));
    }

    /** Publishes a training request for binance 1h over [from, until) and returns its training.status events. */
    private static List<TrainingStatus> train(TestKafka kafka, String jobId, Instant from, Instant until, int statuses)
            throws Exception {
        kafka.publish(Topics.TRAINING_REQUESTS, jobId, request(jobId, "binance", from, until));
        return kafka.read(Topics.TRAINING_STATUS, TrainingStatus.class, s -> s.jobId().equals(jobId), statuses, WAIT,
                Duration.ofMillis(500));
    }

    private static RawCandlesChunk onlyChunk(TestKafka kafka, String jobId) {
        List<RawCandlesChunk> chunks = kafka.read(Topics.CANDLES_RAW, RawCandlesChunk.class, c -> c.jobId().equals(jobId), 1,
                WAIT, Duration.ofMillis(500));
        assertEquals(1, chunks.size());
        return chunks.get(0);
    }

    @Test
    void aTrainingRequestOverAnImportedPeriodAsksTheExchangeNothing() throws Exception {
        TestKafka kafka = new TestKafka(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        Instant from = Instant.parse("2024-03-01T00:00:00Z");
        Instant until = Instant.parse("2024-03-05T00:00:00Z"); // 96 hours, the last opening at 2024-03-04T23:00
        importHours(from, until);

        // the imported span exactly; the same ending at the last candle's close time as Binance writes it (the
        // millisecond before the next open); one starting inside the first candle, which is then not in the period
        Instant[][] periods = {{from, until}, {from, Instant.parse("2024-03-04T23:59:59.999Z")},
            {Instant.parse("2024-03-01T00:30:00Z"), until}};
        int[] published = {96, 96, 95};
        for (int i = 0; i < periods.length; i++) {
            String jobId = "imported-" + i + "-" + UUID.randomUUID();
            List<TrainingStatus> statuses = train(kafka, jobId, periods[i][0], periods[i][1], 1);
            assertEquals(List.of(State.MARKET_LOADED), statuses.stream().map(TrainingStatus::state).toList());
            assertEquals(published[i], ((Number) statuses.get(0).details().get("candle_count")).intValue());
            assertEquals(0, ((Number) statuses.get(0).details().get("new_candle_count")).intValue());
            assertEquals(published[i], onlyChunk(kafka, jobId).candles().size());
        }
        assertEquals(List.of(), exchange.requests(SupportedExchange.BINANCE), "a stored period is not asked for");

        // a period one day longer asks for that day only, from the imported span's end
        String longer = "imported-longer-" + UUID.randomUUID();
        List<TrainingStatus> statuses = train(kafka, longer, from, until.plus(Duration.ofDays(1)), 1);
        assertEquals(120, ((Number) statuses.get(0).details().get("candle_count")).intValue());
        assertEquals(24, ((Number) statuses.get(0).details().get("new_candle_count")).intValue());
        assertEquals(1, exchange.requests(SupportedExchange.BINANCE).size());
        assertEquals(until.toEpochMilli(), exchange.requests(SupportedExchange.BINANCE).get(0).longParam("startTime"));
    }

    @Test
    void anExchangeThatFailsOnTheTailOfAStoredPeriodLeavesTheStoredCandlesToTrainOnWithAWarning() throws Exception {
        TestKafka kafka = new TestKafka(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        Instant from = Instant.parse("2024-03-01T00:00:00Z");
        Instant storedUntil = Instant.parse("2024-03-05T00:00:00Z");
        Instant until = Instant.parse("2024-03-06T00:00:00Z");
        importHours(from, storedUntil);
        for (int attempt = 0; attempt < 5; attempt++) { // market-data.fetch.max-attempts
            exchange.enqueue(SupportedExchange.BINANCE, new FakeResponse(500, Map.of(), "{\"code\":-1000,\"msg\":\"down\"}"));
        }

        String jobId = "tail-down-" + UUID.randomUUID();
        List<TrainingStatus> statuses = train(kafka, jobId, from, until, 2);
        assertEquals(List.of(State.MARKET_WARNING, State.MARKET_LOADED), statuses.stream().map(TrainingStatus::state).toList());
        assertEquals(5, exchange.requests(SupportedExchange.BINANCE).size());

        TrainingStatus warning = statuses.get(0);
        assertEquals("market-data-service", warning.service());
        assertEquals("binance", warning.market().exchange());
        assertEquals(PAIR, warning.market().pair());
        assertTrue(warning.message().contains("24 candles in [2024-03-05T00:00:00Z, 2024-03-06T00:00:00Z) (UTC)"),
                warning.message());
        assertTrue(warning.message().contains("the " + 96 + " candles stored"), warning.message());
        assertTrue(warning.message().contains("binance BTC/USDT 1h [2024-03-05T00:00:00Z, 2024-03-06T00:00:00Z): gave up after"
                + " 5 attempts"), warning.message());
        assertEquals(96, ((Number) warning.details().get("candle_count")).intValue());
        assertEquals(24, ((Number) warning.details().get("missing_candle_count")).intValue());
        assertEquals("2024-03-05T00:00:00Z", warning.details().get("missing_from"));
        assertEquals("2024-03-06T00:00:00Z", warning.details().get("missing_until"));
        assertEquals("UNAVAILABLE", warning.details().get("failure_reason"));
        assertEquals(List.of(Map.of("from", "2024-03-05T00:00:00Z", "until", "2024-03-06T00:00:00Z", "candle_count", 24)),
                warning.details().get("missing_ranges"));
        assertEquals(96, ((Number) statuses.get(1).details().get("candle_count")).intValue());

        // the stored candles go out as usual, with the period asked for: the cleaning step counts the missing day
        RawCandlesChunk chunk = onlyChunk(kafka, jobId);
        assertEquals(from, chunk.periodFrom());
        assertEquals(until, chunk.periodUntil());
        assertEquals(96, chunk.candles().size());
        List<Candle> expected = exchange.market().candles(Timeframe.H1, from, storedUntil);
        assertEquals(expected.get(0).openTimeMs(), chunk.candles().openTimeMs()[0]);
        assertEquals(expected.get(95).close(), chunk.candles().close()[95]);

        // nothing of the failed day was recorded as fetched: once the exchange is back, only that day is asked for
        String again = "tail-back-" + UUID.randomUUID();
        List<TrainingStatus> back = train(kafka, again, from, until, 1);
        assertEquals(List.of(State.MARKET_LOADED), back.stream().map(TrainingStatus::state).toList());
        assertEquals(120, ((Number) back.get(0).details().get("candle_count")).intValue());
        assertEquals(storedUntil.toEpochMilli(), exchange.requests(SupportedExchange.BINANCE).get(5).longParam("startTime"));
    }

    @Test
    void anExchangeThatFailsWhenNothingOfThePeriodIsStoredFailsTheMarket() throws Exception {
        TestKafka kafka = new TestKafka(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        for (int attempt = 0; attempt < 5; attempt++) {
            exchange.enqueue(SupportedExchange.BINANCE, new FakeResponse(503, Map.of(), "{\"code\":-1000,\"msg\":\"down\"}"));
        }
        String jobId = "nothing-stored-" + UUID.randomUUID();
        List<TrainingStatus> statuses = train(kafka, jobId, Instant.parse("2024-03-01T00:00:00Z"),
                Instant.parse("2024-03-02T00:00:00Z"), 1);
        assertEquals(List.of(State.MARKET_FAILED), statuses.stream().map(TrainingStatus::state).toList());
        assertTrue(statuses.get(0).message().startsWith("binance BTC/USDT 1h [2024-03-01T00:00:00Z, 2024-03-02T00:00:00Z):"
                + " gave up after 5 attempts"), statuses.get(0).message());
        assertTrue(kafka.read(Topics.CANDLES_RAW, RawCandlesChunk.class, c -> c.jobId().equals(jobId), 1, Duration.ofSeconds(2),
                Duration.ZERO).isEmpty());
    }

    @Test
    void theSchedulerKeepsAConfiguredSeriesUpToDateAskingOnlyForWhatIsNew() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(1));
        List<FetchReport> first = scheduler.updateAll(now);
        assertEquals(1, first.size());
        FetchReport report = first.get(0);
        assertEquals("bitstamp", report.exchange());
        assertEquals(now.toEpochMilli(), report.window().untilMs());
        assertEquals(30 * 24, report.window().candles(Timeframe.H1));
        assertEquals(30 * 24, report.newCandles());
        assertEquals(1, report.requests());

        List<FetchReport> second = scheduler.updateAll(now.plus(Duration.ofHours(1)));
        assertEquals(1, second.get(0).requests());
        assertEquals(1, second.get(0).newCandles(), "an hour later, only the new hour");
        assertEquals(now.toEpochMilli(), exchange.requests(SupportedExchange.BITSTAMP).get(1).longParam("start") * 1000);
        series("bitstamp", "1h").body("candleCount", equalTo(30 * 24 + 1)).body("fetched", hasSize(1));
    }

    private static TrainingRequested request(String jobId, String exchange, Instant from, Instant until) {
        return new TrainingRequested(EventTypes.newEventId(), TrainingRequested.SCHEMA_VERSION, Instant.now(), jobId, "tester",
                "SMA_CROSSOVER", List.of(PAIR), List.of(exchange), List.of("1h"),
                new TrainingRequested.Optimization("grid", null, null, 1, "net_profit", 1, null), null, 1, from, until, null, 1, null);
    }
}
