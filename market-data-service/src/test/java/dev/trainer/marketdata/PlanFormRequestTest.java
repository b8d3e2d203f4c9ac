package dev.trainer.marketdata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trainer.contracts.Topics;
import dev.trainer.contracts.events.TrainingRequested;
import dev.trainer.contracts.events.TrainingStatus;
import dev.trainer.contracts.events.TrainingStatus.State;
import dev.trainer.contracts.serde.EventJson;
import dev.trainer.devinfra.InfraTestResource;
import dev.trainer.devinfra.TestKafka;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * A training request in the plan's TrainingConfig form, published verbatim on training.requests: market-data-service
 * acts on it under the job id derived from the record, the one optimizer-service derives from the same record.
 */
@QuarkusTest
@WithTestResource(InfraTestResource.class)
class PlanFormRequestTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    private final TestKafka kafka = new TestKafka(
            ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));

    @Test
    void aPlanFormRecordIsActedOnUnderTheJobIdDerivedFromItsContent() throws Exception {
        // a user of its own, so that the record (and so its job id) is new on a persistent broker too
        String value = """
                {
                  "userId": "%s",
                  "strategy": "SMA_CROSSOVER",
                  "pairs": ["BTC/USD"],
                  "exchanges": ["nowhere"],
                  "timeframes": ["1h"],
                  "optimizationMethod": "grid",
                  "optimizationParams": {},
                  "validationMethod": "train_test_split",
                  "validationParams": {"trainRatio": 0.7},
                  "historicalPeriodMonths": 1
                }
                """.formatted("plan-form-" + UUID.randomUUID());
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        // what optimizer-service's consumer reads from the same record
        String jobId = EventJson.read(bytes, TrainingRequested.class).jobId();
        kafka.publishRaw(Topics.TRAINING_REQUESTS, null, bytes);

        TrainingStatus failed = kafka.read(Topics.TRAINING_STATUS, TrainingStatus.class, s -> s.jobId().equals(jobId), 1, WAIT,
                Duration.ZERO).get(0);
        assertEquals(State.MARKET_FAILED, failed.state());
        assertTrue(failed.message().contains("unknown exchange 'nowhere'"), failed.message());
    }
}
