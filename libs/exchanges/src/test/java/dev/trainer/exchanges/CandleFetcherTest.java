package dev.trainer.exchanges;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trainer.domain.market.Candle;
import dev.trainer.domain.market.Timeframe;
import dev.trainer.exchanges.ExchangeFetchException.Reason;
import dev.trainer.exchanges.testing.FakeExchangeServer;
import dev.trainer.exchanges.testing.FakeMarket;
import dev.trainer.exchanges.testing.FakeResponse;
import dev.trainer.exchanges.testing.FakeTime;
import dev.trainer.exchanges.testing.RecordedRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every exchange through its real XChange client against the fake exchange, which answers in the exchange's format. */
class CandleFetcherTest {

    private static final Instant MARKET_FIRST = Instant.parse("2024-01-01T00:00:00Z");
    private static final Instant MARKET_END = Instant.parse("2024-01-10T00:00:00Z");
    private static final Instant FROM = Instant.parse("2024-01-02T00:00:00Z");
    private static final Instant UNTIL_2500 = FROM.plus(Duration.ofMinutes(2500));
    private static final MarketPair PAIR = MarketPair.parse("BTC/USD");
    private static final RetryPolicy RETRY = new RetryPolicy(4, 1_000, 60);

    private static FakeExchangeServer server;
    private FakeTime time;

    @BeforeAll
    static void startServer() {
        server = FakeExchangeServer.start(FakeMarket.of("BTC/USD", MARKET_FIRST, MARKET_END));
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @BeforeEach
    void fresh() {
        server.reset();
        time = new FakeTime(Instant.parse("2025-01-01T00:00:00Z"));
    }

    private CandleFetcher fetcher(SupportedExchange exchange, double requestsPerSecond) {
        return new CandleFetcher(CandleClients.create(exchange, server.baseUrl(exchange)), new RequestPacer(requestsPerSecond, time, time),
                RETRY, time);
    }

    private CandleFetcher fetcher(SupportedExchange exchange) {
        return fetcher(exchange, 1000);
    }

    private static List<Candle> expected(Timeframe timeframe, Instant from, Instant until) {
        return server.market().candles(timeframe, from, until);
    }

    private static int maxPage(SupportedExchange exchange) {
        return switch (exchange) {
            case BINANCE, BINANCE_US, BITSTAMP -> 1000;
            case KRAKEN -> 720;
            case COINBASE -> 300;
        };
    }

    /** The first open time a request asked for, read from the exchange's own parameter. */
    private static long askedFromMs(SupportedExchange exchange, RecordedRequest request) {
        return switch (exchange) {
            case BINANCE, BINANCE_US -> request.longParam("startTime");
            case KRAKEN -> (request.longParam("since") + 1) * 1000;
            case COINBASE -> Instant.parse(request.param("start")).toEpochMilli();
            case BITSTAMP -> request.longParam("start") * 1000;
        };
    }

    @ParameterizedTest
    @EnumSource(SupportedExchange.class)
    void pagesFollowEachOtherAcrossPageBoundariesWithExactCounts(SupportedExchange exchange) {
        List<long[]> progress = new ArrayList<>();
        FetchResult result = fetcher(exchange).fetch(PAIR, Timeframe.M1, FROM, UNTIL_2500,
                (candles, position) -> progress.add(new long[] {candles, position}));

        assertEquals(expected(Timeframe.M1, FROM, UNTIL_2500), result.candles(), "every candle once, in order, with its values");
        assertEquals(2500, result.candles().size());
        assertEquals(FROM.toEpochMilli(), result.candles().get(0).openTimeMs());
        assertEquals(UNTIL_2500.toEpochMilli() - 60_000, result.candles().get(2499).openTimeMs());
        assertEquals(FROM.toEpochMilli(), result.fromMs());
        assertEquals(UNTIL_2500.toEpochMilli(), result.untilMs());

        int pages = (2500 + maxPage(exchange) - 1) / maxPage(exchange);
        List<RecordedRequest> requests = server.requests(exchange);
        assertEquals(pages, requests.size(), "one request per page of " + maxPage(exchange));
        assertEquals(pages, result.requests());
        for (int i = 0; i < pages; i++) {
            assertEquals(FROM.toEpochMilli() + (long) i * maxPage(exchange) * 60_000, askedFromMs(exchange, requests.get(i)),
                    "page " + i + " starts right after the previous page's last candle");
        }
        assertEquals(2500, progress.get(progress.size() - 1)[0]);
        assertEquals(UNTIL_2500.toEpochMilli(), progress.get(progress.size() - 1)[1]);
    }

    @ParameterizedTest
    @EnumSource(SupportedExchange.class)
    void shortPagesAreFollowedFromTheLastCandleReceived(SupportedExchange exchange) {
        server.capPageSize(exchange, 170);
        FetchResult result = fetcher(exchange).fetch(PAIR, Timeframe.M1, FROM, UNTIL_2500, FetchProgress.NONE);

        assertEquals(expected(Timeframe.M1, FROM, UNTIL_2500), result.candles());
        assertEquals(15, server.requests(exchange).size(), "2,500 candles in pages of 170");
        for (int i = 0; i < 15; i++) {
            assertEquals(FROM.toEpochMilli() + i * 170L * 60_000, askedFromMs(exchange, server.requests(exchange).get(i)));
        }
    }

    @ParameterizedTest
    @EnumSource(SupportedExchange.class)
    void aTooManyRequestsAnswerIsWaitedOutAndTheFetchCompletes(SupportedExchange exchange) {
        server.enqueue(exchange, FakeResponse.normal());
        server.enqueue(exchange, FakeResponse.tooManyRequests(exchange, 7));
        FetchResult result = fetcher(exchange).fetch(PAIR, Timeframe.M1, FROM, UNTIL_2500, FetchProgress.NONE);

        assertEquals(expected(Timeframe.M1, FROM, UNTIL_2500), result.candles());
        int pages = (2500 + maxPage(exchange) - 1) / maxPage(exchange);
        assertEquals(pages + 1, server.requests(exchange).size(), "the refused page is asked for again");
        assertEquals(askedFromMs(exchange, server.requests(exchange).get(1)), askedFromMs(exchange, server.requests(exchange).get(2)));
        long longestWait = time.sleepsMs().stream().mapToLong(Long::longValue).max().orElse(0);
        if (exchange == SupportedExchange.COINBASE) {
            // XChange's CoinbaseProException keeps no response headers, so Coinbase gets the policy's first backoff
            assertEquals(RETRY.firstBackoffMs(), longestWait);
        } else {
            assertEquals(7_000, longestWait, "Retry-After: 7 is honoured");
        }
    }

    @ParameterizedTest
    @EnumSource(SupportedExchange.class)
    void malformedJsonEndsTheFetchWithAClearErrorAndReturnsNothing(SupportedExchange exchange) {
        String truncated = switch (exchange) {
            case BINANCE, BINANCE_US -> "[[1704153600000,\"30000.5\",\"30001.75\"";
            case KRAKEN -> "{\"error\":[],\"result\":{\"XXBTZUSD\":[[1704153600,\"30000.5\"";
            case COINBASE -> "[[1704153600,30000.25,30001.75";
            case BITSTAMP -> "{\"data\":{\"pair\":\"BTC/USD\",\"ohlc\":[{\"high\":\"1";
        };
        server.enqueue(exchange, FakeResponse.normal());
        server.enqueue(exchange, FakeResponse.ok(truncated));

        ExchangeFetchException e = assertThrows(ExchangeFetchException.class,
                () -> fetcher(exchange).fetch(PAIR, Timeframe.M1, FROM, UNTIL_2500, FetchProgress.NONE));
        assertEquals(Reason.MALFORMED_RESPONSE, e.reason(), e.getMessage());
        String start = exchange.label() + " BTC/USD 1m [" + FROM + ", " + UNTIL_2500 + "): malformed response";
        assertTrue(e.getMessage().startsWith(start), e.getMessage());
        assertEquals(2, server.requests(exchange).size(), "a malformed answer is not asked for again");
    }

    @ParameterizedTest
    @EnumSource(SupportedExchange.class)
    void wellFormedJsonThatHoldsNoNumbersIsMalformedToo(SupportedExchange exchange) {
        String notCandles = switch (exchange) {
            case BINANCE, BINANCE_US -> "[[1704153600000,\"thirty\",\"1\",\"0.5\",\"1\",\"3\",1704153659999,\"0\",1,\"0\",\"0\",\"0\"]]";
            case KRAKEN -> "{\"error\":[],\"result\":{\"XXBTZUSD\":[[1704153600,\"thirty\",\"1\",\"1\",\"1\",\"1\",\"1\",1]],\"last\":1704153600}}";
            case COINBASE -> "[[1704153600,\"low\",1,1,1,1]]";
            case BITSTAMP -> "{\"data\":{\"pair\":\"BTC/USD\",\"ohlc\":[{\"timestamp\":\"1704153600\",\"open\":\"thirty\",\"high\":\"1\",\"low\":\"1\",\"close\":\"1\",\"volume\":\"1\"}]}}";
        };
        server.enqueue(exchange, FakeResponse.ok(notCandles));

        ExchangeFetchException e = assertThrows(ExchangeFetchException.class,
                () -> fetcher(exchange).fetch(PAIR, Timeframe.M1, FROM, UNTIL_2500, FetchProgress.NONE));
        assertEquals(Reason.MALFORMED_RESPONSE, e.reason(), e.getMessage());
        assertEquals(1, server.requests(exchange).size());
    }

    @ParameterizedTest
    @EnumSource(SupportedExchange.class)
    void anEmptyRangeGivesNoCandlesAfterOneRequest(SupportedExchange exchange) {
        Instant from = Instant.parse("2023-12-01T00:00:00Z");
        Instant until = from.plus(Duration.ofMinutes(200));
        FetchResult result = fetcher(exchange).fetch(PAIR, Timeframe.M1, from, until, FetchProgress.NONE);

        assertEquals(List.of(), result.candles());
        assertEquals(1, server.requests(exchange).size());
        assertEquals(from.toEpochMilli(), result.fromMs());
        assertEquals(until.toEpochMilli(), result.untilMs(), "the exchange was asked about all of it");
    }

    @ParameterizedTest
    @EnumSource(SupportedExchange.class)
    void anUnknownPairIsRefusedWithTheExchangesOwnWords(SupportedExchange exchange) {
        ExchangeFetchException e = assertThrows(ExchangeFetchException.class, () -> fetcher(exchange)
                .fetch(MarketPair.parse("DOGE/JPY"), Timeframe.H1, FROM, UNTIL_2500, FetchProgress.NONE));
        assertEquals(Reason.REFUSED, e.reason(), e.getMessage());
        String words = switch (exchange) {
            case BINANCE, BINANCE_US -> "Invalid symbol";
            case KRAKEN -> "Unknown asset pair";
            case COINBASE -> "NotFound";
            case BITSTAMP -> "Invalid currency pair";
        };
        assertTrue(e.getMessage().contains(words) && e.getMessage().contains("DOGE/JPY 1h"), e.getMessage());
        assertEquals(1, server.requests(exchange).size(), "a refusal is not retried");
    }

    @ParameterizedTest
    @EnumSource(SupportedExchange.class)
    void eachExchangeIsAskedInItsOwnTermsForAnHour(SupportedExchange exchange) {
        Instant until = FROM.plus(Duration.ofHours(30));
        FetchResult result = fetcher(exchange).fetch(PAIR, Timeframe.H1, FROM, until, FetchProgress.NONE);
        assertEquals(expected(Timeframe.H1, FROM, until), result.candles());
        RecordedRequest request = server.requests(exchange).get(0);
        Map<String, String> expectedParams = switch (exchange) {
            case BINANCE, BINANCE_US -> Map.of("symbol", "BTCUSD", "interval", "1h", "limit", "1000",
                    "startTime", Long.toString(FROM.toEpochMilli()), "endTime", Long.toString(until.toEpochMilli() - 1));
            case KRAKEN -> Map.of("pair", "XBTUSD", "interval", "60", "since", Long.toString(FROM.getEpochSecond() - 1));
            case COINBASE -> Map.of("granularity", "3600", "start", FROM.toString(), "end", until.minusSeconds(1).toString());
            case BITSTAMP -> Map.of("step", "3600", "limit", "1000", "start", Long.toString(FROM.getEpochSecond()));
        };
        assertEquals(expectedParams, request.query());
        String path = switch (exchange) {
            case BINANCE, BINANCE_US -> "/api/v3/klines";
            case KRAKEN -> "/0/public/OHLC";
            case COINBASE -> "/products/BTC-USD/candles";
            case BITSTAMP -> "/api/v2/ohlc/btcusd/";
        };
        assertEquals(path, request.path());
    }

    @Test
    void coinbaseWindowsWithoutTradesAreStepsNotTheEnd() {
        Instant gapFrom = FROM.plus(Duration.ofMinutes(300));
        Instant gapUntil = FROM.plus(Duration.ofMinutes(600));
        try (FakeExchangeServer holes = FakeExchangeServer.start(
                FakeMarket.of("BTC/USD", MARKET_FIRST, MARKET_END).withoutTradesBetween(gapFrom, gapUntil))) {
            CandleFetcher fetcher = new CandleFetcher(CandleClients.create(SupportedExchange.COINBASE,
                    holes.baseUrl(SupportedExchange.COINBASE)), new RequestPacer(1000, time, time), RETRY, time);
            Instant until = FROM.plus(Duration.ofMinutes(900));
            FetchResult result = fetcher.fetch(PAIR, Timeframe.M1, FROM, until, FetchProgress.NONE);

            assertEquals(600, result.candles().size());
            assertEquals(holes.market().candles(Timeframe.M1, FROM, until), result.candles());
            assertEquals(3, holes.requests(SupportedExchange.COINBASE).size(), "three windows of 300, the middle one empty");
        }
    }

    @Test
    void aCandleOffTheTimeframesGridIsMalformed() {
        server.enqueue(SupportedExchange.BINANCE, FakeResponse.ok(
                "[[1704153630000,\"1\",\"2\",\"0.5\",\"1.5\",\"3\",1704153689999,\"0\",1,\"0\",\"0\",\"0\"]]"));
        ExchangeFetchException e = assertThrows(ExchangeFetchException.class,
                () -> fetcher(SupportedExchange.BINANCE).fetch(PAIR, Timeframe.M1, FROM, UNTIL_2500, FetchProgress.NONE));
        assertEquals(Reason.MALFORMED_RESPONSE, e.reason());
        assertTrue(e.getMessage().contains("time 2024-01-02T00:00:30Z is not the start of a 1m candle"), e.getMessage());
    }

    /**
     * Issue 13: what an import stored (negative prices, 1e308) is refused from an exchange too. A fetch never keeps a
     * candle past the one still forming (the window ends there), so year-3000 candles are dropped as out of range.
     */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
        "1704153600000,\"1\",\"2\",\"-0.5\",\"1.5\",\"3\"|low -0.5 is not above 0",
        "1704153600000,\"1\",\"1e308\",\"0.5\",\"1.5\",\"3\"|high 1.0E308 is above 1.0E12, the largest accepted",
        "1704153600000,\"1\",\"2\",\"0.5\",\"2.5\",\"3\"|close 2.5 is outside low 0.5 .. high 2.0",
        "1704153600000,\"1\",\"2\",\"0.5\",\"1.5\",\"-3\"|volume -3.0 is below 0"})
    void anImpossibleCandleIsMalformedAndNothingIsReturned(String row, String problem) {
        server.enqueue(SupportedExchange.BINANCE, FakeResponse.ok("[[" + row + ",1704153659999,\"0\",1,\"0\",\"0\",\"0\"]]"));
        ExchangeFetchException e = assertThrows(ExchangeFetchException.class,
                () -> fetcher(SupportedExchange.BINANCE).fetch(PAIR, Timeframe.M1, FROM, UNTIL_2500, FetchProgress.NONE));
        assertEquals(Reason.MALFORMED_RESPONSE, e.reason());
        assertTrue(e.getMessage().contains("is impossible: " + problem), e.getMessage());
    }

    @Test
    void aBanLongerThanTheCapEndsTheFetchAtOnce() {
        server.enqueue(SupportedExchange.BINANCE, FakeResponse.banned(7200));
        ExchangeFetchException e = assertThrows(ExchangeFetchException.class,
                () -> fetcher(SupportedExchange.BINANCE).fetch(PAIR, Timeframe.M1, FROM, UNTIL_2500, FetchProgress.NONE));
        assertEquals(Reason.RATE_LIMITED, e.reason());
        assertTrue(e.getMessage().contains("asks to wait 7200 s (Retry-After), longer than the 60 s allowed"), e.getMessage());
        assertEquals(1, server.requests(SupportedExchange.BINANCE).size());
        assertEquals(List.of(), time.sleepsMs());
    }

    @Test
    void retriesAreBoundedAndBackOffWhenNoRetryAfterIsGiven() {
        for (int i = 0; i < RETRY.maxAttempts(); i++) {
            server.enqueue(SupportedExchange.BITSTAMP, FakeResponse.tooManyRequests(SupportedExchange.BITSTAMP));
        }
        ExchangeFetchException e = assertThrows(ExchangeFetchException.class,
                () -> fetcher(SupportedExchange.BITSTAMP).fetch(PAIR, Timeframe.M1, FROM, UNTIL_2500, FetchProgress.NONE));
        assertEquals(Reason.RATE_LIMITED, e.reason());
        assertTrue(e.getMessage().contains("gave up after 4 attempts") && e.getMessage().contains("HTTP 429"), e.getMessage());
        assertEquals(4, server.requests(SupportedExchange.BITSTAMP).size());
        assertEquals(List.of(1_000L, 2_000L, 4_000L), time.sleepsMs(), "doubling backoff between the four attempts");
    }

    @Test
    void requestsArePacedToTheExchangesRate() {
        fetcher(SupportedExchange.BINANCE, 4).fetch(PAIR, Timeframe.M1, FROM, UNTIL_2500, FetchProgress.NONE);
        assertEquals(3, server.requests(SupportedExchange.BINANCE).size());
        assertEquals(List.of(250L, 250L), time.sleepsMs());
    }

    @Test
    void candlesStillFormingAreNotAskedFor() {
        time = new FakeTime(Instant.parse("2024-01-05T12:34:56Z"));
        FetchResult result = fetcher(SupportedExchange.BINANCE).fetch(PAIR, Timeframe.M1, Instant.parse("2024-01-05T12:00:00Z"),
                Instant.parse("2024-01-06T00:00:00Z"), FetchProgress.NONE);
        assertEquals(34, result.candles().size());
        assertEquals(Instant.parse("2024-01-05T12:33:00Z").toEpochMilli(), result.candles().get(33).openTimeMs());
        assertEquals(Instant.parse("2024-01-05T12:34:00Z").toEpochMilli(), result.untilMs());
        assertEquals(Instant.parse("2024-01-05T12:34:00Z").toEpochMilli() - 1,
                server.requests(SupportedExchange.BINANCE).get(0).longParam("endTime"));
    }

    @Test
    void aTimeframeTheExchangeLacksIsRefusedWithoutARequest() {
        ExchangeFetchException e = assertThrows(ExchangeFetchException.class,
                () -> fetcher(SupportedExchange.COINBASE).fetch(PAIR, Timeframe.H4, FROM, UNTIL_2500, FetchProgress.NONE));
        assertEquals(Reason.REFUSED, e.reason());
        assertTrue(e.getMessage().contains("coinbase has no timeframe 4h; it has [1m, 5m, 15m, 1h, 1d]"), e.getMessage());
        assertEquals(0, server.requests(SupportedExchange.COINBASE).size());
    }

    @Test
    void unalignedBoundsTakeTheCandlesThatOpenInside() {
        FetchResult result = fetcher(SupportedExchange.KRAKEN).fetch(PAIR, Timeframe.H1, Instant.parse("2024-01-02T00:30:00Z"),
                Instant.parse("2024-01-02T05:30:00Z"), FetchProgress.NONE);
        assertEquals(5, result.candles().size(), "01:00 .. 05:00");
        assertEquals(Instant.parse("2024-01-02T01:00:00Z").toEpochMilli(), result.fromMs());
        assertEquals(Instant.parse("2024-01-02T06:00:00Z").toEpochMilli(), result.untilMs());
    }
}
