package dev.trainer.cli;

import java.nio.file.Path;
import java.util.List;

/** One of the six services as the local stack runs it: its folder and artifact name, and its HTTP port. */
public record ServiceSpec(String name, int port) {

    public static final List<ServiceSpec> ALL = List.of(
            new ServiceSpec("market-data-service", 8081),
            new ServiceSpec("cleaning-service", 8082),
            new ServiceSpec("optimizer-service", 8083),
            new ServiceSpec("validation-service", 8084),
            new ServiceSpec("config-registry-service", 8085),
            new ServiceSpec("circuit-breaker-service", 8086));

    public Path runnerJar(Path root) {
        return root.resolve(name).resolve("target/quarkus-app/quarkus-run.jar");
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public static ServiceSpec named(String name) {
        return ALL.stream().filter(s -> s.name.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no service " + name + "; services: "
                        + ALL.stream().map(ServiceSpec::name).toList()));
    }
}
