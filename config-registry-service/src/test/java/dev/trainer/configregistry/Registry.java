package dev.trainer.configregistry;

import static io.restassured.RestAssured.given;

import dev.trainer.contracts.Topics;
import dev.trainer.contracts.events.ConfigTrained;
import dev.trainer.devinfra.TestKafka;
import io.restassured.RestAssured;
import io.restassured.config.JsonConfig;
import io.restassured.path.json.config.JsonPathConfig;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.ConfigProvider;

/** The registry under test as other services reach it: configurations in through Kafka, out through REST. */
final class Registry {

    static {
        // JSON numbers with a fraction as doubles, not floats, so they compare exactly with the stored doubles
        RestAssured.config = RestAssured.config().jsonConfig(
                JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.DOUBLE));
    }

    private final TestKafka kafka = new TestKafka(
            ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));

    /** Publishes every configuration on configs.trained, then waits until the registry serves each. */
    void store(ConfigTrained... configs) throws Exception {
        for (ConfigTrained c : configs) {
            kafka.publish(Topics.CONFIGS_TRAINED, c.configId(), c);
        }
        for (ConfigTrained c : configs) {
            awaitStored(c.configId());
        }
    }

    /** One at a time, so that they are stored (created) in this order. */
    void storeInOrder(ConfigTrained... configs) throws Exception {
        for (ConfigTrained c : configs) {
            store(c);
        }
    }

    static void awaitStored(String configId) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                given().when().get("/api/configs/" + configId).then().statusCode(200));
    }
}
