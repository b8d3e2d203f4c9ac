package dev.trainer.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportCommandTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private HttpServer server;

    private int run(String... args) {
        return new ImportCommand(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(List.of(args));
    }

    /** A stand-in for market-data-service on a free loopback port, answering every request with one response. */
    private String serve(int status, String contentType, String body, AtomicReference<Request> seen) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            seen.set(new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    URLDecoder.decode(exchange.getRequestURI().getRawQuery(), StandardCharsets.UTF_8),
                    exchange.getRequestHeaders().getFirst("Content-Type"), exchange.getRequestBody().readAllBytes()));
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", contentType);
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private record Request(String method, String path, String query, String contentType, byte[] body) {
    }

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.stop(0);
        }
    }

    private Path file(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    @Test
    void theFileIsPostedAsItIsWithTheSeriesInTheQueryAndTheCountsPrinted() throws Exception {
        Path file = file("BTCUSDT-1m-2024-01.csv", "1704067200000,1,2,0.5,1.5,10,1704067259999,15,3,5,7,0\n");
        AtomicReference<Request> seen = new AtomicReference<>();
        String url = serve(201, "application/json", "{\"id\":7,\"exchange\":\"binance\",\"pair\":\"BTC/USDT\",\"timeframe\":\"1m\","
                + "\"fileFormat\":\"csv/binance-klines\",\"status\":\"COMPLETED\",\"rowsRead\":1,\"newCandles\":1,"
                + "\"alreadyStoredCandles\":0,\"firstOpenTimeMs\":1704067200000,\"lastOpenTimeMs\":1704067200000,\"elapsedMs\":1500}",
                seen);

        assertEquals(ImportCommand.OK, run("--file", file.toString(), "--exchange", "binance", "--pair", "BTC/USDT",
                "--timeframe", "1m", "--url", url + "/"), err.toString());

        Request request = seen.get();
        assertEquals("POST", request.method());
        assertEquals("/api/market-data/imports", request.path());
        assertEquals("exchange=binance&pair=BTC/USDT&timeframe=1m", request.query());
        assertEquals("application/octet-stream", request.contentType());
        assertArrayEquals(Files.readAllBytes(file), request.body());
        String printed = out.toString();
        assertTrue(printed.contains("as binance BTC/USDT 1m (csv/binance-klines): 1 rows read, 1 new candles, 0 already stored"),
                printed);
        assertTrue(printed.contains("2024-01-01T00:00:00Z .. 2024-01-01T00:00:00Z; 1.5 s (import 7)"), printed);
    }

    @Test
    void aRefusedFileEndsWithTheProblemsDetailAndFields() throws Exception {
        Path file = file("bad.csv", "x\n");
        String url = serve(400, "application/problem+json", "{\"title\":\"Bad Request\",\"status\":400,"
                + "\"detail\":\"1 field(s) are invalid\",\"errors\":[{\"field\":\"pair\",\"message\":\"must be BASE/QUOTE\"}]}",
                new AtomicReference<>());
        assertEquals(ImportCommand.FAILED, run("--file", file.toString(), "--exchange", "e", "--pair", "btc", "--timeframe",
                "1m", "--url", url));
        assertTrue(err.toString().contains("import: 1 field(s) are invalid"), err.toString());
        assertTrue(err.toString().contains("  pair: must be BASE/QUOTE"), err.toString());
        assertEquals("", out.toString());
    }

    @Test
    void argumentsAreCheckedBeforeAnythingIsSent() throws Exception {
        assertEquals(ImportCommand.USAGE, run("--exchange", "binance", "--pair", "BTC/USDT"));
        assertTrue(err.toString().contains("--file, --timeframe are required"), err.toString());
        assertEquals(ImportCommand.USAGE, run("--file", "f.csv", "--exchange", "e", "--pair", "A/B", "--timeframe", "1m",
                "--color", "red"));
        assertTrue(err.toString().contains("unknown option --color"), err.toString());
        assertEquals(ImportCommand.USAGE, run("--file", "f.csv", "--exchange", "e", "--pair", "A/B", "--timeframe", "1m",
                "--url", "127.0.0.1:8081"));
        assertTrue(err.toString().contains("--url takes the service's address"), err.toString());
        assertEquals(ImportCommand.USAGE, run("--file"));
        assertTrue(err.toString().contains("--file needs a value"), err.toString());
        assertEquals(ImportCommand.FAILED, run("--file", dir.resolve("missing.csv").toString(), "--exchange", "e", "--pair",
                "A/B", "--timeframe", "1m"));
        assertTrue(err.toString().contains("no readable file"), err.toString());
    }

    @Test
    void aServiceThatIsNotThereIsSaidSo() throws Exception {
        Path file = file("a.csv", "x\n");
        String url = serve(200, "text/plain", "", new AtomicReference<>());
        server.stop(0);
        server = null;
        assertEquals(ImportCommand.FAILED, run("--file", file.toString(), "--exchange", "e", "--pair", "A/B", "--timeframe", "1m",
                "--url", url));
        assertTrue(err.toString().contains("nothing answers at " + url), err.toString());
    }
}
