package dev.trainer.deployment;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * The repository as the deployment files see it: the six services, their application.properties, and the YAML
 * files. Everything is read from the working tree, nothing is started.
 */
final class Repo {

    /** Every service module, which is also its quarkus.application.name, consumer group and container name. */
    static final List<String> SERVICES = List.of(
            "market-data-service",
            "cleaning-service",
            "optimizer-service",
            "validation-service",
            "config-registry-service",
            "circuit-breaker-service");

    /**
     * -Ddeployment-tests.existing-only=true leaves out the services that have no application.properties yet;
     * by default such a service fails the tests.
     */
    static final boolean EXISTING_ONLY = Boolean.getBoolean("deployment-tests.existing-only");

    static final String PROPERTIES = "src/main/resources/application.properties";

    private static final YAMLMapper YAML = new YAMLMapper();
    private static final Path ROOT = findRoot();

    private Repo() {
    }

    static Path root() {
        return ROOT;
    }

    static Path path(String relative) {
        return ROOT.resolve(relative);
    }

    static Path propertiesOf(String service) {
        return path(service).resolve(PROPERTIES);
    }

    static boolean hasProperties(String service) {
        return Files.isRegularFile(propertiesOf(service));
    }

    static List<String> missingProperties() {
        return SERVICES.stream().filter(s -> !hasProperties(s)).toList();
    }

    /** The services the per-service tests run for: all six, or with existing-only those with application.properties. */
    static Stream<String> servicesUnderTest() {
        return SERVICES.stream().filter(s -> !EXISTING_ONLY || hasProperties(s));
    }

    /** The service's application.properties, or a failure that says it does not exist yet. */
    static QuarkusService service(String folder) {
        Path file = propertiesOf(folder);
        if (!Files.isRegularFile(file)) {
            fail(folder + ": " + ROOT.relativize(file) + " does not exist (yet). Every service needs one, and the"
                    + " deployment files are checked against it. To check only the services that have one, run with"
                    + " -Ddeployment-tests.existing-only=true.");
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new QuarkusService(folder, properties);
    }

    /** A single-document YAML file. */
    static JsonNode yaml(String relative) {
        Path file = path(relative);
        if (!Files.isRegularFile(file)) {
            fail(relative + " does not exist under " + ROOT);
        }
        try {
            return YAML.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot parse " + relative, e);
        }
    }

    /** Every non-empty document of a (possibly multi-document) YAML file. */
    static List<JsonNode> yamlDocuments(Path file) {
        List<JsonNode> documents = new ArrayList<>();
        try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(file.toFile())) {
            while (it.hasNext()) {
                JsonNode document = it.next();
                if (document != null && document.isObject() && !document.isEmpty()) {
                    documents.add(document);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot parse " + ROOT.relativize(file), e);
        }
        return documents;
    }

    /** Text of a YAML scalar (numbers and booleans included), null when absent. */
    static String text(JsonNode node) {
        return node == null || node.isMissingNode() || node.isNull() ? null : node.asText();
    }

    /** How Quarkus spells a property as an environment variable: every non-alphanumeric character becomes _. */
    static String envName(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(java.util.Locale.ROOT);
    }

    private static Path findRoot() {
        String configured = System.getProperty("deployment-tests.root");
        Path start = (configured != null ? Path.of(configured) : Path.of("").toAbsolutePath()).normalize();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("pom.xml")) && Files.isDirectory(dir.resolve("libs/contracts"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no repository root (pom.xml next to libs/contracts) at or above " + start);
    }
}
