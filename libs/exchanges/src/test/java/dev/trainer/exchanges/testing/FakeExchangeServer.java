package dev.trainer.exchanges.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.trainer.domain.market.Candle;
import dev.trainer.domain.market.Timeframe;
import dev.trainer.exchanges.MarketPair;
import dev.trainer.exchanges.SupportedExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local stand-in for the five exchanges, on 127.0.0.1 and a free port, each below its own path
 * ({@code http://127.0.0.1:PORT/binance}, ...), answering the candle endpoints in each exchange's documented format
 * and honouring the parameters the clients send (symbol, interval, start, end, since, limit), so pagination against it
 * is real. It refuses what the exchange refuses (an unknown symbol or interval, a limit above the maximum, a Coinbase
 * window of more than 300 candles) with the exchange's error format. Tests queue answers ({@link FakeResponse}) that
 * replace the next normal ones, cap pages to make them short, and read the requests received.
 */
public final class FakeExchangeServer implements AutoCloseable {

    private static final Pattern COINBASE_CANDLES = Pattern.compile("/products/([A-Za-z0-9]+)-([A-Za-z0-9]+)/candles");
    private static final Pattern BITSTAMP_OHLC = Pattern.compile("/api/v2/ohlc/([a-z0-9]+)/?");
    private static final Set<Long> COINBASE_GRANULARITIES = Set.of(60L, 300L, 900L, 3600L, 21600L, 86400L);
    private static final Set<Long> BITSTAMP_STEPS = Set.of(60L, 180L, 300L, 900L, 1800L, 3600L, 7200L, 14400L, 21600L, 43200L,
            86400L, 259200L);

    private final FakeMarket market;
    private final HttpServer server;
    private final Map<SupportedExchange, Deque<FakeResponse>> queued = new EnumMap<>(SupportedExchange.class);
    private final Map<SupportedExchange, Integer> pageCaps = new EnumMap<>(SupportedExchange.class);
    private final Map<SupportedExchange, List<RecordedRequest>> received = new EnumMap<>(SupportedExchange.class);

    private FakeExchangeServer(FakeMarket market) throws IOException {
        this.market = market;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
    }

    public static FakeExchangeServer start(FakeMarket market) {
        try {
            FakeExchangeServer fake = new FakeExchangeServer(market);
            fake.server.start();
            return fake;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the fake exchange server", e);
        }
    }

    public FakeMarket market() {
        return market;
    }

    public String baseUrl(SupportedExchange exchange) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + exchange.label();
    }

    /** The next request to {@code exchange} gets {@code response} instead of candles; several queue up in order. */
    public synchronized void enqueue(SupportedExchange exchange, FakeResponse response) {
        queued.computeIfAbsent(exchange, e -> new ArrayDeque<>()).add(response);
    }

    /** Pages of {@code exchange} hold at most {@code candles}, whatever was asked for. */
    public synchronized void capPageSize(SupportedExchange exchange, int candles) {
        pageCaps.put(exchange, candles);
    }

    public synchronized List<RecordedRequest> requests(SupportedExchange exchange) {
        return List.copyOf(received.getOrDefault(exchange, List.of()));
    }

    /** Forgets the requests received, the queued answers and the page caps. */
    public synchronized void reset() {
        queued.clear();
        pageCaps.clear();
        received.clear();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange http) throws IOException {
        try (http) {
            String path = http.getRequestURI().getPath();
            int slash = path.indexOf('/', 1);
            SupportedExchange exchange;
            try {
                exchange = SupportedExchange.parse(path.substring(1, slash < 0 ? path.length() : slash));
            } catch (IllegalArgumentException e) {
                send(http, new FakeResponse(404, Map.of(), "{\"message\":\"no such exchange\"}"));
                return;
            }
            String rest = slash < 0 ? "/" : path.substring(slash);
            Map<String, String> query = query(http.getRequestURI().getRawQuery());
            FakeResponse response;
            synchronized (this) {
                received.computeIfAbsent(exchange, e -> new ArrayList<>()).add(new RecordedRequest(rest, query));
                Deque<FakeResponse> queue = queued.get(exchange);
                response = queue == null ? null : queue.poll();
            }
            if (response == null || response.isNormal()) {
                response = answer(exchange, rest, query);
            }
            send(http, response);
        } catch (RuntimeException e) {
            send(http, new FakeResponse(500, Map.of(), "{\"message\":\"fake exchange failed: " + e + "\"}"));
        }
    }

    private FakeResponse answer(SupportedExchange exchange, String path, Map<String, String> query) {
        return switch (exchange) {
            case BINANCE, BINANCE_US -> binance(exchange, path, query);
            case KRAKEN -> kraken(path, query);
            case COINBASE -> coinbase(path, query);
            case BITSTAMP -> bitstamp(path, query);
        };
    }

    // GET /api/v3/klines?symbol=BTCUSDT&interval=1m&startTime=MS&endTime=MS&limit=N, startTime and endTime inclusive
    private FakeResponse binance(SupportedExchange exchange, String path, Map<String, String> q) {
        if (!path.equals("/api/v3/klines")) {
            return json(404, "{\"code\":-1000,\"msg\":\"Unknown path " + path + "\"}");
        }
        MarketPair pair = market.pair();
        if (!(pair.base() + pair.quote()).equals(q.get("symbol"))) {
            return json(400, "{\"code\":-1121,\"msg\":\"Invalid symbol.\"}");
        }
        Timeframe timeframe = timeframeByLabel(q.get("interval"));
        if (timeframe == null) {
            return json(400, "{\"code\":-1120,\"msg\":\"Invalid interval.\"}");
        }
        int limit = q.containsKey("limit") ? Integer.parseInt(q.get("limit")) : 500;
        if (limit < 1 || limit > 1000) {
            return json(400, "{\"code\":-1130,\"msg\":\"Invalid data sent for a parameter.\"}");
        }
        long start = q.containsKey("startTime") ? Long.parseLong(q.get("startTime")) : 0;
        long end = q.containsKey("endTime") ? Long.parseLong(q.get("endTime")) : Long.MAX_VALUE - 1;
        List<Candle> candles = first(exchange, market.candles(timeframe, start, end + 1), limit);
        StringBuilder body = new StringBuilder("[");
        for (Candle c : candles) {
            if (body.length() > 1) {
                body.append(',');
            }
            body.append('[').append(c.openTimeMs()).append(",\"").append(fixed8(c.open())).append("\",\"").append(fixed8(c.high()))
                    .append("\",\"").append(fixed8(c.low())).append("\",\"").append(fixed8(c.close())).append("\",\"")
                    .append(fixed8(c.volume())).append("\",").append(c.openTimeMs() + timeframe.durationMs() - 1).append(",\"")
                    .append(fixed8(c.volume() * c.close())).append("\",").append(42).append(",\"").append(fixed8(c.volume() / 2))
                    .append("\",\"").append(fixed8(c.volume() * c.close() / 2)).append("\",\"0\"]");
        }
        return json(200, body.append(']').toString());
    }

    // GET /0/public/OHLC?pair=XBTUSD&interval=MINUTES&since=SECONDS: up to 720 candles after since (exclusive)
    private FakeResponse kraken(String path, Map<String, String> q) {
        if (!path.equals("/0/public/OHLC")) {
            return json(404, "{\"error\":[\"EGeneral:Unknown method\"]}");
        }
        MarketPair pair = market.pair();
        String altName = krakenCode(pair.base()) + krakenCode(pair.quote());
        String resultKey = krakenResultKey(pair);
        if (!altName.equals(q.get("pair")) && !resultKey.equals(q.get("pair"))) {
            return json(200, "{\"error\":[\"EQuery:Unknown asset pair\"]}");
        }
        Timeframe timeframe = timeframeByDuration(60_000L * Long.parseLong(q.getOrDefault("interval", "1")));
        if (timeframe == null) {
            return json(200, "{\"error\":[\"EGeneral:Invalid arguments\"]}");
        }
        long since = q.containsKey("since") ? Long.parseLong(q.get("since")) : 0;
        List<Candle> candles = first(SupportedExchange.KRAKEN, market.candles(timeframe, since * 1000 + 1, Long.MAX_VALUE), 720);
        StringBuilder rows = new StringBuilder();
        for (Candle c : candles) {
            if (!rows.isEmpty()) {
                rows.append(',');
            }
            rows.append('[').append(c.openTimeMs() / 1000).append(",\"").append(plain(c.open())).append("\",\"").append(plain(c.high()))
                    .append("\",\"").append(plain(c.low())).append("\",\"").append(plain(c.close())).append("\",\"")
                    .append(plain((c.open() + c.close()) / 2)).append("\",\"").append(plain(c.volume())).append("\",").append(17)
                    .append(']');
        }
        long last = candles.isEmpty() ? since : candles.get(candles.size() - 1).openTimeMs() / 1000;
        return json(200, "{\"error\":[],\"result\":{\"" + resultKey + "\":[" + rows + "],\"last\":" + last + "}}");
    }

    // GET /products/BTC-USD/candles?start=ISO&end=ISO&granularity=SECONDS: [[time, low, high, open, close, volume], ...]
    // newest first, both ends inclusive, at most 300 buckets
    private FakeResponse coinbase(String path, Map<String, String> q) {
        Matcher m = COINBASE_CANDLES.matcher(path);
        MarketPair pair = market.pair();
        if (!m.matches() || !m.group(1).equals(pair.base()) || !m.group(2).equals(pair.quote())) {
            return json(404, "{\"message\":\"NotFound\"}");
        }
        long granularity = Long.parseLong(q.getOrDefault("granularity", "60"));
        Timeframe timeframe = timeframeByDuration(granularity * 1000);
        if (!COINBASE_GRANULARITIES.contains(granularity) || timeframe == null) {
            return json(400, "{\"message\":\"Unsupported granularity\"}");
        }
        long start = coinbaseTime(q.get("start"));
        long end = coinbaseTime(q.get("end"));
        if ((end - start) / (granularity * 1000) + 1 > 300) {
            return json(400, "{\"message\":\"granularity too small for the requested time range. Count of aggregations requested exceeds 300\"}");
        }
        List<Candle> candles = new ArrayList<>(first(SupportedExchange.COINBASE, market.candles(timeframe, start, end + 1), 300));
        StringBuilder body = new StringBuilder("[");
        for (int i = candles.size() - 1; i >= 0; i--) {
            Candle c = candles.get(i);
            if (body.length() > 1) {
                body.append(',');
            }
            body.append('[').append(c.openTimeMs() / 1000).append(',').append(plain(c.low())).append(',').append(plain(c.high()))
                    .append(',').append(plain(c.open())).append(',').append(plain(c.close())).append(',').append(plain(c.volume()))
                    .append(']');
        }
        return json(200, body.append(']').toString());
    }

    // GET /api/v2/ohlc/btcusd/?step=SECONDS&limit=N&start=SECONDS[&end=SECONDS]; with end, the last candles up to it
    private FakeResponse bitstamp(String path, Map<String, String> q) {
        Matcher m = BITSTAMP_OHLC.matcher(path);
        MarketPair pair = market.pair();
        if (!m.matches() || !m.group(1).equals((pair.base() + pair.quote()).toLowerCase(Locale.ROOT))) {
            return json(404, "{\"status\":\"error\",\"reason\":\"Invalid currency pair\",\"code\":\"API0003\"}");
        }
        long step = Long.parseLong(q.getOrDefault("step", "0"));
        int limit = Integer.parseInt(q.getOrDefault("limit", "0"));
        Timeframe timeframe = timeframeByDuration(step * 1000);
        if (!BITSTAMP_STEPS.contains(step) || timeframe == null || limit < 1 || limit > 1000) {
            return json(400, "{\"status\":\"error\",\"reason\":{\"__all__\":[\"Invalid step or limit\"]},\"code\":\"API0005\"}");
        }
        List<Candle> candles;
        if (q.containsKey("end")) {
            List<Candle> upToEnd = market.candles(timeframe, 0, Long.parseLong(q.get("end")) * 1000 + 1);
            candles = upToEnd.subList(Math.max(0, upToEnd.size() - limit), upToEnd.size());
        } else {
            candles = first(SupportedExchange.BITSTAMP, market.candles(timeframe, Long.parseLong(q.getOrDefault("start", "0")) * 1000,
                    Long.MAX_VALUE), limit);
        }
        StringBuilder rows = new StringBuilder();
        for (Candle c : candles) {
            if (!rows.isEmpty()) {
                rows.append(',');
            }
            rows.append("{\"high\":\"").append(plain(c.high())).append("\",\"timestamp\":\"").append(c.openTimeMs() / 1000)
                    .append("\",\"volume\":\"").append(plain(c.volume())).append("\",\"low\":\"").append(plain(c.low()))
                    .append("\",\"close\":\"").append(plain(c.close())).append("\",\"open\":\"").append(plain(c.open())).append("\"}");
        }
        return json(200, "{\"data\":{\"pair\":\"" + pair + "\",\"ohlc\":[" + rows + "]}}");
    }

    private synchronized List<Candle> first(SupportedExchange exchange, List<Candle> candles, int limit) {
        int n = Math.min(limit, pageCaps.getOrDefault(exchange, Integer.MAX_VALUE));
        return candles.subList(0, Math.min(n, candles.size()));
    }

    static String krakenCode(String code) {
        return switch (code) {
            case "BTC" -> "XBT";
            case "DOGE" -> "XDG";
            default -> code;
        };
    }

    /** Kraken names its result after the pair's canonical name: XXBTZUSD for BTC/USD. */
    static String krakenResultKey(MarketPair pair) {
        Set<String> fiat = Set.of("USD", "EUR", "GBP", "JPY", "CAD");
        return fiat.contains(pair.quote()) && pair.base().equals("BTC") ? "XXBTZ" + pair.quote()
                : krakenCode(pair.base()) + krakenCode(pair.quote());
    }

    private static long coinbaseTime(String value) {
        if (value == null) {
            throw new IllegalArgumentException("start and end are required");
        }
        return value.matches("\\d+") ? Long.parseLong(value) * 1000 : Instant.parse(value).toEpochMilli();
    }

    private static Timeframe timeframeByLabel(String label) {
        for (Timeframe tf : Timeframe.values()) {
            if (tf.label().equals(label)) {
                return tf;
            }
        }
        return null;
    }

    private static Timeframe timeframeByDuration(long durationMs) {
        for (Timeframe tf : Timeframe.values()) {
            if (tf.durationMs() == durationMs) {
                return tf;
            }
        }
        return null;
    }

    private static String fixed8(double value) {
        return BigDecimal.valueOf(value).setScale(8, java.math.RoundingMode.HALF_EVEN).toPlainString();
    }

    private static String plain(double value) {
        return BigDecimal.valueOf(value).toPlainString();
    }

    private static FakeResponse json(int status, String body) {
        return new FakeResponse(status, Map.of(), body);
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> params = new LinkedHashMap<>();
        if (raw != null && !raw.isEmpty()) {
            for (String part : raw.split("&")) {
                int eq = part.indexOf('=');
                String name = URLDecoder.decode(eq < 0 ? part : part.substring(0, eq), StandardCharsets.UTF_8);
                params.put(name, eq < 0 ? "" : URLDecoder.decode(part.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return params;
    }

    private static void send(HttpExchange http, FakeResponse response) throws IOException {
        byte[] body = response.body().getBytes(StandardCharsets.UTF_8);
        http.getResponseHeaders().set("Content-Type", "application/json");
        response.headers().forEach((name, value) -> http.getResponseHeaders().set(name, value));
        http.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
        try (OutputStream out = http.getResponseBody()) {
            out.write(body);
        }
    }
}
