package dev.trainer.circuitbreaker;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trainer.contracts.Topics;
import dev.trainer.contracts.events.BreakerStateChanged;
import dev.trainer.contracts.events.SeriesRef;
import dev.trainer.devinfra.InfraTestResource;
import dev.trainer.domain.risk.RegimeClassifier;
import dev.trainer.domain.risk.ReturnCorrelation;
import dev.trainer.domain.risk.UnusualMove;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Each breaker through Kafka at its threshold: just below does not trip, at the threshold it does, with the
 * breaker.events record and the state served by REST. max_daily_loss, latency and consecutive losses are tested at
 * the plan's defaults, unusual market and adverse selection too; correlation and regime break use a per-scope
 * override where an exact threshold would otherwise need contrived inputs.
 */
@QuarkusTest
@WithTestResource(InfraTestResource.class)
class BreakerThresholdTest {

    static final long MINUTE_MS = 60_000L;
    private final Breakers breakers = new Breakers();

    @Test
    void latencyTripsItsExchangeAtFiveHundredMillisecondsNotAtFourHundredNinetyNine() throws Exception {
        String exchange = "lat-" + uid();
        String configId = "lat-cfg-" + uid();
        SeriesRef market = new SeriesRef(exchange, "BTC/USD", "1h");
        String scope = "exchange:" + exchange;
        Instant since = Instant.now();
        publishConfig(configId, market);
        breakers.awaitState("latency_threshold_ms", scope, s -> true);

        publishFill(TestEvents.fill(configId, market, "BUY", 499, null, Instant.now()));
        assertEquals("ARMED", breakers.awaitLastMeasured("latency_threshold_ms", scope, 499).get("state"));
        publishFill(TestEvents.fill(configId, market, "SELL", 500, null, Instant.now()));

        BreakerStateChanged e = breakers.onlyEvent("latency_threshold_ms", scope, "THRESHOLD_REACHED", since);
        assertEquals("TRIPPED", e.state());
        assertEquals("ARMED", e.previousState());
        assertEquals(500.0, e.measuredValue());
        assertEquals(500.0, e.threshold());
        assertEquals("milliseconds", e.unit());
        assertEquals(List.of(configId), e.configIds());
        assertThat(e.reason(), containsString("fill latency is 500 ms; limit 500 ms"));
        assertNull(e.actor());

        Map<String, Object> s = breakers.state("latency_threshold_ms", scope);
        assertEquals("TRIPPED", s.get("state"));
        assertEquals(500, s.get("measuredValue"));
        assertEquals(500, s.get("threshold"));
        assertEquals("milliseconds", s.get("unit"));
        assertEquals(e.reason(), s.get("reason"));
        assertEquals(List.of(configId), s.get("configIds"));
        // the plan's latency breaker re-arms by itself after the default cool-down of 15 minutes
        assertEquals(Instant.parse((String) s.get("trippedAt")).plus(Duration.ofMinutes(15)),
                Instant.parse((String) s.get("coolDownUntil")));
    }

    @Test
    void fiveLossesInARowTripTheConfigurationFourDoNot() throws Exception {
        String configId = "streak-" + uid();
        SeriesRef market = new SeriesRef("streak-ex", "ETH/USD", "15m");
        String scope = "config:" + configId;
        Instant since = Instant.now();
        publishConfig(configId, market);
        breakers.awaitState("consecutive_losses_limit", scope, s -> true);

        // an opening fill (no realised P&L) neither extends nor ends the streak
        for (Double pnl : new Double[] {-1.0, -1.0, null, -1.0, -1.0}) {
            publishFill(TestEvents.fill(configId, market, "SELL", 10, pnl, Instant.now()));
        }
        assertEquals("ARMED", breakers.awaitLastMeasured("consecutive_losses_limit", scope, 4).get("state"));
        publishFill(TestEvents.fill(configId, market, "SELL", 10, -1.0, Instant.now()));

        BreakerStateChanged e = breakers.onlyEvent("consecutive_losses_limit", scope, "THRESHOLD_REACHED", since);
        assertEquals(5.0, e.measuredValue());
        assertEquals(5.0, e.threshold());
        assertEquals("trades", e.unit());
        assertEquals(List.of(configId), e.configIds());
        assertThat(e.reason(), containsString("5 losing trades in a row; limit 5 trades"));
        Map<String, Object> s = breakers.state("consecutive_losses_limit", scope);
        assertEquals("TRIPPED", s.get("state"));
        assertEquals(5, s.get("measuredValue"));
        assertNull(s.get("coolDownUntil"), "the streak breaker waits for a manual reset");
    }

    @Test
    void aDaysLossOfTwoPercentOfTheStartOfDayValueTripsThePortfolio() throws Exception {
        breakers.armPortfolio();
        String configId = "loss-" + uid();
        SeriesRef market = new SeriesRef("loss-ex", "BTC/USD", "1h");
        publishConfig(configId, market);
        breakers.awaitState("consecutive_losses_limit", "config:" + configId, s -> true);
        LocalDate day = LocalDate.of(2091, 1, 10).plusDays(new Random().nextInt(300) * 3L);
        Instant since = Instant.now();

        // make the start-of-day value exactly 100000 with one fill the day before (what other tests realised)
        double startOfDay = Breakers.number(breakers.portfolio(day), "startOfDayValueQuote");
        if (startOfDay != 100_000) {
            publishFill(TestEvents.fill(configId, market, "SELL", 10, 100_000 - startOfDay, at(day.minusDays(1), 12)));
            org.awaitility.Awaitility.await().atMost(Breakers.WAIT).until(() ->
                    Breakers.number(breakers.portfolio(day), "startOfDayValueQuote") == 100_000);
        }
        breakers.armPortfolio();

        publishFill(TestEvents.fill(configId, market, "SELL", 10, -1999.0, at(day, 9)));
        assertEquals("ARMED", breakers.awaitLastMeasured("max_daily_loss", "portfolio", 0.01999).get("state"));
        publishFill(TestEvents.fill(configId, market, "SELL", 10, -1.0, at(day, 10)));

        BreakerStateChanged e = breakers.onlyEvent("max_daily_loss", "portfolio", "THRESHOLD_REACHED", since);
        assertEquals(0.02, e.measuredValue());
        assertEquals(0.02, e.threshold());
        assertEquals("fraction of portfolio value", e.unit());
        assertThat(e.configIds(), hasItem(configId));
        assertThat(e.reason(), containsString("UTC day " + day));
        assertThat(e.reason(), containsString("loss since 00:00 UTC is 2.00 % of the start-of-day value 100000.00"));
        Map<String, Object> s = breakers.state("max_daily_loss", "portfolio");
        assertEquals("TRIPPED", s.get("state"));
        assertEquals(day.toString(), s.get("tripDay"));
        Map<String, Object> p = breakers.portfolio(day);
        assertEquals(-2000.0, Breakers.number(p, "pnlSinceStartOfDayQuote"));
        assertEquals(0.02, Breakers.number(p, "lossFraction"));
        breakers.armPortfolio();
    }

    @Test
    void theNewerOfTwoCorrelatedConfigurationsTrips() throws Exception {
        // a stretch of days no other test (or earlier run against the same database) uses
        long[] days = days(LocalDate.of(2200, 1, 1).plusDays(new Random().nextInt(30_000)), 30);
        Random random = new Random(7);
        double[] a = centred(random, 30);
        String older = "corr-a-" + uid();
        String below = "corr-b-" + uid();
        String at = "corr-c-" + uid();
        SeriesRef market = new SeriesRef("corr-ex", "BTC/USD", "1d");
        publishConfig(older, market, days, a);
        double[] b = correlatedWith(a, 0.79, random);
        double[] c = correlatedWith(a, 0.9, random);
        double expectedB = ReturnCorrelation.rolling(days, b, days, a, 30, 10);
        double expectedC = Math.max(ReturnCorrelation.rolling(days, c, days, a, 30, 10),
                ReturnCorrelation.rolling(days, c, days, b, 30, 10));
        assertTrue(expectedB < 0.8 && expectedB > 0.78, "test data: " + expectedB);
        Instant since = Instant.now();

        // just below the plan's 0.8: watched, not tripped
        publishConfig(below, market, days, b);
        Map<String, Object> s = breakers.awaitLastMeasured("max_correlation_spike", "config:" + below, expectedB);
        assertEquals("ARMED", s.get("state"));
        assertThat((String) s.get("lastMeasurement"), containsString("against " + older));

        // exactly at its threshold (set for this configuration before it arrives): tripped, naming the older one
        breakers.putOverride("max_correlation_spike", "config:" + at, expectedC);
        publishConfig(at, market, days, c);
        BreakerStateChanged e = breakers.onlyEvent("max_correlation_spike", "config:" + at, "THRESHOLD_REACHED", since);
        assertEquals(expectedC, e.measuredValue(), 1e-15);
        assertEquals(expectedC, e.threshold());
        assertEquals("correlation coefficient (-1..1)", e.unit());
        assertEquals(List.of(at), e.configIds());
        assertThat(e.reason(), containsString("configuration " + at + " against " + older));
        assertEquals("ARMED", breakers.state("max_correlation_spike", "config:" + older).get("state"),
                "the older configuration keeps trading");
        assertEquals(List.of(), breakers.events("max_correlation_spike", "config:" + below,
                x -> !x.occurredAt().isBefore(since), 0));
    }

    @Test
    void aLiveDayThatMakesTwoConfigurationsCorrelateTripsTheNewerOne() throws Exception {
        LocalDate first = LocalDate.of(2300, 1, 1).plusDays(new Random().nextInt(30_000));
        long[] days = days(first, 30);
        Random random = new Random(11);
        double[] a = centred(random, 30);
        a[29] = 0.08; // a day the newer configuration will share live
        double[] e = correlatedWith(Arrays.copyOf(a, 29), 0.79, random);
        String older = "live-a-" + uid();
        String newer = "live-e-" + uid();
        SeriesRef market = new SeriesRef("live-ex", "SOL/USD", "1d");
        publishConfig(older, market, days, a);
        publishConfig(newer, market, Arrays.copyOf(days, 29), e);
        double atArrival = ReturnCorrelation.rolling(Arrays.copyOf(days, 29), e, days, a, 30, 10);
        assertEquals("ARMED", breakers.awaitLastMeasured("max_correlation_spike", "config:" + newer, atArrival)
                .get("state"));
        Instant since = Instant.now();

        // the newer one gains 800 quote on the older one's big day: 800 / 10000 capital = 0.08, as the older one
        double[] live = Arrays.copyOf(e, 30);
        live[29] = 800.0 / 10_000;
        double expected = ReturnCorrelation.rolling(days, live, days, a, 30, 10);
        assertTrue(expected >= 0.8, "test data: " + expected);
        publishFill(TestEvents.fill(newer, market, "SELL", 10, 800.0, days29(first)));

        BreakerStateChanged trip = breakers.onlyEvent("max_correlation_spike", "config:" + newer, "THRESHOLD_REACHED",
                since);
        assertEquals(expected, trip.measuredValue(), 1e-15);
        assertEquals(0.8, trip.threshold());
        assertThat(trip.reason(), containsString("against " + older));
    }

    @Test
    void aMoveOfThreeSigmaIsUnusualTwoPointNineNineIsNot() throws Exception {
        String pair = "U" + uid() + "/USD";
        SeriesRef series = new SeriesRef("um-ex", pair, "1m");
        String configId = "um-" + uid();
        publishConfig(configId, new SeriesRef("um-ex", pair, "1h"));
        String scope = "market:um-ex|" + pair;
        breakers.awaitState("unusual_market_threshold", scope, s -> true);
        Instant since = Instant.now();
        long freshMs = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofMinutes(10)).toEpochMilli();

        // 100 candles opened hours ago only fill the window; then a fresh one 2.99 sigma away
        double[] warm = randomWalk(new Random(3), 100, 100.0, 0.001);
        double below = closeAt(warm, 2.99);
        double[] closes1 = Arrays.copyOf(warm, 101);
        closes1[100] = below;
        long[] times1 = new long[101];
        for (int i = 0; i < 100; i++) {
            times1[i] = freshMs - Duration.ofHours(5).toMillis() + i * MINUTE_MS;
        }
        times1[100] = freshMs;
        publishCandles(TestEvents.candles(series, times1, closes1, 0));
        double belowSigma = UnusualMove.measure(warm, below, 3.0).value();
        assertTrue(belowSigma < 3.0 && belowSigma > 2.98, "test data: " + belowSigma);
        assertEquals("ARMED", breakers.awaitLastMeasured("unusual_market_threshold", scope, belowSigma).get("state"));

        // the next candle: the smallest close whose move reaches 3 sigma over the window that now holds the last one
        double[] window = Arrays.copyOfRange(closes1, 1, 101);
        double at = closeAt(window, 3.0);
        double atSigma = UnusualMove.measure(window, at, 3.0).value();
        publishCandles(TestEvents.candles(series, new long[] {freshMs + MINUTE_MS}, new double[] {at}, below));

        BreakerStateChanged e = breakers.onlyEvent("unusual_market_threshold", scope, "THRESHOLD_REACHED", since);
        assertEquals(atSigma, e.measuredValue());
        assertTrue(atSigma >= 3.0 && atSigma < 3.0 + 1e-9);
        assertEquals(3.0, e.threshold());
        assertEquals("standard deviations (sigma)", e.unit());
        assertEquals(List.of(configId), e.configIds(), "the market scope covers every timeframe of the pair");
        assertThat(e.reason(), containsString("series um-ex|" + pair + "|1m"));
        Map<String, Object> s = breakers.state("unusual_market_threshold", scope);
        assertEquals("TRIPPED", s.get("state"));
        assertEquals(Instant.parse((String) s.get("trippedAt")).plus(Duration.ofHours(1)),
                Instant.parse((String) s.get("coolDownUntil")));
    }

    @Test
    void oldCandlesOnlyFillTheWindow() throws Exception {
        String pair = "O" + uid() + "/USD";
        SeriesRef series = new SeriesRef("old-ex", pair, "1m");
        long startMs = Instant.now().minus(Duration.ofHours(10)).truncatedTo(ChronoUnit.MINUTES).toEpochMilli();
        double[] closes = randomWalk(new Random(5), 120, 100.0, 0.001);
        closes[110] = closes[109] * 1.5; // a 400-sigma move, but hours old
        long[] times = new long[120];
        for (int i = 0; i < 120; i++) {
            times[i] = startMs + i * MINUTE_MS;
        }
        publishCandles(TestEvents.candles(series, times, closes, 0));
        // a fresh candle afterwards is judged against a window that holds the old ones
        long freshMs = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofMinutes(5)).toEpochMilli();
        double[] window = Arrays.copyOfRange(closes, 20, 120);
        double next = closes[119] * 1.0005;
        publishCandles(TestEvents.candles(series, new long[] {freshMs}, new double[] {next}, closes[119]));
        String scope = "market:old-ex|" + pair;
        Map<String, Object> s = breakers.awaitLastMeasured("unusual_market_threshold", scope,
                UnusualMove.measure(window, next, 3.0).value());
        assertEquals("ARMED", s.get("state"));
    }

    @Test
    void theRegimeBreaksWhenTheTopProbabilityFallsToTheThreshold() throws Exception {
        String pair = "R" + uid() + "/USD";
        SeriesRef series = new SeriesRef("rg-ex", pair, "1m");
        String configId = "rg-" + uid();
        publishConfig(configId, series);
        String scope = "market:rg-ex|" + pair;
        breakers.awaitState("regime_break_threshold", scope, s -> true);
        Instant since = Instant.now();
        RegimeClassifier classifier = RegimeClassifier.defaults();
        long freshMs = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofMinutes(10)).toEpochMilli();
        double[] closes = randomWalk(new Random(9), 602, 100.0, 0.001);
        double p1 = classifier.classify(Arrays.copyOf(closes, 601)).orElseThrow().topProbability();
        double p2 = classifier.classify(Arrays.copyOfRange(closes, 1, 602)).orElseThrow().topProbability();

        // the first fresh candle's top probability lies just above the scope's threshold: no trip
        breakers.putOverride("regime_break_threshold", scope, p1 - 1e-9);
        long[] times = new long[601];
        for (int i = 0; i < 600; i++) {
            times[i] = freshMs - Duration.ofHours(13).toMillis() + i * MINUTE_MS;
        }
        times[600] = freshMs;
        publishCandles(TestEvents.candles(series, times, Arrays.copyOf(closes, 601), 0));
        assertEquals("ARMED", breakers.awaitLastMeasured("regime_break_threshold", scope, p1).get("state"));

        // the second one's is exactly the threshold: trips
        breakers.putOverride("regime_break_threshold", scope, p2);
        publishCandles(TestEvents.candles(series, new long[] {freshMs + MINUTE_MS}, new double[] {closes[601]},
                closes[600]));
        BreakerStateChanged e = breakers.onlyEvent("regime_break_threshold", scope, "THRESHOLD_REACHED", since);
        assertEquals(p2, e.measuredValue());
        assertEquals(p2, e.threshold());
        assertEquals("probability (0..1)", e.unit());
        assertEquals(List.of(configId), e.configIds());
        assertThat(e.reason(), containsString("trips at or below"));
        assertEquals("TRIPPED", breakers.state("regime_break_threshold", scope).get("state"));
    }

    @Test
    void nineAdverseFillsOfFifteenTripAtSixTenthsEightOfFourteenDoNot() throws Exception {
        String pair = "A" + uid() + "/USD";
        SeriesRef market = new SeriesRef("ad-ex", pair, "1m");
        String configId = "adverse-" + uid();
        publishConfig(configId, market);
        String scope = "config:" + configId;
        breakers.awaitState("max_adverse_selection", scope, s -> true);
        Instant since = Instant.now();
        // in the past: candles after now plus one candle are refused at entry (CandleEntryCheck)
        long t0 = Instant.parse("2025-03-01T00:00:00Z").toEpochMilli();
        // the judged outcomes in order: 5 adverse, 6 not, 4 adverse (8 of 14), then 1 adverse (9 of 15 = 0.6)
        boolean[] adverse = {true, true, true, true, true, false, false, false, false, false, false, true, true, true,
                true, true};
        for (int k = 0; k < 14; k++) {
            publishFill(TestEvents.fill(configId, market, "BUY", 100.0, 10, null, Instant.ofEpochMilli(t0 + k * MINUTE_MS)));
        }
        // candle k + 5 opens 5 minutes (the horizon) after fill k: below the BUY price is adverse
        long[] times = new long[21];
        double[] opens = new double[21];
        for (int j = 0; j < 21; j++) {
            times[j] = t0 + j * MINUTE_MS;
            opens[j] = j >= 5 && adverse[j - 5] ? 99.0 : 101.0;
        }
        publishCandles(TestEvents.candles(market, times, opens, opens));
        assertEquals("ARMED", breakers.awaitLastMeasured("max_adverse_selection", scope, 8.0 / 14).get("state"));

        // the 15th fill comes after its candle: judged at once
        publishFill(TestEvents.fill(configId, market, "BUY", 100.0, 10, null, Instant.ofEpochMilli(t0 + 14 * MINUTE_MS)));
        BreakerStateChanged e = breakers.onlyEvent("max_adverse_selection", scope, "THRESHOLD_REACHED", since);
        assertEquals(0.6, e.measuredValue());
        assertEquals(0.6, e.threshold());
        assertEquals("fraction of fills", e.unit());
        assertEquals(List.of(configId), e.configIds());
        assertThat(e.reason(), containsString("9 of the last 15 judged fills were adverse"));
    }

    // --- helpers

    static String uid() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private void publishConfig(String configId, SeriesRef market) throws Exception {
        breakers.kafka.publish(Topics.CONFIGS_TRAINED, configId,
                TestEvents.configTrained(configId, "SMA_CROSSOVER", market, "DISCOVERY"));
    }

    private void publishConfig(String configId, SeriesRef market, long[] days, double[] returns) throws Exception {
        breakers.kafka.publish(Topics.CONFIGS_TRAINED, configId, TestEvents.configTrained(configId, market, days, returns));
    }

    private void publishFill(dev.trainer.contracts.events.ExecutionReported fill) throws Exception {
        breakers.kafka.publish(Topics.EXECUTIONS, fill.configId(), fill);
    }

    private void publishCandles(dev.trainer.contracts.events.CleanCandlesChunk chunk) throws Exception {
        breakers.kafka.publish(Topics.CANDLES_CLEAN, chunk.series().key(), chunk);
    }

    static Instant at(LocalDate day, int hour) {
        return day.atTime(hour, 0).toInstant(ZoneOffset.UTC);
    }

    private static Instant days29(LocalDate first) {
        return at(first.plusDays(29), 15);
    }

    static long[] days(LocalDate first, int n) {
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {
            out[i] = first.plusDays(i).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        }
        return out;
    }

    /** Daily returns around 0 with sd 0.01, mean exactly removed. */
    static double[] centred(Random random, int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = random.nextGaussian() * 0.01;
        }
        double mean = Arrays.stream(x).average().orElseThrow();
        for (int i = 0; i < n; i++) {
            x[i] -= mean;
        }
        return x;
    }

    /** A stream whose Pearson correlation with {@code a} is {@code rho}: a mixed with a part orthogonal to it. */
    static double[] correlatedWith(double[] a, double rho, Random random) {
        int n = a.length;
        double meanA = Arrays.stream(a).average().orElseThrow();
        double[] ac = Arrays.stream(a).map(v -> v - meanA).toArray();
        double[] e = centred(random, n);
        double dot = 0, aa = 0;
        for (int i = 0; i < n; i++) {
            dot += e[i] * ac[i];
            aa += ac[i] * ac[i];
        }
        double ee = 0;
        for (int i = 0; i < n; i++) {
            e[i] -= dot / aa * ac[i];
            ee += e[i] * e[i];
        }
        double scale = Math.sqrt(aa / ee);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = rho * ac[i] + Math.sqrt(1 - rho * rho) * e[i] * scale + 0.001;
        }
        return out;
    }

    static double[] randomWalk(Random random, int n, double start, double sd) {
        double[] closes = new double[n];
        closes[0] = start;
        for (int i = 1; i < n; i++) {
            closes[i] = closes[i - 1] * Math.exp(random.nextGaussian() * sd);
        }
        return closes;
    }

    /** The smallest close above the last trailing close whose move is at least {@code sigmas}, by bisection. */
    static double closeAt(double[] trailing, double sigmas) {
        double lo = trailing[trailing.length - 1];
        double hi = lo * 2;
        while (UnusualMove.measure(trailing, hi, sigmas).value() < sigmas) {
            hi *= 2;
        }
        while (true) {
            double mid = lo + (hi - lo) / 2;
            if (mid <= lo || mid >= hi) {
                return hi;
            }
            if (UnusualMove.measure(trailing, mid, sigmas).value() >= sigmas) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
    }
}
