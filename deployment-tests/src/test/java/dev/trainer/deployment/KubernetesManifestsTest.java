package dev.trainer.deployment;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trainer.contracts.Topics;
import dev.trainer.deployment.ContractTopics.Declared;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The manifests under k8s/ against the services' application.properties and the contracts' topics. */
class KubernetesManifestsTest {

    static final String DIR = "k8s";
    static final String KUSTOMIZATION = DIR + "/kustomization.yaml";

    /** A manifest document and the file it came from. */
    record Manifest(String file, JsonNode body) {
        String kind() {
            return body.path("kind").asText();
        }

        String name() {
            return body.path("metadata").path("name").asText();
        }

        String apiGroup() {
            String apiVersion = body.path("apiVersion").asText();
            return apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
        }
    }

    private static final List<Manifest> MANIFESTS = load();

    static List<String> services() {
        return Repo.servicesUnderTest().toList();
    }

    // ---------------------------------------------------------------------------------------------- the whole set

    @Test
    void kustomizationListsEveryManifest() {
        JsonNode kustomization = Repo.yaml(KUSTOMIZATION);
        Set<String> listed = new TreeSet<>();
        kustomization.path("resources").forEach(r -> listed.add(r.asText().replaceFirst("^\\./", "")));
        Set<String> files = new TreeSet<>();
        for (Manifest m : MANIFESTS) {
            files.add(m.file().substring(DIR.length() + 1));
        }
        assertEquals(files, listed, KUSTOMIZATION + " resources must list every manifest file under k8s/ (and no other)");
        String namespace = Repo.text(kustomization.path("namespace"));
        assertNotNull(namespace, KUSTOMIZATION + " sets no namespace");
        assertTrue(find("Namespace", namespace).isPresent(), "k8s/ has no Namespace " + namespace);
    }

    @Test
    void deploymentsAreExactlyTheSixServices() {
        assertEquals(new TreeSet<>(Repo.SERVICES), names("Deployment"), "the Deployments under k8s/");
        assertEquals(new TreeSet<>(Repo.SERVICES), names("Service"), "the Services under k8s/");
    }

    @Test
    void kafkaIsAStrimziKraftClusterWithANodePool() {
        JsonNode kafka = kafka().body();
        assertFalse(kafka.path("spec").has("zookeeper"), "the Strimzi Kafka must run in KRaft mode, without ZooKeeper");
        Set<String> roles = new TreeSet<>();
        for (Manifest pool : all("KafkaNodePool")) {
            if (kafka().name().equals(pool.body().path("metadata").path("labels").path("strimzi.io/cluster").asText())) {
                pool.body().path("spec").path("roles").forEach(r -> roles.add(r.asText()));
            }
        }
        assertEquals(Set.of("broker", "controller"), roles,
                "the KafkaNodePools of Kafka " + kafka().name() + " must provide the KRaft controller and broker roles");
        assertTrue(kafka.path("spec").path("entityOperator").has("topicOperator"),
                "Kafka " + kafka().name() + " needs entityOperator.topicOperator to reconcile the KafkaTopic resources");
        assertEquals("false", Repo.text(kafka.path("spec").path("kafka").path("config").path("auto.create.topics.enable")),
                "Kafka " + kafka().name() + ": topics come from the KafkaTopic resources only (auto.create.topics.enable: false)");
    }

    @Test
    void kafkaTopicsAreExactlyTheContractTopics() {
        List<Declared> declared = new ArrayList<>();
        List<String> foreign = new ArrayList<>();
        for (Manifest topic : all("KafkaTopic")) {
            JsonNode spec = topic.body().path("spec");
            String name = spec.has("topicName") ? spec.path("topicName").asText() : topic.name();
            declared.add(new Declared(name, spec.has("partitions") ? spec.path("partitions").asInt() : null));
            String cluster = topic.body().path("metadata").path("labels").path("strimzi.io/cluster").asText();
            if (!cluster.equals(kafka().name())) {
                foreign.add(name + " (strimzi.io/cluster=" + cluster + ")");
            }
        }
        List<String> problems = ContractTopics.differences(declared);
        assertTrue(problems.isEmpty(), () -> "the KafkaTopic resources must be exactly Topics.allWithDeadLetters() with"
                + " their partitions: " + String.join("; ", problems));
        assertTrue(foreign.isEmpty(), () -> "KafkaTopic resources not labelled for Kafka " + kafka().name()
                + ", which the Topic Operator ignores: " + foreign);
    }

    @Test
    void postgresIsACloudNativePgCluster() {
        JsonNode cluster = postgres().body();
        String image = Repo.text(cluster.path("spec").path("imageName"));
        assertTrue(image == null || image.matches(".*postgresql:17([.-].*)?"),
                "the CloudNativePG Cluster must run PostgreSQL 17, imageName is " + image);
        assertNotNull(Repo.text(cluster.path("spec").path("bootstrap").path("initdb").path("database")),
                "the CloudNativePG Cluster must create the application database (spec.bootstrap.initdb.database)");
    }

    // ------------------------------------------------------------------------------------------------ per service

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void deploymentRunsTheServiceOnItsHttpPort(String folder) {
        QuarkusService service = Repo.service(folder);
        JsonNode container = container(service.name());
        int port = service.httpPort();
        List<Integer> ports = new ArrayList<>();
        container.path("ports").forEach(p -> ports.add(p.path("containerPort").asInt()));
        assertTrue(ports.contains(port), "Deployment " + service.name() + ": the container ports " + ports
                + " must include quarkus.http.port=" + port);
        assertTrue(Repo.text(container.path("image")) != null
                        && container.path("image").asText().contains("/" + service.name() + ":"),
                "Deployment " + service.name() + " runs image " + Repo.text(container.path("image")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void serviceExposesTheHttpPort(String folder) {
        QuarkusService service = Repo.service(folder);
        JsonNode k8sService = get("Service", service.name()).body();
        JsonNode port = k8sService.path("spec").path("ports").path(0);
        assertEquals(service.httpPort(), port.path("port").asInt(),
                "Service " + service.name() + ": port must be quarkus.http.port");
        JsonNode target = port.has("targetPort") ? port.path("targetPort") : port.path("port");
        assertEquals(service.httpPort(), resolvePort(container(service.name()), target),
                "Service " + service.name() + ": targetPort must reach the container's quarkus.http.port");
        JsonNode selector = k8sService.path("spec").path("selector");
        JsonNode labels = deployment(service.name()).path("spec").path("template").path("metadata").path("labels");
        assertFalse(selector.isEmpty(), "Service " + service.name() + " has no selector");
        selector.properties().forEach(e -> assertEquals(e.getValue().asText(), labels.path(e.getKey()).asText(),
                "Service " + service.name() + " selects " + e.getKey() + "=" + e.getValue().asText()
                        + ", which the pods of Deployment " + service.name() + " do not carry"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void setsOnlyEnvironmentVariablesQuarkusReads(String folder) {
        QuarkusService service = Repo.service(folder);
        JsonNode container = container(service.name());
        Map<String, String> configMap = configMapEnvironment(container);
        Map<String, JsonNode> env = new LinkedHashMap<>();
        container.path("env").forEach(e -> env.put(e.path("name").asText(), e));

        for (String key : List.of("KAFKA_BOOTSTRAP_SERVERS", "QUARKUS_DATASOURCE_JDBC_URL")) {
            assertTrue(configMap.containsKey(key), "Deployment " + service.name() + ": its ConfigMap must set " + key);
        }
        assertTrue(env.containsKey("QUARKUS_DATASOURCE_USERNAME") || configMap.containsKey("QUARKUS_DATASOURCE_USERNAME"),
                "Deployment " + service.name() + " does not set QUARKUS_DATASOURCE_USERNAME");
        JsonNode password = env.get("QUARKUS_DATASOURCE_PASSWORD");
        assertTrue(password != null && password.path("valueFrom").has("secretKeyRef"),
                "Deployment " + service.name() + ": QUARKUS_DATASOURCE_PASSWORD must come from a Secret (secretKeyRef)");
        assertFalse(configMap.containsKey("QUARKUS_DATASOURCE_PASSWORD"),
                "Deployment " + service.name() + ": the database password must not be in a ConfigMap");

        Set<String> known = service.environmentNames();
        List<String> unknown = Stream.concat(configMap.keySet().stream(), env.keySet().stream())
                .filter(name -> !known.contains(name) && !name.startsWith("JAVA_"))
                .toList();
        assertTrue(unknown.isEmpty(), () -> "Deployment " + service.name() + " sets " + unknown + ", which match no"
                + " property of its application.properties (Quarkus maps an environment variable onto a property by"
                + " upper-casing it and replacing every non-alphanumeric character with _)");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void pointsAtTheOperatorManagedKafkaAndPostgres(String folder) {
        QuarkusService service = Repo.service(folder);
        JsonNode container = container(service.name());
        Map<String, String> configMap = configMapEnvironment(container);

        for (String key : List.of("KAFKA_BOOTSTRAP_SERVERS", "QUARKUS_DATASOURCE_JDBC_URL")) {
            assertNotNull(configMap.get(key), "Deployment " + service.name() + ": its ConfigMap must set " + key);
        }

        // Strimzi names the bootstrap Service <cluster>-kafka-bootstrap
        String bootstrapHost = kafka().name() + "-kafka-bootstrap";
        Set<Integer> plainPorts = new TreeSet<>();
        kafka().body().path("spec").path("kafka").path("listeners").forEach(l -> {
            if (!l.path("tls").asBoolean(false) && !l.has("authentication")) {
                plainPorts.add(l.path("port").asInt());
            }
        });
        for (String server : configMap.get("KAFKA_BOOTSTRAP_SERVERS").split(",")) {
            String[] hostPort = server.trim().split(":");
            assertTrue(hostPort.length == 2 && isServiceHost(hostPort[0], bootstrapHost)
                            && plainPorts.contains(Integer.parseInt(hostPort[1])),
                    "ConfigMap of " + service.name() + ": KAFKA_BOOTSTRAP_SERVERS=" + server + " must be " + bootstrapHost
                            + " on a plain listener port of Kafka " + kafka().name() + " " + plainPorts);
        }

        // CloudNativePG names the primary's Service <cluster>-rw and the owner's Secret <cluster>-app
        Manifest postgres = postgres();
        String url = configMap.get("QUARKUS_DATASOURCE_JDBC_URL");
        Matcher m = DockerComposeTest.JDBC_URL.matcher(url);
        assertTrue(m.matches(), "ConfigMap of " + service.name() + ": QUARKUS_DATASOURCE_JDBC_URL=" + url + " is no PostgreSQL URL");
        assertTrue(isServiceHost(m.group(1), postgres.name() + "-rw"), "ConfigMap of " + service.name()
                + ": the JDBC URL must point at " + postgres.name() + "-rw (the primary), not " + m.group(1));
        assertEquals("5432", m.group(2) == null ? "5432" : m.group(2), "ConfigMap of " + service.name() + ": database port");
        assertEquals(postgres.body().path("spec").path("bootstrap").path("initdb").path("database").asText(), m.group(3),
                "ConfigMap of " + service.name() + ": the database must be the one the CloudNativePG Cluster creates");
        container.path("env").forEach(e -> {
            JsonNode ref = e.path("valueFrom").path("secretKeyRef");
            if (!ref.isMissingNode() && e.path("name").asText().startsWith("QUARKUS_DATASOURCE_")) {
                assertEquals(postgres.name() + "-app", ref.path("name").asText(), "Deployment " + service.name() + ": "
                        + e.path("name").asText() + " must come from the Secret CloudNativePG creates for the owner");
            }
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void probesAskQuarkusHealthOnTheHttpPort(String folder) {
        QuarkusService service = Repo.service(folder);
        JsonNode container = container(service.name());
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("livenessProbe", "/q/health/live");
        expected.put("readinessProbe", "/q/health/ready");
        List<Executable> checks = new ArrayList<>();
        expected.forEach((probe, path) -> {
            JsonNode get = container.path(probe).path("httpGet");
            checks.add(() -> assertEquals(path, Repo.text(get.path("path")),
                    "Deployment " + service.name() + ": " + probe + " path"));
            checks.add(() -> assertEquals(service.httpPort(), resolvePort(container, get.path("port")),
                    "Deployment " + service.name() + ": " + probe + " must ask quarkus.http.port"));
        });
        assertAll(checks);
        JsonNode startup = container.path("startupProbe").path("httpGet");
        if (!startup.isMissingNode()) {
            assertTrue(startup.path("path").asText().startsWith("/q/health"),
                    "Deployment " + service.name() + ": startupProbe path " + startup.path("path").asText());
            assertEquals(service.httpPort(), resolvePort(container, startup.path("port")),
                    "Deployment " + service.name() + ": startupProbe must ask quarkus.http.port");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void reservesAndLimitsResources(String folder) {
        QuarkusService service = Repo.service(folder);
        JsonNode resources = container(service.name()).path("resources");
        for (String bound : List.of("requests", "limits")) {
            for (String resource : List.of("cpu", "memory")) {
                assertNotNull(Repo.text(resources.path(bound).path(resource)),
                        "Deployment " + service.name() + " sets no resources." + bound + "." + resource);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void prometheusScrapesTheMetricsEndpoint(String folder) {
        QuarkusService service = Repo.service(folder);
        JsonNode annotations = deployment(service.name()).path("spec").path("template").path("metadata").path("annotations");
        assertEquals("true", Repo.text(annotations.path("prometheus.io/scrape")),
                "Deployment " + service.name() + ": pod annotation prometheus.io/scrape");
        assertEquals(service.metricsPath(), Repo.text(annotations.path("prometheus.io/path")),
                "Deployment " + service.name() + ": pod annotation prometheus.io/path");
        assertEquals(String.valueOf(service.httpPort()), Repo.text(annotations.path("prometheus.io/port")),
                "Deployment " + service.name() + ": pod annotation prometheus.io/port");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void replicasHaveAPartitionToConsume(String folder) {
        QuarkusService service = Repo.service(folder);
        int replicas = deployment(service.name()).path("spec").path("replicas").asInt(1);
        Map<String, Integer> partitions = ContractTopics.expected();
        int most = Topics.CONSUMED_BY.getOrDefault(service.name(), List.of()).stream()
                .mapToInt(partitions::get).max().orElse(Integer.MAX_VALUE);
        assertTrue(replicas >= 1 && replicas <= most, "Deployment " + service.name() + " has " + replicas
                + " replicas in one consumer group, but its busiest topic has " + most + " partitions: the rest would idle");
    }

    // ------------------------------------------------------------------------------------------------------------

    private static List<Manifest> load() {
        Path dir = Repo.path(DIR);
        if (!Files.isDirectory(dir)) {
            fail(DIR + "/ does not exist under " + Repo.root());
        }
        try (Stream<Path> files = Files.walk(dir)) {
            List<Manifest> manifests = new ArrayList<>();
            files.filter(f -> f.toString().matches(".*\\.ya?ml"))
                    .filter(f -> !f.getFileName().toString().matches("kustomization\\.ya?ml"))
                    .sorted()
                    .forEach(f -> {
                        String file = Repo.root().relativize(f).toString().replace('\\', '/');
                        Repo.yamlDocuments(f).forEach(body -> manifests.add(new Manifest(file, body)));
                    });
            return manifests;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Manifest> all(String kind) {
        return MANIFESTS.stream().filter(m -> m.kind().equals(kind)).toList();
    }

    private static Set<String> names(String kind) {
        Set<String> names = new TreeSet<>();
        all(kind).forEach(m -> names.add(m.name()));
        return names;
    }

    private static java.util.Optional<Manifest> find(String kind, String name) {
        return MANIFESTS.stream().filter(m -> m.kind().equals(kind) && m.name().equals(name)).findFirst();
    }

    private static Manifest get(String kind, String name) {
        List<Manifest> found = MANIFESTS.stream().filter(m -> m.kind().equals(kind) && m.name().equals(name)).toList();
        if (found.size() != 1) {
            fail("k8s/ must define exactly one " + kind + " " + name + ", found " + found.size());
        }
        return found.get(0);
    }

    private static Manifest kafka() {
        return only("Kafka", "kafka.strimzi.io");
    }

    private static Manifest postgres() {
        return only("Cluster", "postgresql.cnpg.io");
    }

    private static Manifest only(String kind, String group) {
        List<Manifest> found = MANIFESTS.stream().filter(m -> m.kind().equals(kind) && m.apiGroup().equals(group)).toList();
        if (found.size() != 1) {
            fail("k8s/ must define exactly one " + group + " " + kind + ", found " + found.size());
        }
        return found.get(0);
    }

    private static JsonNode deployment(String name) {
        return get("Deployment", name).body();
    }

    /** The Deployment's container named after the service (or its only container). */
    private static JsonNode container(String name) {
        JsonNode containers = deployment(name).path("spec").path("template").path("spec").path("containers");
        for (JsonNode c : containers) {
            if (c.path("name").asText().equals(name)) {
                return c;
            }
        }
        if (containers.size() == 1) {
            return containers.get(0);
        }
        return fail("Deployment " + name + " has no container " + name);
    }

    /** A port given by number or by the name of one of the container's ports. */
    private static int resolvePort(JsonNode container, JsonNode port) {
        if (port.isNumber() || port.asText().matches("\\d+")) {
            return port.asInt();
        }
        for (JsonNode p : container.path("ports")) {
            if (p.path("name").asText().equals(port.asText())) {
                return p.path("containerPort").asInt();
            }
        }
        return fail("container " + container.path("name").asText() + " has no port named " + port.asText());
    }

    /** The ConfigMap entries a container gets through envFrom. */
    private static Map<String, String> configMapEnvironment(JsonNode container) {
        Map<String, String> env = new HashMap<>();
        container.path("envFrom").forEach(from -> {
            String name = Repo.text(from.path("configMapRef").path("name"));
            if (name != null) {
                get("ConfigMap", name).body().path("data").properties()
                        .forEach(e -> env.put(e.getKey(), Repo.text(e.getValue())));
            }
        });
        return env;
    }

    /** host is the Service, possibly qualified: name, name.namespace, name.namespace.svc[.cluster.local]. */
    private static boolean isServiceHost(String host, String service) {
        return host.equals(service) || host.startsWith(service + ".");
    }
}
