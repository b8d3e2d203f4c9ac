package dev.trainer.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.trainer.contracts.Topics;
import dev.trainer.contracts.Topics.TopicSpec;
import dev.trainer.deployment.QuarkusService.Direction;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Each service's application.properties against the contracts: names, topics, consumer groups, dead letters. */
class ApplicationPropertiesTest {

    private static final Set<String> CONTRACT_TOPICS = Topics.allWithDeadLetters().stream()
            .map(TopicSpec::name)
            .collect(Collectors.toCollection(TreeSet::new));

    static List<String> services() {
        return Repo.servicesUnderTest().toList();
    }

    @Test
    void everyServiceHasApplicationProperties() {
        List<String> missing = Repo.missingProperties();
        assumeFalse(Repo.EXISTING_ONLY && !missing.isEmpty(),
                () -> "left out by -Ddeployment-tests.existing-only=true, no application.properties yet: " + missing);
        assertTrue(missing.isEmpty(), () -> "no " + Repo.PROPERTIES + " yet in " + missing
                + ": the deployment files cannot be checked against those services. (While they are being written,"
                + " -Ddeployment-tests.existing-only=true checks only the others.)");
    }

    @Test
    void everyContractConsumerIsAService() {
        assertTrue(Repo.SERVICES.containsAll(Topics.CONSUMED_BY.keySet()),
                () -> "Topics.CONSUMED_BY names consumer groups that are no service: "
                        + Topics.CONSUMED_BY.keySet().stream().filter(g -> !Repo.SERVICES.contains(g)).toList());
    }

    @Test
    void portsAndSchemasAreDistinct() {
        Map<Integer, String> ports = new HashMap<>();
        Map<String, String> schemas = new HashMap<>();
        List<String> clashes = new ArrayList<>();
        for (String folder : Repo.SERVICES) {
            if (!Repo.hasProperties(folder)) {
                continue; // reported by everyServiceHasApplicationProperties
            }
            QuarkusService service = Repo.service(folder);
            String otherPort = ports.put(service.httpPort(), folder);
            if (otherPort != null) {
                clashes.add("quarkus.http.port " + service.httpPort() + ": " + otherPort + " and " + folder);
            }
            String schema = service.get("quarkus.flyway.schemas");
            if (schema != null) {
                String otherSchema = schemas.put(schema, folder);
                if (otherSchema != null) {
                    clashes.add("schema " + schema + ": " + otherSchema + " and " + folder);
                }
            }
        }
        assertTrue(clashes.isEmpty(), () -> "two services share " + clashes);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void applicationNameIsTheModuleName(String folder) {
        QuarkusService service = Repo.service(folder);
        assertEquals(folder, service.name(), folder + ": quarkus.application.name must be the module name,"
                + " which compose, the Kubernetes objects and the consumer groups are named after");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void ownsOneSchema(String folder) {
        QuarkusService service = Repo.service(folder);
        assertEquals(service.require("quarkus.flyway.schemas"),
                service.require("quarkus.hibernate-orm.database.default-schema"),
                folder + ": Flyway migrates one schema and Hibernate must use that same schema");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void kafkaAndDatabaseAreConfiguredHere(String folder) {
        QuarkusService service = Repo.service(folder);
        // the deployments override these through environment variables, which Quarkus maps onto these keys
        for (String key : List.of("kafka.bootstrap.servers", "quarkus.datasource.jdbc.url",
                "quarkus.datasource.username", "quarkus.datasource.password")) {
            assertNotNull(service.get(key), folder + ": application.properties does not set " + key);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void everyChannelNamesAContractTopic(String folder) {
        QuarkusService service = Repo.service(folder);
        List<String> problems = new ArrayList<>();
        for (Direction direction : Direction.values()) {
            for (String channel : service.channels(direction)) {
                String where = "mp.messaging." + direction.key() + "." + channel;
                String topic = service.channel(direction, channel, "topic");
                if (topic == null) {
                    // without .topic SmallRye uses the channel name, which is no topic of the contracts
                    problems.add(where + ".topic is not set (the channel name would be used as the topic)");
                } else if (!CONTRACT_TOPICS.contains(topic)) {
                    problems.add(where + ".topic=" + topic + " is no topic of Topics.allWithDeadLetters()");
                }
                String deadLetter = service.channel(direction, channel, "dead-letter-queue.topic");
                if (deadLetter != null && !CONTRACT_TOPICS.contains(deadLetter)) {
                    problems.add(where + ".dead-letter-queue.topic=" + deadLetter
                            + " is no topic of Topics.allWithDeadLetters()");
                }
            }
        }
        assertTrue(problems.isEmpty(), () -> folder + ": " + String.join("; ", problems));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void everyConsumerGroupIsTheServiceName(String folder) {
        QuarkusService service = Repo.service(folder);
        for (String channel : service.channels(Direction.INCOMING)) {
            assertEquals(folder, service.channel(Direction.INCOMING, channel, "group.id"),
                    folder + ": mp.messaging.incoming." + channel + ".group.id must be the service name (Topics.CONSUMED_BY"
                            + " and the dead-letter topic names are keyed by it; every replica shares the group)");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void consumesWhatTheContractsSay(String folder) {
        QuarkusService service = Repo.service(folder);
        Set<String> consumed = service.channels(Direction.INCOMING).stream()
                .map(channel -> service.channel(Direction.INCOMING, channel, "topic"))
                .filter(t -> t != null)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> contract = new TreeSet<>(Topics.CONSUMED_BY.getOrDefault(folder, List.of()));
        assertEquals(contract, consumed, folder + ": the incoming topics of application.properties differ from"
                + " Topics.CONSUMED_BY, which decides the dead-letter topics the brokers create");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void everyIncomingChannelHasItsContractDeadLetterTopic(String folder) {
        QuarkusService service = Repo.service(folder);
        List<String> problems = new ArrayList<>();
        for (String channel : service.channels(Direction.INCOMING)) {
            String where = "mp.messaging.incoming." + channel;
            String topic = service.channel(Direction.INCOMING, channel, "topic");
            String strategy = service.channel(Direction.INCOMING, channel, "failure-strategy");
            String deadLetter = service.channel(Direction.INCOMING, channel, "dead-letter-queue.topic");
            String expected = Topics.deadLetter(topic, folder);
            if (!"dead-letter-queue".equals(strategy)) {
                problems.add(where + ".failure-strategy=" + strategy + ", expected dead-letter-queue (" + expected
                        + " exists for it)");
            }
            if (!expected.equals(deadLetter)) {
                problems.add(where + ".dead-letter-queue.topic=" + deadLetter + ", expected " + expected);
            }
        }
        assertTrue(problems.isEmpty(), () -> folder + ": " + String.join("; ", problems));
    }
}
