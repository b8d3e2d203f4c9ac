package dev.trainer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trainer.domain.market.Candle;
import dev.trainer.domain.market.CandleCsv;
import dev.trainer.domain.market.Timeframe;
import dev.trainer.exchanges.SupportedExchange;
import dev.trainer.exchanges.testing.FakeExchangeServer;
import dev.trainer.exchanges.testing.FakeMarket;
import dev.trainer.exchanges.testing.FakeResponse;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FetchCommandTest {

    private static FakeExchangeServer exchange;

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeAll
    static void startExchange() {
        exchange = FakeExchangeServer.start(FakeMarket.of("BTC/USDT", Instant.parse("2024-01-01T00:00:00Z"),
                Instant.parse("2024-02-01T00:00:00Z")));
    }

    @AfterAll
    static void stopExchange() {
        exchange.close();
    }

    @BeforeEach
    void reset() {
        exchange.reset();
    }

    private int run(String... args) {
        return new FetchCommand(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(List.of(args));
    }

    private String[] binance(Path file, String since, String until) {
        return new String[] {"--exchange", "binance", "--pair", "BTC/USDT", "--timeframe", "5m", "--since", since, "--until", until,
                "--base-url", exchange.baseUrl(SupportedExchange.BINANCE), "--requests-per-second", "1000", "--out", file.toString()};
    }

    @Test
    void writesEveryCandleOfTheRangeAsTheResearchCsv() throws Exception {
        Path file = dir.resolve("btc-5m.csv");
        assertEquals(FetchCommand.OK, run(binance(file, "2024-01-02", "2024-01-12T00:00:00Z")), err.toString());

        List<Candle> expected = exchange.market().candles(Timeframe.M5, Instant.parse("2024-01-02T00:00:00Z"),
                Instant.parse("2024-01-12T00:00:00Z"));
        assertEquals(2880, expected.size());
        assertTrue(Files.readString(file).startsWith(CandleCsv.HEADER + "\n1704153600000,"), "header, then epoch ms");
        try (Reader reader = Files.newBufferedReader(file)) {
            assertEquals(expected, CandleCsv.parse(reader), "the file reads back as exactly the exchange's candles");
        }
        assertEquals(3, exchange.requests(SupportedExchange.BINANCE).size(), "2,880 candles in pages of 1,000");
        assertTrue(err.toString().contains("2,880 candles of binance BTC/USDT 5m [2024-01-02T00:00:00Z, 2024-01-12T00:00:00Z)"
                + " in 3 requests"), err.toString());
        assertEquals(file.toString(), out.toString().trim());
    }

    @Test
    void aMalformedPageLeavesNoFileAndTheOldOneUntouched() throws Exception {
        Path file = dir.resolve("btc-5m.csv");
        Files.writeString(file, "what was there before\n");
        exchange.enqueue(SupportedExchange.BINANCE, FakeResponse.normal());
        exchange.enqueue(SupportedExchange.BINANCE, FakeResponse.ok("[[1704153600000,\"42000.1\""));

        assertEquals(FetchCommand.FAILED, run(binance(file, "2024-01-02", "2024-01-12")));
        assertTrue(err.toString().contains("binance BTC/USDT 5m [2024-01-02T00:00:00Z, 2024-01-12T00:00:00Z): malformed response"),
                err.toString());
        assertEquals("what was there before\n", Files.readString(file));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList(), "no temporary file is left behind");
        }
    }

    @Test
    void badArgumentsSayWhatIsWrongAndFetchNothing() {
        Path file = dir.resolve("x.csv");
        assertEquals(FetchCommand.USAGE, run("--exchange", "ftx", "--pair", "BTC/USDT", "--timeframe", "1h", "--since", "2024-01-01",
                "--until", "2024-01-02", "--out", file.toString()));
        assertTrue(err.toString().contains("unknown exchange 'ftx'; supported: binance, binance-us, kraken, coinbase, bitstamp"),
                err.toString());

        assertEquals(FetchCommand.USAGE, run("--exchange", "binance", "--pair", "BTCUSDT", "--timeframe", "1h", "--since", "2024-01-01",
                "--until", "2024-01-02", "--out", file.toString()));
        assertTrue(err.toString().contains("a pair is BASE/QUOTE"), err.toString());

        assertEquals(FetchCommand.USAGE, run("--exchange", "coinbase", "--pair", "BTC/USD", "--timeframe", "4h", "--since",
                "2024-01-01", "--until", "2024-01-02", "--out", file.toString()));
        assertTrue(err.toString().contains("coinbase has no timeframe 4h"), err.toString());

        assertEquals(FetchCommand.USAGE, run(binance(file, "2024-01-05", "2024-01-02")));
        assertTrue(err.toString().contains("--since 2024-01-05T00:00:00Z must be before --until 2024-01-02T00:00:00Z"), err.toString());

        assertEquals(FetchCommand.USAGE, run(binance(file, "yesterday", "2024-01-02")));
        assertTrue(err.toString().contains("--since takes an ISO-8601 time"), err.toString());

        assertEquals(0, exchange.requests(SupportedExchange.BINANCE).size());
        assertFalse(Files.exists(file));
    }
}
