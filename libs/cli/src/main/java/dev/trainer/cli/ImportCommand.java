package dev.trainer.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trainer.contracts.serde.EventJson;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code bin/trainer import --file FILE --exchange E --pair P --timeframe TF [--url URL]}: sends a candle file (a
 * Binance kline dump, as CSV or the ZIP it comes in, or a research CSV) to a running market-data-service's
 * {@code POST /api/market-data/imports}, streamed from disk, and prints what was stored, or why nothing was. The
 * service checks the parameters and the file; this only checks what only it can: that the file is there.
 */
public final class ImportCommand {

    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;
    static final String DEFAULT_URL = "http://127.0.0.1:8081";
    private static final String USAGE_LINE = "usage: bin/trainer import --file FILE --exchange E --pair BASE/QUOTE "
            + "--timeframe TF [--url " + DEFAULT_URL + "]";

    private final PrintStream out;
    private final PrintStream err;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public ImportCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public int run(List<String> args) {
        Options o;
        try {
            o = Options.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("import: " + e.getMessage());
            err.println(USAGE_LINE);
            return USAGE;
        }
        if (!Files.isRegularFile(o.file) || !Files.isReadable(o.file)) {
            err.println("import: no readable file " + o.file);
            return FAILED;
        }
        try {
            // no timeout on the answer: it comes when the whole file is stored, a minute or more for large files
            HttpRequest request = HttpRequest.newBuilder(o.importUri())
                    .header("Content-Type", "application/octet-stream")
                    .header("Accept", "application/json, application/problem+json")
                    .POST(HttpRequest.BodyPublishers.ofFile(o.file))
                    .build();
            HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return report(o, response.statusCode(), response.body());
        } catch (ConnectException e) {
            err.println("import: nothing answers at " + o.url + " (is market-data-service running? bin/trainer up)");
            return FAILED;
        } catch (FileNotFoundException e) {
            err.println("import: no readable file " + o.file);
            return FAILED;
        } catch (IOException e) {
            err.println("import: the import did not finish: " + e);
            return FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("import: interrupted; the service rolls back an import whose file does not arrive whole");
            return FAILED;
        }
    }

    private int report(Options o, int status, byte[] body) {
        JsonNode json;
        try {
            json = EventJson.mapper().readTree(body);
        } catch (IOException notJson) {
            json = null;
        }
        if (status == 201 && json != null) {
            out.printf(Locale.ROOT, "imported %s as %s %s %s (%s): %,d rows read, %,d new candles, %,d already stored%n",
                    o.file, json.path("exchange").asText(), json.path("pair").asText(), json.path("timeframe").asText(),
                    json.path("fileFormat").asText(), json.path("rowsRead").asLong(), json.path("newCandles").asLong(),
                    json.path("alreadyStoredCandles").asLong());
            out.printf(Locale.ROOT, "open times %s .. %s; %.1f s (import %d)%n",
                    Instant.ofEpochMilli(json.path("firstOpenTimeMs").asLong()),
                    Instant.ofEpochMilli(json.path("lastOpenTimeMs").asLong()), json.path("elapsedMs").asLong() / 1000.0,
                    json.path("id").asLong());
            return OK;
        }
        if (json != null && json.hasNonNull("detail")) {
            err.println("import: " + json.path("detail").asText());
            for (JsonNode e : json.path("errors")) {
                err.println("  " + e.path("field").asText() + ": " + e.path("message").asText());
            }
        } else {
            err.println("import: the service answered " + status + ": " + new String(body, StandardCharsets.UTF_8));
        }
        return FAILED;
    }

    record Options(Path file, String exchange, String pair, String timeframe, String url) {

        static Options parse(List<String> args) {
            Path file = null;
            String exchange = null;
            String pair = null;
            String timeframe = null;
            String url = DEFAULT_URL;
            for (int i = 0; i < args.size(); i++) {
                String arg = args.get(i);
                switch (arg) {
                    case "--file" -> file = Path.of(CommandOptions.value(args, ++i, arg));
                    case "--exchange" -> exchange = CommandOptions.value(args, ++i, arg);
                    case "--pair" -> pair = CommandOptions.value(args, ++i, arg);
                    case "--timeframe" -> timeframe = CommandOptions.value(args, ++i, arg);
                    case "--url" -> url = baseUrl(CommandOptions.value(args, ++i, arg));
                    default -> throw new IllegalArgumentException("unknown option " + arg);
                }
            }
            List<String> missing = new ArrayList<>();
            if (file == null) {
                missing.add("--file");
            }
            if (exchange == null) {
                missing.add("--exchange");
            }
            if (pair == null) {
                missing.add("--pair");
            }
            if (timeframe == null) {
                missing.add("--timeframe");
            }
            if (!missing.isEmpty()) {
                throw new IllegalArgumentException(String.join(", ", missing) + (missing.size() == 1 ? " is" : " are")
                        + " required");
            }
            return new Options(file, exchange, pair, timeframe, url);
        }

        URI importUri() {
            return URI.create(url + "/api/market-data/imports?exchange=" + encode(exchange) + "&pair=" + encode(pair)
                    + "&timeframe=" + encode(timeframe));
        }

        private static String baseUrl(String text) {
            URI uri = null;
            try {
                uri = URI.create(text);
            } catch (IllegalArgumentException notAUri) {
                // reported below like any other address that is not http(s)://host
            }
            if (uri == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new IllegalArgumentException("--url takes the service's address, e.g. " + DEFAULT_URL + "; got '"
                        + text + "'");
            }
            return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
        }

        private static String encode(String value) {
            return URLEncoder.encode(value, StandardCharsets.UTF_8);
        }
    }
}
