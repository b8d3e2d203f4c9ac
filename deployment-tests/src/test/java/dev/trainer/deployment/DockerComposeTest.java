package dev.trainer.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trainer.deployment.ContractTopics.Declared;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** docker-compose.yml against the services' application.properties and the contracts' topics. */
class DockerComposeTest {

    static final String FILE = "docker-compose.yml";

    /** What every service container must get, so that it finds the compose broker and database. */
    static final List<String> REQUIRED_ENV = List.of("KAFKA_BOOTSTRAP_SERVERS", "QUARKUS_DATASOURCE_JDBC_URL",
            "QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD");

    static final Pattern JDBC_URL = Pattern.compile("jdbc:postgresql://([^:/]+)(?::(\\d+))?/([^?]+).*");

    private static final JsonNode COMPOSE = Repo.yaml(FILE);

    static List<String> services() {
        return Repo.servicesUnderTest().toList();
    }

    @Test
    void buildsExactlyTheSixServices() {
        Set<String> built = new TreeSet<>();
        COMPOSE.path("services").properties().forEach(e -> {
            if (e.getValue().has("build")) {
                built.add(e.getKey());
            }
        });
        assertEquals(new TreeSet<>(Repo.SERVICES), built, FILE + ": the services built from this repository");
    }

    @Test
    void kafkaRunsInKraftModeWithoutAutoCreatedTopics() {
        JsonNode kafka = kafkaService().getValue();
        Map<String, String> env = environment(kafka);
        assertTrue(env.getOrDefault("KAFKA_PROCESS_ROLES", "").contains("controller"),
                FILE + ": the Kafka node must be its own KRaft controller (KAFKA_PROCESS_ROLES=broker,controller)");
        assertEquals("false", env.get("KAFKA_AUTO_CREATE_TOPICS_ENABLE"), FILE
                + ": topics come from the topic-init container only (KAFKA_AUTO_CREATE_TOPICS_ENABLE=false), so a"
                + " misspelt topic fails instead of silently creating a one-partition topic");
    }

    @Test
    void topicInitCreatesExactlyTheContractTopics() {
        Map.Entry<String, JsonNode> init = topicInitService();
        List<Declared> created = new ArrayList<>();
        for (String command : commandText(init.getValue()).split("\\n|;|&&|\\|\\|")) {
            List<String> words = List.of(command.trim().split("\\s+"));
            if (!command.contains("kafka-topics") || !words.contains("--create")) {
                continue;
            }
            String topic = option(words, "--topic");
            if (topic == null) {
                fail(FILE + ": " + init.getKey() + " creates a topic without --topic: " + command.trim());
            }
            String partitions = option(words, "--partitions");
            created.add(new Declared(topic, partitions == null ? null : Integer.valueOf(partitions)));
        }
        List<String> problems = ContractTopics.differences(created);
        assertTrue(problems.isEmpty(), () -> FILE + ": " + init.getKey()
                + " must create exactly Topics.allWithDeadLetters() with their partitions: " + String.join("; ", problems));
        String kafka = kafkaService().getKey();
        assertEquals("service_healthy", dependsOn(init.getValue()).get(kafka),
                FILE + ": " + init.getKey() + " must wait until " + kafka + " is healthy");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void containerIsNamedAfterTheApplication(String folder) {
        QuarkusService service = Repo.service(folder);
        assertTrue(COMPOSE.path("services").has(service.name()),
                FILE + " has no service " + service.name() + " (quarkus.application.name of " + folder + ")");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void buildsFromTheModuleDockerfileJvm(String folder) {
        JsonNode build = service(folder).path("build");
        String context = build.isTextual() ? build.asText() : Repo.text(build.path("context"));
        String dockerfile = build.isTextual() ? "Dockerfile" : Repo.text(build.path("dockerfile"));
        assertEquals(folder, context == null ? null : context.replaceFirst("^\\./", "").replaceFirst("/$", ""),
                FILE + ": " + folder + " must build with its module folder as context (the Dockerfile copies"
                        + " target/quarkus-app from it)");
        assertEquals("src/main/docker/Dockerfile.jvm", dockerfile, FILE + ": " + folder + " build.dockerfile");
        assertTrue(Files.isRegularFile(Repo.path(folder).resolve(dockerfile)),
                FILE + ": " + folder + "/" + dockerfile + " does not exist");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void publishesTheHttpPort(String folder) {
        int port = Repo.service(folder).httpPort();
        List<int[]> ports = ports(service(folder));
        assertTrue(ports.stream().anyMatch(p -> p[1] == port),
                () -> FILE + ": " + folder + " listens on quarkus.http.port=" + port + " but publishes container ports "
                        + ports.stream().map(p -> String.valueOf(p[1])).toList());
        assertTrue(ports.stream().anyMatch(p -> p[1] == port && p[0] == port),
                () -> FILE + ": " + folder + " must publish its port " + port + " on the same host port");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void setsOnlyEnvironmentVariablesQuarkusReads(String folder) {
        QuarkusService service = Repo.service(folder);
        Map<String, String> env = environment(service(folder));
        for (String required : REQUIRED_ENV) {
            assertTrue(env.containsKey(required), FILE + ": " + folder + " does not set " + required);
        }
        Set<String> known = service.environmentNames();
        List<String> unknown = env.keySet().stream()
                .filter(name -> !known.contains(name) && !name.startsWith("JAVA_"))
                .toList();
        assertTrue(unknown.isEmpty(), () -> FILE + ": " + folder + " sets " + unknown + ", which match no property of"
                + " its application.properties (Quarkus maps an environment variable onto a property by upper-casing"
                + " it and replacing every non-alphanumeric character with _)");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void pointsAtTheComposeKafkaAndPostgres(String folder) {
        Map<String, String> env = environment(service(folder));

        Map.Entry<String, JsonNode> kafka = kafkaService();
        String advertised = environment(kafka.getValue()).getOrDefault("KAFKA_ADVERTISED_LISTENERS", "");
        for (String required : REQUIRED_ENV) {
            assertNotNull(env.get(required), FILE + ": " + folder + " does not set " + required);
        }
        for (String server : env.get("KAFKA_BOOTSTRAP_SERVERS").split(",")) {
            assertTrue(server.startsWith(kafka.getKey() + ":") && advertised.contains("//" + server.trim()),
                    FILE + ": " + folder + " KAFKA_BOOTSTRAP_SERVERS=" + server + " is not a listener that "
                            + kafka.getKey() + " advertises on the compose network (" + advertised + ")");
        }

        String url = env.get("QUARKUS_DATASOURCE_JDBC_URL");
        Matcher m = JDBC_URL.matcher(url);
        assertTrue(m.matches(), FILE + ": " + folder + " QUARKUS_DATASOURCE_JDBC_URL=" + url + " is no PostgreSQL URL");
        JsonNode postgres = COMPOSE.path("services").path(m.group(1));
        assertTrue(Repo.text(postgres.path("image")) != null && postgres.path("image").asText().startsWith("postgres:17"),
                FILE + ": " + folder + " connects to host " + m.group(1) + ", which is no postgres:17 service");
        assertEquals("5432", m.group(2) == null ? "5432" : m.group(2), FILE + ": " + folder + " database port");
        Map<String, String> db = environment(postgres);
        assertEquals(db.get("POSTGRES_DB"), m.group(3), FILE + ": " + folder + " database name vs POSTGRES_DB");
        assertEquals(db.getOrDefault("POSTGRES_USER", "postgres"), env.get("QUARKUS_DATASOURCE_USERNAME"),
                FILE + ": " + folder + " QUARKUS_DATASOURCE_USERNAME vs POSTGRES_USER");
        assertEquals(db.get("POSTGRES_PASSWORD"), env.get("QUARKUS_DATASOURCE_PASSWORD"),
                FILE + ": " + folder + " QUARKUS_DATASOURCE_PASSWORD vs POSTGRES_PASSWORD");

        Map<String, String> dependsOn = dependsOn(service(folder));
        assertEquals("service_healthy", dependsOn.get(m.group(1)),
                FILE + ": " + folder + " must wait until " + m.group(1) + " is healthy");
        String init = topicInitService().getKey();
        assertEquals("service_completed_successfully", dependsOn.get(init),
                FILE + ": " + folder + " must wait until " + init + " has created the topics");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void healthcheckAsksForReadiness(String folder) {
        int port = Repo.service(folder).httpPort();
        String test = commandText(service(folder).path("healthcheck").path("test")).replace('\n', ' ').trim();
        // curl/wget http://127.0.0.1:<port>/q/health/ready, or bash's /dev/tcp/127.0.0.1/<port> with GET /q/health/ready
        boolean url = Pattern.compile("https?://(localhost|127\\.0\\.0\\.1):" + port + "/q/health/ready\\b").matcher(test).find();
        boolean tcp = Pattern.compile("/dev/tcp/(localhost|127\\.0\\.0\\.1)/" + port + "\\b").matcher(test).find()
                && test.contains("GET /q/health/ready ");
        assertTrue(url || tcp,
                FILE + ": " + folder + " healthcheck must ask /q/health/ready on port " + port + ", it runs: " + test);
    }

    // ------------------------------------------------------------------------------------------------------------

    static JsonNode service(String name) {
        JsonNode service = COMPOSE.path("services").path(name);
        if (service.isMissingNode()) {
            fail(FILE + " has no service " + name);
        }
        return service;
    }

    static Map.Entry<String, JsonNode> kafkaService() {
        return single("a Kafka broker (image apache/kafka)",
                s -> Repo.text(s.path("image")) != null && s.path("image").asText().startsWith("apache/kafka")
                        && !commandText(s).contains("kafka-topics"));
    }

    static Map.Entry<String, JsonNode> topicInitService() {
        return single("a topic-init container (runs kafka-topics.sh --create)",
                s -> commandText(s).contains("kafka-topics") && commandText(s).contains("--create"));
    }

    private static Map.Entry<String, JsonNode> single(String what, java.util.function.Predicate<JsonNode> test) {
        List<Map.Entry<String, JsonNode>> found = COMPOSE.path("services").properties().stream()
                .filter(e -> test.test(e.getValue()))
                .toList();
        if (found.size() != 1) {
            fail(FILE + " must define exactly one service that is " + what + ", found "
                    + found.stream().map(Map.Entry::getKey).toList());
        }
        return found.get(0);
    }

    /** environment: as a map or as a list of NAME=value. */
    static Map<String, String> environment(JsonNode service) {
        Map<String, String> env = new LinkedHashMap<>();
        JsonNode node = service.path("environment");
        if (node.isObject()) {
            node.properties().forEach(e -> env.put(e.getKey(), Repo.text(e.getValue())));
        } else if (node.isArray()) {
            node.forEach(item -> {
                String s = item.asText();
                int eq = s.indexOf('=');
                env.put(eq < 0 ? s : s.substring(0, eq), eq < 0 ? null : s.substring(eq + 1));
            });
        }
        return env;
    }

    /** depends_on: service to condition (service_started for the list form). */
    static Map<String, String> dependsOn(JsonNode service) {
        Map<String, String> deps = new LinkedHashMap<>();
        JsonNode node = service.path("depends_on");
        if (node.isArray()) {
            node.forEach(item -> deps.put(item.asText(), "service_started"));
        } else if (node.isObject()) {
            node.properties().forEach(e -> deps.put(e.getKey(),
                    e.getValue().path("condition").asText("service_started")));
        }
        return deps;
    }

    /** ports: {host port or -1, container port}, short ("[ip:]host:container[/proto]") or long syntax. */
    static List<int[]> ports(JsonNode service) {
        List<int[]> ports = new ArrayList<>();
        service.path("ports").forEach(item -> {
            if (item.isObject()) {
                String published = Repo.text(item.path("published"));
                ports.add(new int[] {published == null ? -1 : Integer.parseInt(published), item.path("target").asInt()});
            } else {
                String[] parts = item.asText().replaceFirst("/(tcp|udp)$", "").split(":");
                int container = Integer.parseInt(parts[parts.length - 1]);
                int host = parts.length > 1 && !parts[parts.length - 2].isEmpty()
                        ? Integer.parseInt(parts[parts.length - 2]) : -1;
                ports.add(new int[] {host, container});
            }
        });
        return ports;
    }

    /** entrypoint and command of a service (or a healthcheck test), string or list, as one text. */
    static String commandText(JsonNode node) {
        StringBuilder text = new StringBuilder();
        for (JsonNode part : node.isObject() ? List.of(node.path("entrypoint"), node.path("command")) : List.of(node)) {
            if (part.isArray()) {
                part.forEach(p -> text.append(p.asText()).append('\n'));
            } else if (part.isValueNode()) {
                text.append(part.asText()).append('\n');
            }
        }
        return text.toString();
    }

    private static String option(List<String> words, String name) {
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            if (word.equals(name) && i + 1 < words.size()) {
                return unquote(words.get(i + 1));
            }
            if (word.startsWith(name + "=")) {
                return unquote(word.substring(name.length() + 1));
            }
        }
        return null;
    }

    private static String unquote(String s) {
        return s.replaceAll("^[\"']|[\"']$", "");
    }
}
