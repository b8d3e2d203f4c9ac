package dev.trainer.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** src/main/docker/Dockerfile.jvm and Dockerfile.native of every service, by the Quarkus conventions. */
class DockerfilesTest {

    static final String JVM = "src/main/docker/Dockerfile.jvm";
    static final String NATIVE = "src/main/docker/Dockerfile.native";

    private static final Pattern FROM = Pattern.compile("(?m)^FROM\\s+(\\S+)");
    private static final Pattern EXPOSE = Pattern.compile("(?m)^EXPOSE\\s+(.+)$");

    static List<String> allServices() {
        return Repo.SERVICES;
    }

    static List<String> services() {
        return Repo.servicesUnderTest().toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allServices")
    void hasBothDockerfiles(String folder) {
        for (String dockerfile : List.of(JVM, NATIVE)) {
            assertTrue(Files.isRegularFile(Repo.path(folder).resolve(dockerfile)), folder + "/" + dockerfile + " does not exist");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allServices")
    void jvmImageRunsTheFastJarOnJava21(String folder) {
        String dockerfile = read(folder, JVM);
        String from = lastFrom(folder, JVM, dockerfile);
        assertTrue(from.matches("(.*/)?eclipse-temurin:21[-.].*|(.*/)?eclipse-temurin:21|.*/ubi9/openjdk-21(-runtime)?(:.*)?"),
                folder + "/" + JVM + ": the runtime image must be eclipse-temurin:21-jre or ubi9/openjdk-21, not " + from);
        for (String layer : List.of("target/quarkus-app/lib/", "target/quarkus-app/*.jar", "target/quarkus-app/app/",
                "target/quarkus-app/quarkus/")) {
            assertTrue(dockerfile.contains(layer), folder + "/" + JVM + " does not copy " + layer
                    + " (the Quarkus fast-jar layout)");
        }
        assertTrue(dockerfile.contains("quarkus-run.jar"), folder + "/" + JVM + " does not run quarkus-run.jar");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allServices")
    void nativeImageRunsTheRunnerOnTheQuarkusMicroImage(String folder) {
        String dockerfile = read(folder, NATIVE);
        String from = lastFrom(folder, NATIVE, dockerfile);
        assertTrue(from.matches(".*ubi9-quarkus-micro-image:.*"),
                folder + "/" + NATIVE + ": the runtime image must be the ubi9 Quarkus micro image, not " + from);
        assertTrue(Pattern.compile("(?m)^COPY\\s.*target/\\*-runner\\s").matcher(dockerfile).find(),
                folder + "/" + NATIVE + " must copy the native executable target/*-runner");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void bothImagesExposeTheHttpPort(String folder) {
        int port = Repo.service(folder).httpPort();
        for (String name : List.of(JVM, NATIVE)) {
            List<String> exposed = new ArrayList<>();
            Matcher m = EXPOSE.matcher(read(folder, name));
            while (m.find()) {
                for (String p : m.group(1).trim().split("\\s+")) {
                    exposed.add(p.replaceFirst("/tcp$", ""));
                }
            }
            assertEquals(List.of(String.valueOf(port)), exposed,
                    folder + "/" + name + " must EXPOSE quarkus.http.port=" + port);
        }
    }

    private static String read(String folder, String dockerfile) {
        Path file = Repo.path(folder).resolve(dockerfile);
        assertTrue(Files.isRegularFile(file), folder + "/" + dockerfile + " does not exist");
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String lastFrom(String folder, String name, String dockerfile) {
        Matcher m = FROM.matcher(dockerfile);
        String from = null;
        while (m.find()) {
            from = m.group(1);
        }
        assertTrue(from != null, folder + "/" + name + " has no FROM");
        return from;
    }
}
