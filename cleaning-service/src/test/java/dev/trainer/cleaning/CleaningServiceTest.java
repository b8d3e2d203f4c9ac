package dev.trainer.cleaning;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trainer.cleaning.mapping.CleanCandlesMapper;
import dev.trainer.contracts.EventTypes;
import dev.trainer.contracts.Topics;
import dev.trainer.contracts.events.CandleColumns;
import dev.trainer.contracts.events.CleanCandlesChunk;
import dev.trainer.contracts.events.QualityFlags;
import dev.trainer.contracts.events.RawCandlesChunk;
import dev.trainer.contracts.events.SeriesRef;
import dev.trainer.contracts.events.TrainingStatus;
import dev.trainer.contracts.events.TrainingStatus.State;
import dev.trainer.contracts.serde.EventJson;
import dev.trainer.domain.market.Candle;
import dev.trainer.domain.market.Timeframe;
import dev.trainer.domain.quality.QualityChecks;
import dev.trainer.domain.quality.QualityResult;
import dev.trainer.domain.quality.SeriesFingerprint;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.JsonConfig;
import io.restassured.path.json.config.JsonPathConfig.NumberReturnType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Against a real Kafka broker and PostgreSQL (dev-infra): raw chunks in, cleaned series or refusal out. */
@QuarkusTest
@WithTestResource(dev.trainer.devinfra.InfraTestResource.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CleaningServiceTest {

    private static final long M5 = Timeframe.M5.durationMs();
    private static final long START = 1_761_436_800_000L; // 2025-10-26T00:00:00Z, on the 5m grid
    private static final String DLQ = Topics.deadLetter(Topics.CANDLES_RAW, "cleaning-service");
    private static final Duration WAIT = Duration.ofSeconds(30);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private TopicTap tap;

    @BeforeAll
    void connect() {
        // fractions as doubles, not floats, in JSON paths
        RestAssured.config = RestAssured.config().jsonConfig(JsonConfig.jsonConfig().numberReturnType(NumberReturnType.DOUBLE));
        tap = new TopicTap(bootstrapServers, List.of(Topics.CANDLES_CLEAN, Topics.TRAINING_STATUS, DLQ));
    }

    @AfterAll
    void disconnect() {
        if (tap != null) {
            tap.close();
        }
    }

    private static String newJobId(String what) {
        return what + "-" + UUID.randomUUID();
    }

    /** A healthy 5m series with a few flagged candles and a duplicate, in arrival order. */
    private static List<Candle> goodSeries(int n) {
        List<Candle> candles = new ArrayList<>();
        double price = 192.0;
        for (int i = 0; i < n; i++) {
            double open = price;
            double close = price + ((i * 7919) % 13 - 6) * 0.01;
            double high = Math.max(open, close) + 0.05;
            double low = Math.min(open, close) - 0.05;
            double volume = i % 100 == 3 ? 0.0 : 10 + (i % 17);
            if (i % 250 == 7) {
                high = low = open = close; // flat
            }
            candles.add(new Candle(START + i * M5, open, high, low, close, volume));
            price = close;
        }
        candles.add(1200, candles.get(1199)); // a duplicate row in the middle of chunk 1
        return candles;
    }

    /** The diagnosis in small: 1000 candles, 190 dead (flat, zero volume), 190 more flat. */
    private static List<Candle> garbageSeries() {
        List<Candle> candles = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            long t = START + i * M5;
            candles.add(i % 5 == 0 ? new Candle(t, 192.86, 192.86, 192.86, 192.86, 0)
                    : i % 5 == 1 ? new Candle(t, 192.86, 192.86, 192.86, 192.86, 3.5)
                            : new Candle(t, 192.86, 193.2, 192.5, 193.0, 12.0));
        }
        return candles;
    }

    /** The chunks of a series asked for the period its candles span: from START to the end of its latest candle. */
    private static List<RawCandlesChunk> rawChunks(String jobId, SeriesRef series, List<Candle> candles, int chunkSize) {
        long until = candles.stream().mapToLong(Candle::openTimeMs).map(t -> t + M5).max().orElse(START);
        return rawChunks(jobId, series, candles, chunkSize, Instant.ofEpochMilli(START), Instant.ofEpochMilli(until));
    }

    private static List<RawCandlesChunk> rawChunks(String jobId, SeriesRef series, List<Candle> candles, int chunkSize,
            Instant periodFrom, Instant periodUntil) {
        List<RawCandlesChunk> chunks = new ArrayList<>();
        int count = Math.max(1, (candles.size() + chunkSize - 1) / chunkSize);
        for (int i = 0; i < count; i++) {
            List<Candle> part = candles.subList(Math.min(candles.size(), i * chunkSize),
                    Math.min(candles.size(), (i + 1) * chunkSize));
            chunks.add(new RawCandlesChunk(EventTypes.deterministicId(jobId, series.key(), "raw", Integer.toString(i)),
                    RawCandlesChunk.SCHEMA_VERSION, Instant.now(), jobId, series, periodFrom, periodUntil, i, count,
                    columns(part)));
        }
        return chunks;
    }

    private static CandleColumns columns(List<Candle> candles) {
        int n = candles.size();
        long[] t = new long[n];
        double[] o = new double[n], h = new double[n], l = new double[n], c = new double[n], v = new double[n];
        for (int i = 0; i < n; i++) {
            Candle x = candles.get(i);
            t[i] = x.openTimeMs();
            o[i] = x.open();
            h[i] = x.high();
            l[i] = x.low();
            c[i] = x.close();
            v[i] = x.volume();
        }
        return new CandleColumns(t, o, h, l, c, v);
    }

    private void publish(RawCandlesChunk chunk) {
        tap.send(Topics.CANDLES_RAW, chunk.series().key(), chunk);
    }

    private List<CleanCandlesChunk> cleanChunks(String jobId) {
        return tap.records(Topics.CANDLES_CLEAN, r -> true).stream()
                .map(r -> EventJson.read(r.value(), CleanCandlesChunk.class))
                .filter(c -> c.jobId().equals(jobId))
                .toList();
    }

    private List<CleanCandlesChunk> cleanChunksUpToNow(String jobId) {
        return tap.recordsUpToNow(Topics.CANDLES_CLEAN, r -> true).stream()
                .map(r -> EventJson.read(r.value(), CleanCandlesChunk.class))
                .filter(c -> c.jobId().equals(jobId))
                .toList();
    }

    private List<TrainingStatus> statuses(String jobId) {
        return tap.records(Topics.TRAINING_STATUS, r -> jobId.equals(r.key())).stream()
                .map(r -> EventJson.read(r.value(), TrainingStatus.class))
                .filter(s -> "cleaning-service".equals(s.service()))
                .toList();
    }

    @Test
    void aGoodSeriesInChunksDeliveredOutOfOrderIsCleanedAndPublishedOnce() {
        String jobId = newJobId("good");
        SeriesRef series = new SeriesRef("testex", "SOL/USDT", "5m");
        List<Candle> candles = goodSeries(2600);
        List<RawCandlesChunk> raw = rawChunks(jobId, series, candles, 1000);
        assertEquals(3, raw.size());
        QualityResult expected = new QualityChecks().check(Timeframe.M5, candles);
        assertTrue(expected.passed(), expected.report().verdict());

        publish(raw.get(2));
        publish(raw.get(0));
        publish(raw.get(1));

        List<CleanCandlesChunk> clean = await().atMost(WAIT).until(() -> cleanChunks(jobId), c -> c.size() >= 2);
        List<TrainingStatus> status = await().atMost(WAIT).until(() -> statuses(jobId), s -> !s.isEmpty());

        // 2600 rows, 1 duplicate dropped: 2600 kept, in 2 chunks of at most 2000
        List<CleanCandlesChunk> ordered = clean.stream().sorted(Comparator.comparingInt(CleanCandlesChunk::chunkIndex)).toList();
        assertEquals(2, ordered.size());
        assertEquals(List.of(0, 1), ordered.stream().map(CleanCandlesChunk::chunkIndex).toList());
        assertEquals(2000, ordered.get(0).candles().size());
        assertEquals(600, ordered.get(1).candles().size());
        CandleColumns all = CandleColumns.concat(ordered.stream().map(CleanCandlesChunk::candles).toList());
        String fingerprint = expected.cleaned().fingerprint();
        assertEquals(fingerprint, SeriesFingerprint.of(all.openTimeMs(), all.open(), all.high(), all.low(), all.close(),
                all.volume()));
        assertArrayEquals(expected.cleaned().openTimeMs(), all.openTimeMs());
        int[] flags = Arrays.stream(ordered.toArray(CleanCandlesChunk[]::new))
                .flatMapToInt(c -> Arrays.stream(c.qualityFlags())).toArray();
        assertArrayEquals(expected.cleaned().flags(), flags);
        assertEquals(QualityFlags.ZERO_VOLUME, flags[3]);
        assertEquals(QualityFlags.FLAT, flags[7]);
        for (CleanCandlesChunk c : ordered) {
            assertEquals(fingerprint, c.fingerprint());
            assertEquals(expected.report().qualityScore(), c.qualityScore());
            assertEquals(1, c.report().duplicates());
            assertTrue(c.report().passed());
            assertEquals(series, c.series());
            assertEquals(EventTypes.deterministicId(jobId, series.key(), "clean", Integer.toString(c.chunkIndex())),
                    c.eventId());
        }
        ConsumerRecord<String, byte[]> first = tap.records(Topics.CANDLES_CLEAN, r -> true).stream()
                .filter(r -> EventJson.read(r.value(), CleanCandlesChunk.class).jobId().equals(jobId)).findFirst().orElseThrow();
        assertEquals(series.key(), first.key());

        assertEquals(1, status.size());
        TrainingStatus cleaned = status.get(0);
        assertEquals(State.MARKET_CLEANED, cleaned.state());
        assertEquals(expected.report().verdict(), cleaned.message());
        assertEquals(fingerprint, cleaned.details().get("fingerprint"));
        assertEquals(2600, ((Number) cleaned.details().get("clean_candle_count")).intValue());

        given().queryParam("jobId", jobId).when().get("/api/quality/reports").then().statusCode(200)
                .body("$", hasSize(1))
                .body("[0].job_id", equalTo(jobId))
                .body("[0].exchange", equalTo("testex"))
                .body("[0].pair", equalTo("SOL/USDT"))
                .body("[0].timeframe", equalTo("5m"))
                .body("[0].total", equalTo(2601))
                .body("[0].duplicates", equalTo(1))
                .body("[0].zero_volume", equalTo(expected.report().zeroVolume()))
                .body("[0].flat", equalTo(expected.report().flat()))
                .body("[0].valid", equalTo(expected.report().valid()))
                .body("[0].valid_fraction", closeTo(expected.report().validFraction(), 1e-12))
                .body("[0].valid_pct", closeTo(100.0 * expected.report().valid() / 2601, 1e-9))
                .body("[0].quality_score", closeTo(expected.report().qualityScore(), 1e-12))
                .body("[0].clean_candle_count", equalTo(2600))
                .body("[0].stale_runs", equalTo(0))
                .body("[0].spikes", equalTo(0))
                .body("[0].synthetic", equalTo(0))
                .body("[0].cross_exchange_references", hasSize(0))
                .body("[0].threshold_fraction", closeTo(0.70, 1e-12))
                .body("[0].settings", startsWith("threshold-fraction=0.7, policy.zero-volume=flag"))
                .body("[0].passed", equalTo(true))
                .body("[0].verdict", startsWith("passed: "))
                .body("[0].fingerprint", equalTo(fingerprint));

        // Redelivery: the same three events again, and a new event for a chunk of the evaluated series.
        raw.forEach(this::publish);
        RawCandlesChunk late = raw.get(1);
        publish(new RawCandlesChunk(UUID.randomUUID().toString(), late.schemaVersion(), Instant.now(), jobId, series,
                late.periodFrom(), late.periodUntil(), late.chunkIndex(), late.chunkCount(), late.candles()));
        // a marker series published after them on the same key (same partition) proves they were consumed
        String markerJob = newJobId("marker");
        publish(rawChunks(markerJob, series, candles.subList(0, 10), 1000).get(0));
        await().atMost(WAIT).until(() -> statuses(markerJob), s -> !s.isEmpty());
        assertEquals(2, cleanChunksUpToNow(jobId).size());
        assertEquals(1, statuses(jobId).size());
        given().queryParam("jobId", jobId).when().get("/api/quality/reports").then().statusCode(200).body("$", hasSize(1));
    }

    @Test
    void aGarbageSeriesIsRefusedWithTheVerdictAndNothingGoesOnCandlesClean() {
        String jobId = newJobId("garbage");
        SeriesRef series = new SeriesRef("testex", "SOL/USDT", "5m");
        rawChunks(jobId, series, garbageSeries(), 400).forEach(this::publish);

        TrainingStatus rejected = await().atMost(WAIT).until(() -> statuses(jobId), s -> !s.isEmpty()).get(0);
        assertEquals(State.MARKET_REJECTED, rejected.state());
        assertEquals("refused: 60.0 % of 1000 candles valid, below the 70.0 % threshold (zero_volume 200, flat 400,"
                + " ohlc_invalid 0, duplicates 0, out_of_order 0, missing 0, stale_runs 0, spikes 0,"
                + " cross_exchange_divergence 0 (no other exchange))", rejected.message());
        assertEquals(0.6, ((Number) rejected.details().get("valid_fraction")).doubleValue());
        assertEquals(60.0, ((Number) rejected.details().get("valid_pct")).doubleValue());
        assertEquals(0.6, ((Number) rejected.details().get("quality_score")).doubleValue());
        assertEquals(0.7, ((Number) rejected.details().get("threshold_fraction")).doubleValue());
        assertEquals(1000, ((Number) rejected.details().get("clean_candle_count")).intValue());
        assertEquals(0, ((Number) rejected.details().get("stale_runs")).intValue());
        assertEquals(200, ((Number) rejected.details().get("zero_volume")).intValue());
        assertEquals(400, ((Number) rejected.details().get("flat")).intValue());
        assertEquals(series, rejected.market());
        assertEquals(EventTypes.deterministicId(jobId, series.key(), "cleaning-service", "MARKET_REJECTED"),
                rejected.eventId());

        // the service publishes a series' clean chunks before its status: read candles.clean up to its end now
        assertTrue(cleanChunksUpToNow(jobId).isEmpty());
        given().queryParam("jobId", jobId).queryParam("exchange", "testex").queryParam("timeframe", "5m")
                .when().get("/api/quality/reports").then().statusCode(200)
                .body("$", hasSize(1))
                .body("[0].passed", equalTo(false))
                .body("[0].valid_fraction", closeTo(0.6, 1e-12))
                .body("[0].valid_pct", closeTo(60.0, 1e-12))
                .body("[0].verdict", equalTo(rejected.message()));
    }

    @Test
    void anEmptySeriesIsRefusedSayingSo() {
        String jobId = newJobId("empty");
        SeriesRef series = new SeriesRef("testex", "ETH/USDT", "1h");
        publish(rawChunks(jobId, series, List.of(), 1000).get(0));
        TrainingStatus rejected = await().atMost(WAIT).until(() -> statuses(jobId), s -> !s.isEmpty()).get(0);
        assertEquals(State.MARKET_REJECTED, rejected.state());
        assertTrue(rejected.message().startsWith("refused: the series has no candles"), rejected.message());
    }

    @Test
    void recordsThatAreNotChunksGoToTheDeadLetterTopic() {
        String key = "malformed-" + UUID.randomUUID();
        tap.sendBytes(Topics.CANDLES_RAW, key, "this is not JSON".getBytes(StandardCharsets.UTF_8));
        ConsumerRecord<String, byte[]> dead = await().atMost(WAIT)
                .until(() -> tap.records(DLQ, r -> key.equals(r.key())), l -> !l.isEmpty()).get(0);
        assertEquals("this is not JSON", new String(dead.value(), StandardCharsets.UTF_8));
        assertNotNull(header(dead, "dead-letter-reason"));

        // valid JSON that breaks the contract: chunk 5 of 2
        String jobId = newJobId("broken");
        SeriesRef series = new SeriesRef("testex", "BROKEN/USDT", "5m");
        RawCandlesChunk ok = rawChunks(jobId, series, goodSeries(1300).subList(0, 10), 1000).get(0);
        RawCandlesChunk broken = new RawCandlesChunk(ok.eventId(), ok.schemaVersion(), ok.occurredAt(), jobId, series,
                ok.periodFrom(), ok.periodUntil(), 5, 2, ok.candles());
        publish(broken);
        ConsumerRecord<String, byte[]> deadChunk = await().atMost(WAIT)
                .until(() -> tap.records(DLQ, r -> series.key().equals(r.key())), l -> !l.isEmpty()).get(0);
        assertEquals(jobId, EventJson.read(deadChunk.value(), RawCandlesChunk.class).jobId());
        assertTrue(header(deadChunk, "dead-letter-reason").contains("chunkIndex 5 is outside 0..1"),
                header(deadChunk, "dead-letter-reason"));
    }

    /**
     * Issue 13: candles no market produces (a year-3000 open time, a negative or 1e308 price, OHLC out of order, an
     * open time off the grid) are not quality findings: the chunk goes to the dead-letter topic with a reason naming
     * the candle and the field, and nothing of its job is published.
     */
    @Test
    void aChunkWithAnImpossibleCandleIsDeadLetteredNamingTheField() {
        long year3000 = Instant.parse("3000-01-01T00:00:00Z").toEpochMilli();
        Object[][] cases = {
            {new Candle(year3000, 192, 193, 191, 192.5, 10), "time 3000-01-01T00:00:00Z is after now plus one 5m candle"},
            {new Candle(START + 5 * M5, -192, 193, 191, 192.5, 10), "open -192.0 is not above 0"},
            {new Candle(START + 5 * M5, 192, 1e308, 191, 192.5, 10), "high 1.0E308 is above 1.0E12, the largest accepted"},
            {new Candle(START + 5 * M5, 192, 193, 191, 194, 10), "close 194.0 is outside low 191.0 .. high 193.0"},
            {new Candle(START + 5 * M5 + 1, 192, 193, 191, 192.5, 10), "is not the start of a 5m candle"}};
        for (Object[] c : cases) {
            String jobId = newJobId("impossible");
            SeriesRef series = new SeriesRef("testex", "IMP" + UUID.randomUUID().toString().substring(0, 6) + "/USDT", "5m");
            List<Candle> candles = new ArrayList<>(goodSeries(1300).subList(0, 5));
            candles.add((Candle) c[0]);
            publish(rawChunks(jobId, series, candles, 1000).get(0));
            ConsumerRecord<String, byte[]> dead = await().atMost(WAIT)
                    .until(() -> tap.records(DLQ, r -> series.key().equals(r.key())), l -> !l.isEmpty()).get(0);
            String reason = header(dead, "dead-letter-reason");
            assertTrue(reason.contains("invalid candles.raw chunk: candles: candle 5 (openTimeMs "
                    + ((Candle) c[0]).openTimeMs() + "): ") && reason.contains((String) c[1]), reason);
            assertTrue(cleanChunksUpToNow(jobId).isEmpty(), "nothing on candles.clean");
            assertTrue(statuses(jobId).isEmpty(), "no status either");
            given().queryParam("jobId", jobId).when().get("/api/quality/reports").then().statusCode(200)
                    .body("$", hasSize(0));
        }
    }

    @Test
    void thePolicyIsServed() {
        given().when().get("/api/quality/policy").then().statusCode(200)
                .body("threshold_fraction", closeTo(0.70, 1e-12))
                .body("chunk_size_candles", equalTo(2000))
                .body("forward_fill_max_run_candles", equalTo(5))
                .body("stale_runs_min_run_candles", equalTo(5))
                .body("spikes_window_returns", equalTo(100))
                .body("spikes_threshold_z", closeTo(10.0, 1e-12))
                .body("cross_exchange_max_deviation_fraction", closeTo(0.02, 1e-12))
                .body("checks.check", equalTo(List.of("zero_volume", "flat", "ohlc_invalid", "duplicates", "out_of_order",
                        "missing", "stale_runs", "spikes", "cross_exchange_divergence")))
                .body("checks.find { it.check == 'zero_volume' }.policy", equalTo("flag"))
                .body("checks.find { it.check == 'zero_volume' }.flag_bit", equalTo(QualityFlags.ZERO_VOLUME))
                .body("checks.find { it.check == 'flat' }.policy", equalTo("flag"))
                .body("checks.find { it.check == 'flat' }.flag_bit", equalTo(QualityFlags.FLAT))
                .body("checks.find { it.check == 'ohlc_invalid' }.policy", equalTo("drop"))
                .body("checks.find { it.check == 'ohlc_invalid' }.allowed_policies", equalTo(List.of("drop", "forward-fill")))
                .body("checks.find { it.check == 'duplicates' }.policy", equalTo("drop"))
                .body("checks.find { it.check == 'out_of_order' }.policy", equalTo("drop"))
                .body("checks.find { it.check == 'missing' }.policy", equalTo("report"))
                .body("checks.find { it.check == 'stale_runs' }.flag_bit", equalTo(QualityFlags.STALE))
                .body("checks.find { it.check == 'spikes' }.flag_bit", equalTo(QualityFlags.SPIKE))
                .body("checks.find { it.check == 'cross_exchange_divergence' }.flag_bit", equalTo(QualityFlags.DIVERGENT))
                .body("checks.find { it.check == 'cross_exchange_divergence' }.makes_invalid", equalTo(false));
    }

    /** A short random name part, so that tests do not share markets (reference closes are per market). */
    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    /** A traded, non-flat 5m candle whose open and close are {@code close}. */
    private static Candle at(int i, double close) {
        return new Candle(START + i * M5, close, close * 1.001, close * 0.999, close, 10);
    }

    /**
     * n closes from 100 whose log returns alternate in sign and cycle through 7 sizes (0.1 % to 0.7 %): no two
     * equal closes in a row and no spike.
     */
    private static double[] wiggle(int n) {
        double[] closes = new double[n];
        closes[0] = 100;
        for (int i = 1; i < n; i++) {
            double size = 0.001 * (1 + i % 7);
            closes[i] = closes[i - 1] * Math.exp(i % 2 == 0 ? size : -size);
        }
        return closes;
    }

    private static List<Candle> candles(double[] closes) {
        List<Candle> out = new ArrayList<>();
        for (int i = 0; i < closes.length; i++) {
            out.add(at(i, closes[i]));
        }
        return out;
    }

    private TrainingStatus awaitStatus(String jobId) {
        return await().atMost(WAIT).until(() -> statuses(jobId), s -> !s.isEmpty()).get(0);
    }

    private static int detail(TrainingStatus status, String key) {
        return ((Number) status.details().get(key)).intValue();
    }

    @Test
    void staleRunsAndSpikesAreCountedFlaggedAndReported() {
        String jobId = newJobId("stale-spike");
        SeriesRef series = new SeriesRef("testex", "SS" + unique() + "/USDT", "5m");
        double[] closes = wiggle(300);
        for (int i = 151; i <= 155; i++) {
            closes[i] = closes[150]; // a run of 6 identical closes: 5 stale candles
        }
        closes[250] *= 1.2; // a spike that comes back
        List<Candle> candles = candles(closes);
        QualityResult expected = new QualityChecks().check(Timeframe.M5, candles);
        rawChunks(jobId, series, candles, 1000).forEach(this::publish);

        TrainingStatus cleaned = awaitStatus(jobId);
        assertEquals(State.MARKET_CLEANED, cleaned.state());
        assertEquals(5, detail(cleaned, "stale_runs"));
        assertEquals(1, detail(cleaned, "spikes"));
        assertEquals(294, detail(cleaned, "valid"));
        assertEquals(98.0, ((Number) cleaned.details().get("valid_pct")).doubleValue(), 1e-12);
        assertEquals(0.98, ((Number) cleaned.details().get("quality_score")).doubleValue(), 1e-12);
        assertEquals(expected.report().verdict(), cleaned.message());

        List<CleanCandlesChunk> clean = await().atMost(WAIT).until(() -> cleanChunks(jobId), c -> !c.isEmpty());
        int[] flags = clean.get(0).qualityFlags();
        assertEquals(QualityFlags.STALE, flags[155]);
        assertEquals(0, flags[150]);
        assertEquals(QualityFlags.SPIKE, flags[250]);
        assertEquals(0.98, clean.get(0).qualityScore(), 1e-12);
        assertEquals(5, clean.get(0).report().staleRuns());
        assertEquals(1, clean.get(0).report().spikes());
        assertEquals(98.0, clean.get(0).report().validPct(), 1e-12);

        given().queryParam("jobId", jobId).when().get("/api/quality/reports").then().statusCode(200)
                .body("$", hasSize(1))
                .body("[0].stale_runs", equalTo(5))
                .body("[0].spikes", equalTo(1))
                .body("[0].valid", equalTo(294))
                .body("[0].valid_pct", closeTo(98.0, 1e-12))
                .body("[0].quality_score", closeTo(0.98, 1e-12))
                .body("[0].clean_candle_count", equalTo(300));
    }

    @Test
    void thePeriodsCandleTimesBeforeTheFirstAndAfterTheLastCandleAreMissingAndCountAgainstTheGate() {
        // 300 good candles; asked for 400 times the series passes at 75 %, asked for 500 it is refused at 60 %
        List<Candle> candles = candles(wiggle(300));
        String passing = newJobId("tail-75");
        SeriesRef series = new SeriesRef("testex", "TAIL" + unique() + "/USDT", "5m");
        Instant from = Instant.ofEpochMilli(START);
        rawChunks(passing, series, candles, 1000, from, Instant.ofEpochMilli(START + 400 * M5)).forEach(this::publish);

        TrainingStatus cleaned = awaitStatus(passing);
        assertEquals(State.MARKET_CLEANED, cleaned.state(), cleaned.message());
        assertEquals(100, detail(cleaned, "missing"));
        assertEquals(0, detail(cleaned, "missing_head"));
        assertEquals(100, detail(cleaned, "missing_tail"));
        assertEquals(300, detail(cleaned, "total"));
        assertEquals(300, detail(cleaned, "valid"));
        assertEquals(0.75, ((Number) cleaned.details().get("valid_fraction")).doubleValue(), 1e-12);
        assertEquals(75.0, ((Number) cleaned.details().get("valid_pct")).doubleValue(), 1e-12);
        assertTrue(cleaned.message().startsWith("passed: 75.0 % of 400 candles (300 received, 100 of the requested"
                + " period missing at its start or end) valid"), cleaned.message());
        List<CleanCandlesChunk> clean = await().atMost(WAIT).until(() -> cleanChunks(passing), c -> !c.isEmpty());
        assertEquals(300, clean.get(0).candles().size(), "nothing is made up for the times not held");
        assertEquals(100, clean.get(0).report().missing());
        assertEquals(0.75, clean.get(0).report().validFraction(), 1e-12);
        assertEquals(1.0, clean.get(0).qualityScore(), 1e-12);
        given().queryParam("jobId", passing).when().get("/api/quality/reports").then().statusCode(200)
                .body("[0].period_from", equalTo(from.toString()))
                .body("[0].period_until", equalTo(Instant.ofEpochMilli(START + 400 * M5).toString()))
                .body("[0].missing", equalTo(100))
                .body("[0].missing_head", equalTo(0))
                .body("[0].missing_tail", equalTo(100))
                .body("[0].valid_pct", closeTo(75.0, 1e-12))
                .body("[0].passed", equalTo(true));

        String refused = newJobId("head-tail-60");
        SeriesRef other = new SeriesRef("testex", "HEAD" + unique() + "/USDT", "5m");
        // 100 times before the first candle and 100 after the last
        rawChunks(refused, other, candles, 1000, Instant.ofEpochMilli(START - 100 * M5),
                Instant.ofEpochMilli(START + 400 * M5)).forEach(this::publish);
        TrainingStatus rejected = awaitStatus(refused);
        assertEquals(State.MARKET_REJECTED, rejected.state());
        assertEquals(100, detail(rejected, "missing_head"));
        assertEquals(100, detail(rejected, "missing_tail"));
        assertEquals(0.6, ((Number) rejected.details().get("valid_fraction")).doubleValue(), 1e-12);
        assertTrue(rejected.message().startsWith("refused: 60.0 % of 500 candles (300 received, 200 of the requested"
                + " period missing at its start or end) valid, below the 70.0 % threshold"), rejected.message());
        assertTrue(rejected.message().contains("missing 200 (100 before the first candle, 100 after the last)"),
                rejected.message());
    }

    @Test
    void reportsAreFilteredByExchangePairAndTimeframe() {
        String jobId = newJobId("filters");
        String exA = "fa-" + unique(), exB = "fb-" + unique();
        String p1 = "F1" + unique() + "/USD", p2 = "F2" + unique() + "/USD";
        List<SeriesRef> markets = List.of(new SeriesRef(exA, p1, "5m"), new SeriesRef(exB, p1, "5m"),
                new SeriesRef(exA, p2, "1h"));
        for (SeriesRef market : markets) {
            // each on its own timeframe's grid: a candle off it is refused at entry
            long step = Timeframe.parse(market.timeframe()).durationMs();
            List<Candle> onGrid = candles(wiggle(30)).stream().map(c -> new Candle(START + (c.openTimeMs() - START) / M5 * step,
                    c.open(), c.high(), c.low(), c.close(), c.volume())).toList();
            rawChunks(jobId, market, onGrid, 1000).forEach(this::publish);
        }
        await().atMost(WAIT).until(() -> statuses(jobId), s -> s.size() == 3);

        given().queryParam("exchange", exA).when().get("/api/quality/reports").then().statusCode(200)
                .body("$", hasSize(2)).body("pair", org.hamcrest.Matchers.containsInAnyOrder(p1, p2));
        given().queryParam("pair", p1).when().get("/api/quality/reports").then().statusCode(200)
                .body("$", hasSize(2)).body("exchange", org.hamcrest.Matchers.containsInAnyOrder(exA, exB));
        given().queryParam("exchange", exA).queryParam("timeframe", "1h").when().get("/api/quality/reports").then()
                .statusCode(200).body("$", hasSize(1)).body("[0].pair", equalTo(p2)).body("[0].timeframe", equalTo("1h"));
        given().queryParam("exchange", exB).queryParam("pair", p1).queryParam("timeframe", "5m")
                .when().get("/api/quality/reports").then().statusCode(200).body("$", hasSize(1))
                .body("[0].exchange", equalTo(exB)).body("[0].total", equalTo(30));
        given().queryParam("exchange", exB).queryParam("pair", p2).when().get("/api/quality/reports").then()
                .statusCode(200).body("$", hasSize(0));
        given().queryParam("pair", p1).queryParam("limit", 1).when().get("/api/quality/reports").then()
                .statusCode(200).body("$", hasSize(1));
        given().queryParam("limit", 0).when().get("/api/quality/reports").then().statusCode(400);
    }

    @Test
    void aSeriesIsComparedWithTheLatestCleanedSeriesOfTheOtherExchanges() {
        String pair = "X" + unique() + "/USD";
        String exA = "xa-" + unique(), exB = "xb-" + unique(), exC = "xc-" + unique();
        double[] closes = wiggle(200);
        double[] shifted = closes.clone();
        for (int i : new int[] {10, 20, 30}) {
            shifted[i] *= 1.05; // 5 % above the others: 2.4 % from the midpoint of two exchanges
        }

        String jobA = newJobId("xa");
        rawChunks(jobA, new SeriesRef(exA, pair, "5m"), candles(closes), 1000).forEach(this::publish);
        TrainingStatus a = awaitStatus(jobA);
        assertEquals(State.MARKET_CLEANED, a.state());
        assertEquals(List.of(), a.details().get("cross_exchange_references"));
        assertEquals(0, detail(a, "cross_exchange_compared"));

        // with one other exchange the median is the midpoint: B's three shifted candles diverge
        String jobB = newJobId("xb");
        rawChunks(jobB, new SeriesRef(exB, pair, "5m"), candles(shifted), 1000).forEach(this::publish);
        TrainingStatus b = awaitStatus(jobB);
        assertEquals(State.MARKET_CLEANED, b.state());
        assertEquals(List.of(exA), b.details().get("cross_exchange_references"));
        assertEquals(200, detail(b, "cross_exchange_compared"));
        assertEquals(3, detail(b, "cross_exchange_divergence"));
        assertEquals(200, detail(b, "valid")); // divergence does not make a candle invalid
        assertTrue(b.message().contains("cross_exchange_divergence 3 of 200 compared with " + exA), b.message());
        int[] flags = await().atMost(WAIT).until(() -> cleanChunks(jobB), c -> !c.isEmpty()).get(0).qualityFlags();
        assertEquals(QualityFlags.DIVERGENT, flags[10]);
        assertEquals(QualityFlags.DIVERGENT, flags[30]);
        assertEquals(0, flags[11]);

        // with two others the median is A's close: C, which agrees with A, does not diverge
        String jobC = newJobId("xc");
        rawChunks(jobC, new SeriesRef(exC, pair, "5m"), candles(closes), 1000).forEach(this::publish);
        TrainingStatus c = awaitStatus(jobC);
        assertEquals(List.of(exA, exB).stream().sorted().toList(), c.details().get("cross_exchange_references"));
        assertEquals(0, detail(c, "cross_exchange_divergence"));
        given().queryParam("jobId", jobC).when().get("/api/quality/reports").then().statusCode(200)
                .body("[0].cross_exchange_compared", equalTo(200))
                .body("[0].cross_exchange_divergence", equalTo(0))
                .body("[0].cross_exchange_references", equalTo(List.of(exA, exB).stream().sorted().toList()));
        given().queryParam("jobId", jobB).when().get("/api/quality/reports").then().statusCode(200)
                .body("[0].cross_exchange_divergence", equalTo(3))
                .body("[0].cross_exchange_references", equalTo(List.of(exA)));
    }

    @Test
    void healthAndMetricsAreUp() {
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("cleaning_candles_checked_total"))
                .body(containsString("cleaning_series_evaluated_total{outcome=\"refused\""));
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
