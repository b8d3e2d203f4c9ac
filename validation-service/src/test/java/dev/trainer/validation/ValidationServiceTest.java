package dev.trainer.validation;

import dev.trainer.devinfra.TestKafka;
import org.eclipse.microprofile.config.ConfigProvider;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trainer.contracts.EventTypes;
import dev.trainer.contracts.Topics;
import dev.trainer.contracts.events.ConfigTrained;
import dev.trainer.contracts.events.OptimizationCompleted;
import dev.trainer.contracts.events.SeriesRef;
import dev.trainer.contracts.events.TrainingStatus;
import dev.trainer.contracts.events.TrainingStatus.State;
import dev.trainer.devinfra.InfraTestResource;
import dev.trainer.domain.lifecycle.LifecycleInputs;
import dev.trainer.domain.lifecycle.LifecycleRules;
import dev.trainer.domain.stats.DeflatedSharpe;
import dev.trainer.domain.stats.MinimumTrackRecordLength;
import dev.trainer.domain.stats.ProbabilisticSharpe;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(InfraTestResource.class)
class ValidationServiceTest {

    private final TestKafka kafka = new TestKafka(
            ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Test
    void aWinningOutcomeBecomesAMatureConfigurationWithEveryFieldFilled() throws Exception {
        String jobId = "job-" + UUID.randomUUID();
        SeriesRef market = Outcomes.market();
        OptimizationCompleted outcome = Outcomes.winning(jobId, market);
        // delivered twice: validated and published once
        kafka.publish(Topics.OPTIMIZATION_RESULTS, jobId, outcome, outcome);

        String configId = EventTypes.deterministicId(jobId, market.key());
        List<ConfigTrained> published = kafka.read(Topics.CONFIGS_TRAINED, ConfigTrained.class,
                c -> c.configId().equals(configId), 1, TIMEOUT, Duration.ofSeconds(2));
        assertEquals(1, published.size(), "one configs.trained for the configuration");
        ConfigTrained config = published.get(0);
        assertEveryFieldFilled(config);

        assertEquals(EventTypes.deterministicId(Topics.CONFIGS_TRAINED, outcome.eventId()), config.eventId());
        assertEquals(jobId, config.jobId());
        assertEquals("user-3", config.userId());
        assertEquals("SMA_CROSSOVER", config.strategy());
        assertEquals(market, config.market());
        assertEquals(outcome.finalParameters(), config.parameters());
        assertEquals("fp-" + jobId, config.dataFingerprint());
        assertEquals(0.96, config.qualityScore());
        assertEquals(7L, config.seed());
        assertEquals("random", config.optimizationMethod());
        assertEquals("walk_forward", config.validationMethod());
        assertEquals(300, config.trialsEvaluated());
        int outOfSampleDays = outcome.windows().stream().mapToInt(w -> w.outOfSampleDailyReturns().length).sum();
        assertTrue(outOfSampleDays > 0);
        assertEquals(outOfSampleDays, config.outOfSampleDailyReturns().length);
        assertEquals(outOfSampleDays, config.outOfSampleDayStartsMs().length);
        assertEquals(outcome.windows().get(0).outOfSampleDailyReturns()[0], config.outOfSampleDailyReturns()[0]);
        assertFalse(config.codeVersion().isBlank());
        assertFalse(config.codeVersion().equals("unknown"), "the project version, from quarkus.application.version");

        // out of sample: the three test windows as one record
        Map<String, Object> oos = config.outOfSampleMetrics();
        assertEquals(120, number(oos, "trade_count").intValue());
        assertEquals(72, number(oos, "win_count").intValue());
        assertEquals(Math.pow(1.05, 3) - 1, number(oos, "net_profit_fraction").doubleValue(), 1e-12);
        double expectedSharpe = sharpe(new double[] {-0.002, 0.0035, 0.0035});
        assertEquals(expectedSharpe, number(oos, "sharpe_daily").doubleValue(), 1e-9);
        assertEquals(0.6, number(oos, "gross_win_rate_fraction").doubleValue(), 1e-12);
        assertEquals(90, number(oos, "day_count").intValue());
        assertTrue(number(oos, "max_drawdown_fraction").doubleValue() >= 0.03);
        // in sample: means of the windows; a metric undefined everywhere stays undefined, with its reason
        Map<String, Object> is = config.inSampleMetrics();
        assertEquals(2.5, number(is, "sharpe_daily").doubleValue(), 1e-12);
        assertEquals(101.0, number(is, "trade_count").doubleValue(), 1e-12);
        assertTrue(is.containsKey("profit_factor") && is.get("profit_factor") == null);
        assertEquals("undefined in every window (window 0: no losing trades)", is.get("profit_factor_undefined_reason"));

        Map<String, Object> stats = config.statistics();
        double p = number(stats, "p_value").doubleValue();
        assertTrue(p >= 0 && p < 0.01, "a mean trade return of +0.12 % over 120 trades is significant: " + p);
        assertTrue(number(stats, "z_score").doubleValue() > 2.0);
        double stability = number(stats, "stability_score").doubleValue();
        assertTrue(stability > 0.99 && stability <= 1.0, "identical positive windows are stable: " + stability);
        assertNotNull(number(stats, "walk_forward_efficiency_ratio"));
        assertEquals(Boolean.FALSE, stats.get("overfit"), "out-of-sample Sharpe is not below half of 2.5");
        assertEquals(300, number(stats, "trials_evaluated").intValue());

        // skill or luck: the out-of-sample days against SR0 = 0, the final window's selection deflated by its trials
        HandMoments oosDays = HandMoments.of(Outcomes.repeat(new double[] {-0.002, 0.0035, 0.0035}, 90));
        assertEquals(90, number(stats, "out_of_sample_days").intValue());
        assertEquals(oosDays.sharpePerDay(), number(stats, "sharpe_per_day").doubleValue(), 1e-12);
        assertEquals(expectedSharpe / Math.sqrt(365), number(stats, "sharpe_per_day").doubleValue(), 1e-9);
        assertEquals(oosDays.skewness(), number(stats, "skewness").doubleValue(), 1e-9);
        assertEquals(oosDays.kurtosisRaw(), number(stats, "kurtosis_raw").doubleValue(), 1e-9);
        assertEquals(ProbabilisticSharpe.probability(oosDays.sharpePerDay(), 0, 90, oosDays.skewness(),
                oosDays.kurtosisRaw()).value(), number(stats, "probabilistic_sharpe_ratio").doubleValue(), 1e-12);
        double minTrl = MinimumTrackRecordLength.observations(oosDays.sharpePerDay(), 0, oosDays.skewness(),
                oosDays.kurtosisRaw(), 0.95).value();
        assertEquals(minTrl, number(stats, "minimum_track_record_length_days").doubleValue(), 1e-9);
        assertTrue(minTrl < 90, "minimum track record " + minTrl);
        assertEquals(Boolean.TRUE, stats.get("meets_minimum_track_record"));
        HandMoments selected = HandMoments.of(Outcomes.repeat(Outcomes.IN_SAMPLE_DAILY_PATTERN, Outcomes.TRAIN_DAYS));
        assertEquals(100, number(stats, "trials_for_deflation").intValue(), "300 trials over 3 windows");
        assertEquals(0.0025, number(stats, "trial_sharpe_variance_per_day").doubleValue(), 1e-15);
        assertEquals(selected.sharpePerDay(), number(stats, "final_window_in_sample_sharpe_per_day").doubleValue(), 1e-12);
        double dsr = DeflatedSharpe.probability(selected.sharpePerDay(), Outcomes.TRAIN_DAYS, selected.skewness(),
                selected.kurtosisRaw(), 100, 0.0025).value();
        assertEquals(dsr, number(stats, "deflated_sharpe_ratio").doubleValue(), 1e-12);
        assertTrue(dsr >= 0.95, "the fixture passes the gate: " + dsr);
        assertEquals(0.2, number(stats, "probability_of_backtest_overfitting").doubleValue());
        assertEquals(16, number(stats, "overfitting_partitions").intValue());

        // the stage follows the plan's rules on the out-of-sample numbers, and the significance gate passed
        String expectedStage = LifecycleRules.assign(LifecycleInputs.basic(Math.pow(1.05, 3) - 1, expectedSharpe, 120))
                .stage().name();
        assertEquals("MATURE", expectedStage);
        assertEquals(expectedStage, config.lifecycleStage());
        List<String> gate = config.stageReasons().stream().filter(r -> r.startsWith("significance gate: ")).toList();
        assertEquals(3, gate.size(), "every check of the gate: " + config.stageReasons());
        assertTrue(gate.get(0).contains("deflated Sharpe ratio") && gate.get(0).contains("is at least 0.9500"), gate.get(0));
        assertTrue(gate.get(1).contains("overfitting 0.2000 is at most 0.5000"), gate.get(1));
        assertTrue(gate.get(2).contains("track record of 90 days reaches"), gate.get(2));

        // the V3 configuration a trading layer loads
        Map<String, Object> v3 = config.v3Config();
        assertEquals("V3", v3.get("version"));
        assertEquals(configId, v3.get("config_id"));
        assertEquals("SMA_CROSSOVER", v3.get("strategy"));
        assertEquals("MATURE", v3.get("stage"));
        assertEquals(config.stageReasons(), v3.get("stage_reasons"));
        assertEquals(config.statistics(), map(v3, "statistics"), "the statistics travel with the configuration");
        assertEquals(Map.of("exchange", market.exchange(), "pair", "BTC/USDT", "timeframe", "1h"), v3.get("market"));
        assertEquals(6.0, number(map(v3, "parameters"), "fast").doubleValue());
        Map<String, Object> risk = map(v3, "risk");
        assertEquals(0.001, number(risk, "fee_per_side_fraction").doubleValue());
        assertEquals(0.0005, number(risk, "slippage_per_side_fraction").doubleValue());
        assertEquals(0.01, number(risk, "risk_per_trade_fraction").doubleValue());
        Map<String, Object> provenance = map(v3, "provenance");
        assertEquals(jobId, provenance.get("job_id"));
        assertEquals("fp-" + jobId, provenance.get("data_fingerprint"));
        assertEquals(0.96, number(provenance, "quality_score").doubleValue());
        assertEquals(config.codeVersion(), provenance.get("code_version"));
        assertEquals(7, number(provenance, "seed").intValue());

        List<TrainingStatus> statuses = kafka.read(Topics.TRAINING_STATUS, TrainingStatus.class,
                s -> s.jobId().equals(jobId) && s.state() == State.CONFIG_VALIDATED, 1, TIMEOUT, Duration.ZERO);
        assertEquals(1, statuses.size());
        assertEquals("validation-service", statuses.get(0).service());
        assertEquals(market, statuses.get(0).market());
        assertEquals(configId, statuses.get(0).details().get("config_id"));
        assertEquals("MATURE", statuses.get(0).details().get("lifecycle_stage"));

        given().when().get("/api/validations/" + configId).then().statusCode(200)
                .body("stage", equalTo("MATURE"))
                .body("jobId", equalTo(jobId))
                .body("market", equalTo(market.key()))
                .body("statistics.trials_evaluated", equalTo(300));
        given().queryParam("jobId", jobId).when().get("/api/validations").then().statusCode(200).body("$", hasSize(1));
    }

    @Test
    void aLosingOutcomeIsPaperTradingOnly() throws Exception {
        String jobId = "job-" + UUID.randomUUID();
        SeriesRef market = Outcomes.market();
        kafka.publish(Topics.OPTIMIZATION_RESULTS, jobId, Outcomes.losing(jobId, market));

        String configId = EventTypes.deterministicId(jobId, market.key());
        List<ConfigTrained> published = kafka.read(Topics.CONFIGS_TRAINED, ConfigTrained.class,
                c -> c.configId().equals(configId), 1, TIMEOUT, Duration.ZERO);
        assertEquals(1, published.size());
        ConfigTrained config = published.get(0);
        assertEveryFieldFilled(config);
        assertEquals("PAPER", config.lifecycleStage());
        assertEquals("PAPER", config.v3Config().get("stage"));
        assertTrue(config.stageReasons().stream().anyMatch(r -> r.contains("net profit") && r.contains("negative")),
                config.stageReasons().toString());
        assertTrue(number(config.outOfSampleMetrics(), "net_profit_fraction").doubleValue() < 0);
        assertTrue(number(config.statistics(), "p_value").doubleValue() > 0.5, "losing trades are not significant");
        assertEquals(Boolean.TRUE, config.statistics().get("overfit"), "a negative Sharpe is below half of 2.5");
        assertTrue(config.statistics().get("walk_forward_efficiency_ratio") instanceof Number wfe && wfe.doubleValue() < 0);
        assertTrue(number(config.statistics(), "probabilistic_sharpe_ratio").doubleValue() < 0.5);
        assertNull(config.statistics().get("minimum_track_record_length_days"), "a losing record never becomes significant");
        assertTrue(((String) config.statistics().get("minimum_track_record_length_days_undefined_reason"))
                .contains("no track record length makes it significant"), config.statistics().toString());
    }

    @Test
    void aWinnerTheOptimiserFoundOverfitIsHeldAtValidationWithTheReason() throws Exception {
        String jobId = "job-" + UUID.randomUUID();
        SeriesRef market = Outcomes.market();
        kafka.publish(Topics.OPTIMIZATION_RESULTS, jobId, Outcomes.winningButOverfit(jobId, market));

        String configId = EventTypes.deterministicId(jobId, market.key());
        List<ConfigTrained> published = kafka.read(Topics.CONFIGS_TRAINED, ConfigTrained.class,
                c -> c.configId().equals(configId), 1, TIMEOUT, Duration.ZERO);
        assertEquals(1, published.size());
        ConfigTrained config = published.get(0);
        assertEveryFieldFilled(config);
        assertEquals("VALIDATION", config.lifecycleStage());
        assertEquals("VALIDATION", config.v3Config().get("stage"));
        assertEquals(0.8, number(config.statistics(), "probability_of_backtest_overfitting").doubleValue());
        assertTrue(config.stageReasons().contains("meets the plan's MATURE rules but is held at VALIDATION by the"
                + " significance gate"), config.stageReasons().toString());
        assertTrue(config.stageReasons().contains(
                "significance gate: probability of backtest overfitting 0.8000 is above 0.5000"),
                config.stageReasons().toString());
    }

    @Test
    void aRecordThatIsNotAnOutcomeGoesToTheDeadLetterTopic() throws Exception {
        String key = "garbage-" + UUID.randomUUID();
        kafka.publishRaw(Topics.OPTIMIZATION_RESULTS, key, "{\"not\": \"an outcome\"".getBytes());
        assertTrue(kafka.keySeen(Topics.deadLetter(Topics.OPTIMIZATION_RESULTS, "validation-service"), key, TIMEOUT));
    }

    @Test
    void anUnknownConfigurationIsAProblem() {
        given().when().get("/api/validations/" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json").body("status", equalTo(404));
    }

    @Test
    void isReady() {
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    /** Every component present; strings not blank, maps and lists not empty. */
    private static void assertEveryFieldFilled(ConfigTrained config) throws Exception {
        for (RecordComponent c : ConfigTrained.class.getRecordComponents()) {
            Object value = c.getAccessor().invoke(config);
            assertNotNull(value, c.getName());
            if (value instanceof String s) {
                assertFalse(s.isBlank(), c.getName());
            } else if (value instanceof Map<?, ?> m) {
                assertFalse(m.isEmpty(), c.getName());
            } else if (value instanceof Collection<?> l) {
                assertFalse(l.isEmpty(), c.getName());
            }
        }
        for (String key : List.of("p_value", "z_score", "stability_score", "trials_evaluated")) {
            assertInstanceOf(Number.class, config.statistics().get(key), key + " in " + config.statistics());
        }
        // every significance statistic and its inputs: a value, or null with the reason
        for (String key : List.of("probabilistic_sharpe_ratio", "deflated_sharpe_ratio",
                "minimum_track_record_length_days", "meets_minimum_track_record", "probability_of_backtest_overfitting",
                "trials_for_deflation", "trial_sharpe_variance_per_day", "expected_maximum_sharpe_per_day",
                "sharpe_per_day", "skewness", "kurtosis_raw", "out_of_sample_days", "final_window_in_sample_days",
                "final_window_in_sample_sharpe_per_day", "final_window_in_sample_skewness",
                "final_window_in_sample_kurtosis_raw", "overfitting_partitions", "overfitting_trials",
                "overfitting_days")) {
            assertTrue(config.statistics().containsKey(key), key + " in " + config.statistics());
            Object value = config.statistics().get(key);
            assertTrue(value instanceof Number || value instanceof Boolean
                    || config.statistics().get(key + "_undefined_reason") instanceof String reason && !reason.isBlank(),
                    key + " in " + config.statistics());
        }
        for (String key : List.of("trade_count", "net_profit_fraction", "sharpe_daily", "max_drawdown_fraction",
                "gross_win_rate_fraction")) {
            assertInstanceOf(Number.class, config.outOfSampleMetrics().get(key), key + " in " + config.outOfSampleMetrics());
        }
    }

    private static Number number(Map<String, Object> map, String key) {
        return assertInstanceOf(Number.class, map.get(key), key + " in " + map);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> map, String key) {
        return assertInstanceOf(Map.class, map.get(key), key + " in " + map);
    }

    /** Sharpe of the repeated daily pattern: mean / sample sd * sqrt(365) over 90 days. */
    private static double sharpe(double[] pattern) {
        double[] xs = new double[90];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = pattern[i % pattern.length];
        }
        double mean = java.util.Arrays.stream(xs).average().orElseThrow();
        double ss = java.util.Arrays.stream(xs).map(x -> (x - mean) * (x - mean)).sum();
        return mean / Math.sqrt(ss / (xs.length - 1)) * Math.sqrt(365);
    }
}
