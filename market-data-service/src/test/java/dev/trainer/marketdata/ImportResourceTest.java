package dev.trainer.marketdata;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trainer.devinfra.InfraTestResource;
import dev.trainer.domain.market.Candle;
import dev.trainer.domain.market.CandleCsv;
import dev.trainer.marketdata.service.CandleImporter;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** POST /api/market-data/imports against a real PostgreSQL: counts, idempotency, all or nothing, streaming. */
@QuarkusTest
@WithTestResource(InfraTestResource.class)
class ImportResourceTest {

    private static final String EXCHANGE = "import-test";
    private static final long T0 = 1_704_067_200_000L; // 2024-01-01T00:00:00Z
    private static final long MINUTE_MS = 60_000L;
    private static final long HOUR_MS = 3_600_000L;

    @Inject
    DataSource dataSource;

    @Inject
    CandleImporter importer;

    @TestHTTPResource("/api/market-data/imports")
    URL importsUrl;

    /** A pair of its own per test, so that tests do not see each other's candles. */
    private static String freshPair() {
        return "T" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase(Locale.ROOT) + "/USDT";
    }

    private static ValidatableResponse post(String pair, String timeframe, String contentType, byte[] file) {
        return given().contentType(contentType).body(file)
                .queryParam("exchange", EXCHANGE).queryParam("pair", pair).queryParam("timeframe", timeframe)
                .when().post("/api/market-data/imports").then();
    }

    /** Rows with prices that text round-trips badly if anything formats them on the way. */
    private static String research(long firstOpenTimeMs, long stepMs, int count) {
        StringBuilder text = new StringBuilder(CandleCsv.HEADER + "\n");
        for (int i = 0; i < count; i++) {
            double close = 42_000.1 + i * 0.7 + 1e-9;
            text.append(firstOpenTimeMs + i * stepMs).append(',').append(close - 0.3).append(',').append(close + 0.35)
                    .append(',').append(close - 0.45).append(',').append(close).append(',').append(0.1 + i * 0.2).append('\n');
        }
        return text.toString();
    }

    private static String klinesInMicroseconds(long firstOpenTimeMs, long stepMs, int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            long open = firstOpenTimeMs + i * stepMs;
            text.append(open * 1000).append(",100.5,").append(101.25 + i).append(",99.75,").append(100 + i).append(",12.5,")
                    .append((open + stepMs) * 1000 - 1).append(",1256.25,42,6.25,628.125,0\n");
        }
        return text.toString();
    }

    private static byte[] zip(String... namesAndTexts) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (int i = 0; i < namesAndTexts.length; i += 2) {
                zip.putNextEntry(new ZipEntry(namesAndTexts[i]));
                zip.write(namesAndTexts[i + 1].getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private List<Candle> stored(String pair, String timeframe) throws SQLException {
        List<Candle> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select open_time_ms, open, high, low, close, volume from candles "
                     + "where exchange = ? and pair = ? and timeframe = ? order by open_time_ms")) {
            ps.setString(1, EXCHANGE);
            ps.setString(2, pair);
            ps.setString(3, timeframe);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Candle(rs.getLong(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4), rs.getDouble(5),
                            rs.getDouble(6)));
                }
            }
        }
        return out;
    }

    @Test
    void aResearchCsvIsStoredExactlyAndAReimportStoresNothingNew() throws Exception {
        String pair = freshPair();
        String text = research(T0, HOUR_MS, 1_234);
        var created = post(pair, "1h", "text/csv", text.getBytes(StandardCharsets.UTF_8)).statusCode(201).extract();
        JsonPath first = created.jsonPath();
        assertTrue(created.header("Location").endsWith("/api/market-data/imports/" + first.getLong("id")),
                created.header("Location"));
        assertEquals("COMPLETED", first.getString("status"));
        assertEquals("csv/research", first.getString("fileFormat"));
        assertEquals(1_234, first.getLong("rowsRead"));
        assertEquals(1_234, first.getLong("newCandles"));
        assertEquals(0, first.getLong("alreadyStoredCandles"));
        assertEquals(T0, first.getLong("firstOpenTimeMs"));
        assertEquals(T0 + 1_233 * HOUR_MS, first.getLong("lastOpenTimeMs"));
        assertEquals(CandleCsv.parse(new StringReader(text)), stored(pair, "1h"), "every value exactly as in the file");

        JsonPath again = post(pair, "1h", "application/octet-stream", text.getBytes(StandardCharsets.UTF_8)).statusCode(201)
                .extract().jsonPath();
        assertEquals(1_234, again.getLong("rowsRead"));
        assertEquals(0, again.getLong("newCandles"));
        assertEquals(1_234, again.getLong("alreadyStoredCandles"));
        assertEquals(1_234, stored(pair, "1h").size());

        given().when().get("/api/market-data/imports/" + first.getLong("id")).then().statusCode(200)
                .body("status", equalTo("COMPLETED"));

        // the imported span counts as covered: a fetch of it would ask the exchange for nothing
        JsonPath series = given().when().get("/api/market-data/series").then().statusCode(200).extract().jsonPath();
        String where = "find { it.exchange == '" + EXCHANGE + "' && it.pair == '" + pair + "' && it.timeframe == '1h' }";
        assertEquals(List.of(T0), series.getList(where + ".fetched.fromMs", Long.class));
        assertEquals(List.of(T0 + 1_234 * HOUR_MS), series.getList(where + ".fetched.untilMs", Long.class));
    }

    @Test
    void aBinanceZipOverlappingWhatIsStoredAddsOnlyTheNewCandles() throws Exception {
        String pair = freshPair();
        post(pair, "1m", "text/csv", klinesInMicroseconds(T0, MINUTE_MS, 3).getBytes(StandardCharsets.UTF_8)).statusCode(201);

        byte[] archive = zip("BTCUSDT-1m-2024-01.csv", klinesInMicroseconds(T0 + MINUTE_MS, MINUTE_MS, 5));
        JsonPath result = post(pair.toLowerCase(Locale.ROOT), "1m", "application/zip", archive).statusCode(201).extract()
                .jsonPath();
        assertEquals(pair, result.getString("pair"), "the same series however the pair is written");
        assertEquals("zip/binance-klines", result.getString("fileFormat"));
        assertEquals(5, result.getLong("rowsRead"));
        assertEquals(3, result.getLong("newCandles"));
        assertEquals(2, result.getLong("alreadyStoredCandles"));
        List<Candle> candles = stored(pair, "1m");
        assertEquals(6, candles.size());
        assertEquals(T0 + 5 * MINUTE_MS, candles.get(5).openTimeMs());
        assertEquals(new Candle(T0 + 3 * MINUTE_MS, 100.5, 103.25, 99.75, 102, 12.5), candles.get(3));
    }

    @Test
    void aBadLineAfterSeveralBatchesStoresNothingAndIsNamed() throws Exception {
        String pair = freshPair();
        post(pair, "1h", "text/csv", research(T0, HOUR_MS, 100).getBytes(StandardCharsets.UTF_8)).statusCode(201);
        assertEquals(100, stored(pair, "1h").size());

        // 1,500 good rows (three batches of 500 written, then rolled back), a bad one on line 1,502
        String bad = research(T0, HOUR_MS, 1_500) + (T0 + 1_500 * HOUR_MS) + ",1,0.5,0.9,0.7,3\n";
        post(pair, "1h", "text/csv", bad.getBytes(StandardCharsets.UTF_8)).statusCode(400)
                .contentType("application/problem+json")
                .body("detail", equalTo("nothing was imported: line 1502: high 0.5 is below low 0.9"));
        assertEquals(100, stored(pair, "1h").size(), "all or nothing");

        given().queryParam("exchange", EXCHANGE).queryParam("pair", pair).when().get("/api/market-data/imports")
                .then().statusCode(200)
                .body("[0].status", equalTo("FAILED"))
                .body("[0].rowsRead", equalTo(1_500))
                .body("[0].newCandles", equalTo(0))
                .body("[0].error", endsWith("line 1502: high 0.5 is below low 0.9"))
                .body("[1].status", equalTo("COMPLETED"));
    }

    @Test
    void anOpenTimeOffTheTimeframesGridIsRefusedWithItsLine() {
        String pair = freshPair();
        String text = klinesInMicroseconds(T0, MINUTE_MS, 2) + klinesInMicroseconds(T0 + 150_000, MINUTE_MS, 1);
        post(pair, "1m", "text/csv", text.getBytes(StandardCharsets.UTF_8)).statusCode(400)
                .body("detail", containsString("line 3: time 2024-01-01T00:02:30Z is not the start of a 1m candle"));
    }

    /** Issue 13: imports stored negative prices, year-3000 open times and 1e308 values. */
    @Test
    void impossibleCandlesAreRefusedNamingTheLineAndNothingIsStored() throws Exception {
        String pair = freshPair();
        String good = research(T0, HOUR_MS, 3);
        String[][] cases = {
            {(T0 + 3 * HOUR_MS) + ",-5,10,-6,9,1", "line 5: open -5.0 is not above 0"},
            {"3000-01-01T00:00:00Z,5,10,4,9,1", "line 5: time 3000-01-01T00:00:00Z is after now plus one 1h candle"},
            {(T0 + 3 * HOUR_MS) + ",1e308,1e308,1e308,1e308,1e308", "line 5: open 1.0E308 is above 1.0E12, the largest accepted"},
            {(T0 + 3 * HOUR_MS) + ",5,10,4,9,-1", "line 5: volume -1.0 is below 0"},
            {(T0 + 3 * HOUR_MS) + ",5,10,4,11,1", "line 5: close 11.0 is outside low 4.0 .. high 10.0"}};
        for (String[] c : cases) {
            post(pair, "1h", "text/csv", (good + c[0] + "\n").getBytes(StandardCharsets.UTF_8)).statusCode(400)
                    .contentType("application/problem+json")
                    .body("detail", containsString("nothing was imported: " + c[1]));
            assertEquals(0, stored(pair, "1h").size(), c[0]);
            given().queryParam("exchange", EXCHANGE).queryParam("pair", pair).queryParam("limit", 1).when()
                    .get("/api/market-data/imports").then().statusCode(200).body("[0].status", equalTo("FAILED"))
                    .body("[0].error", containsString(c[1]));
        }
    }

    /** Issue 13: a refused import echoed its first line whole (a 1 MB line made a 1 MB answer and row). */
    @Test
    void theErrorOfAHugeBadLineIsAtMostOneKilobyte() throws Exception {
        String pair = freshPair();
        byte[] file = ("a".repeat(1_048_576) + "\n").getBytes(StandardCharsets.UTF_8);
        String detail = post(pair, "1h", "text/csv", file).statusCode(400).contentType("application/problem+json")
                .extract().path("detail");
        assertTrue(detail.startsWith("nothing was imported: line 1: expected the header"), detail);
        assertTrue(detail.getBytes(StandardCharsets.UTF_8).length <= 1024, detail.length() + " characters");
        assertEquals(List.of("FAILED"), importRows(pair, "status"));
        String error = importRows(pair, "error").get(0);
        assertTrue(error.getBytes(StandardCharsets.UTF_8).length <= 1024, error.length() + " characters");
    }

    /** Issue 13: an import whose first line held a NUL stayed RUNNING forever (the error could not be stored). */
    @Test
    void aNulInTheFirstLineEndsFailedNotRunning() throws Exception {
        String pair = freshPair();
        post(pair, "1h", "text/csv", "time\u0000stamp,open\n1,2\n".getBytes(StandardCharsets.UTF_8)).statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("got 'time\\u0000stamp,open'"));
        assertEquals(List.of("FAILED"), importRows(pair, "status"));
        assertTrue(importRows(pair, "error").get(0).contains("time\\u0000stamp"), importRows(pair, "error").get(0));
    }

    /** Issue 13: 50 MB of random bytes left the import RUNNING forever. */
    @Test
    void fiftyMegabytesOfRandomBytesEndFailed() throws Exception {
        String pair = freshPair();
        byte[] noise = new byte[50 * 1024 * 1024];
        new java.util.Random(13).nextBytes(noise);
        URI uri = URI.create(importsUrl + "?exchange=" + EXCHANGE + "&pair=" + URLEncoder.encode(pair, StandardCharsets.UTF_8)
                + "&timeframe=1h");
        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<String> answer = client.send(HttpRequest.newBuilder(uri).header("Content-Type",
                    "application/octet-stream").POST(HttpRequest.BodyPublishers.ofByteArray(noise)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(400, answer.statusCode(), answer.body());
            assertTrue(answer.body().getBytes(StandardCharsets.UTF_8).length <= 2048, answer.body());
        } catch (IOException sendCutOff) {
            // the service may answer and close before the client has sent all 50 MB; the row below is what counts
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (importRows(pair, "status").isEmpty() || importRows(pair, "status").contains("RUNNING")) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the import did not finish: " + importRows(pair, "status"));
            }
            Thread.sleep(100); // polling the table; the import ends on the service's own thread
        }
        assertEquals(List.of("FAILED"), importRows(pair, "status"));
        assertTrue(importRows(pair, "error").get(0).getBytes(StandardCharsets.UTF_8).length <= 1024);
        assertEquals(0, stored(pair, "1h").size());
    }

    /**
     * Issue 13: an import cut off by a crash stayed RUNNING. One whose transaction is gone (its row inserted here with
     * no transaction holding it) is marked FAILED by the start-up sweep, with the reason; one whose transaction is alive
     * (its lock held by another connection, as a replica's running import holds it) is left RUNNING.
     */
    @Test
    void anImportCutOffByACrashIsMarkedFailedAtTheNextStart() throws Exception {
        String pair = freshPair();
        long abandoned = insertRunning(pair);
        long alive = insertRunning(pair);
        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            dev.trainer.marketdata.repository.CandleImportRepository.holdWhileRunning(other, alive);
            List<Long> failed = importer.failAbandonedImports();
            assertTrue(failed.contains(abandoned) && !failed.contains(alive), failed.toString());
            other.rollback();
        }
        given().when().get("/api/market-data/imports/" + abandoned).then().statusCode(200)
                .body("status", equalTo("FAILED")).body("error", equalTo(CandleImporter.ABANDONED))
                .body("finishedAt", org.hamcrest.Matchers.notNullValue());
        given().when().get("/api/market-data/imports/" + alive).then().statusCode(200).body("status", equalTo("RUNNING"));
        assertTrue(importer.failAbandonedImports().contains(alive), "once its transaction is gone it is abandoned too");
    }

    private long insertRunning(String pair) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("insert into imports "
                + "(exchange, pair, timeframe, status, started_at) values (?, ?, '1h', 'RUNNING', now()) returning id")) {
            ps.setString(1, EXCHANGE);
            ps.setString(2, pair);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private List<String> importRows(String pair, String column) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("select " + column
                + " from imports where exchange = ? and pair = ? order by id")) {
            ps.setString(1, EXCHANGE);
            ps.setString(2, pair);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    @Test
    void archivesThatAreNotOneCsvAreRefused() throws Exception {
        String pair = freshPair();
        post(pair, "1m", "application/zip", zip("a.csv", klinesInMicroseconds(T0, MINUTE_MS, 2), "b.csv", "x"))
                .statusCode(400).body("detail", containsString("more than one file (a.csv, b.csv)"));
        post(pair, "1m", "application/zip", zip("README.txt", "hello")).statusCode(400)
                .body("detail", containsString("README.txt, which is not a .csv file"));
        post(pair, "1m", "text/csv", new byte[0]).statusCode(400).body("detail", containsString("the file holds no candles"));
        assertEquals(0, stored(pair, "1m").size());
    }

    @Test
    void badParametersAreEachNamed() {
        given().contentType("text/csv").body("x").queryParam("pair", "btcusdt").queryParam("timeframe", "7m")
                .when().post("/api/market-data/imports")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("exchange", "pair", "timeframe"))
                .body("errors.find { it.field == 'pair' }.message", containsString("BASE/QUOTE"));
        given().contentType("text/csv").body("x").queryParam("exchange", "no spaces").queryParam("pair", "BTC/USDT")
                .queryParam("timeframe", "1m").when().post("/api/market-data/imports")
                .then().statusCode(400).body("errors.field", hasItems("exchange"));
        given().contentType("application/json").body("{}").queryParam("exchange", EXCHANGE).queryParam("pair", "BTC/USDT")
                .queryParam("timeframe", "1m").when().post("/api/market-data/imports")
                .then().statusCode(415).contentType("application/problem+json");
    }

    /**
     * The body is read while it arrives: the import shows progress (RUNNING, rows read) while the client still holds
     * back the rest of the file. A server that buffered the whole body first would show nothing until the end.
     */
    @Test
    void aLongImportIsStreamedAndShowsItsProgressWhileRunning() throws Exception {
        String pair = freshPair();
        byte[] head = klinesInMicroseconds(T0, MINUTE_MS, 3_000).getBytes(StandardCharsets.UTF_8);
        byte[] tail = klinesInMicroseconds(T0 + 3_000 * MINUTE_MS, MINUTE_MS, 2_000).getBytes(StandardCharsets.UTF_8);
        CountDownLatch releaseTail = new CountDownLatch(1);
        URI uri = URI.create(importsUrl + "?exchange=" + EXCHANGE + "&pair=" + URLEncoder.encode(pair, StandardCharsets.UTF_8)
                + "&timeframe=1m");
        HttpRequest request = HttpRequest.newBuilder(uri).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new HeldBackBody(head, tail, releaseTail))).build();
        CompletableFuture<HttpResponse<String>> response;
        try (HttpClient client = HttpClient.newHttpClient()) {
            response = client.sendAsync(request, HttpResponse.BodyHandlers.ofString());
            JsonPath running = awaitRunning(pair, 2_000, Duration.ofSeconds(60));
            assertEquals("RUNNING", running.getString("[0].status"));
            assertTrue(running.getLong("[0].rowsRead") <= 3_000, "no more than the client has sent");
            assertEquals(0, stored(pair, "1m").size(), "not committed while running");
            releaseTail.countDown();
            HttpResponse<String> done = response.get(60, TimeUnit.SECONDS);
            assertEquals(201, done.statusCode(), done.body());
            assertEquals(5_000, JsonPath.from(done.body()).getLong("rowsRead"));
        } finally {
            releaseTail.countDown();
        }
        assertEquals(5_000, stored(pair, "1m").size());
    }

    private static JsonPath awaitRunning(String pair, long rowsRead, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            JsonPath list = given().queryParam("exchange", EXCHANGE).queryParam("pair", pair).queryParam("limit", 1)
                    .when().get("/api/market-data/imports").then().statusCode(200).extract().jsonPath();
            if ("RUNNING".equals(list.getString("[0].status")) && list.getLong("[0].rowsRead") >= rowsRead) {
                return list;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no running import with " + rowsRead + " rows read in " + timeout + ": "
                        + list.prettify());
            }
            Thread.sleep(100);
        }
    }

    /** Sends {@code head}, then waits for the test to release {@code tail}. */
    private static final class HeldBackBody extends InputStream {
        private final byte[] head;
        private final byte[] tail;
        private final CountDownLatch release;
        private int position;

        HeldBackBody(byte[] head, byte[] tail, CountDownLatch release) {
            this.head = head;
            this.tail = tail;
            this.release = release;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (position == head.length) {
                try {
                    if (!release.await(90, TimeUnit.SECONDS)) {
                        throw new IOException("the test never released the rest of the body");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException(e);
                }
            }
            int total = head.length + tail.length;
            if (position == total) {
                return -1;
            }
            int n = Math.min(len, position < head.length ? head.length - position : total - position);
            if (position < head.length) {
                System.arraycopy(head, position, b, off, n);
            } else {
                System.arraycopy(tail, position - head.length, b, off, n);
            }
            position += n;
            return n;
        }
    }
}
