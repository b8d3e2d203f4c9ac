package dev.trainer.cli;

import dev.trainer.devinfra.InfraProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The whole system on one machine without Docker: a real Kafka broker (KRaft) and PostgreSQL in child processes,
 * and the six packaged services as separate JVMs wired to them. External Kafka or PostgreSQL are used instead
 * when KAFKA_BOOTSTRAP_SERVERS or QUARKUS_DATASOURCE_JDBC_URL are set. Used by {@code bin/trainer up/demo} and by
 * the system test, so both run the system the same way.
 */
public final class LocalStack implements AutoCloseable {

    public static final int DEFAULT_KAFKA_PORT = 19092;
    public static final int DEFAULT_POSTGRES_PORT = 55432;
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(240);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);

    private final Path root;
    private final Path stateDir;
    private final boolean keepData;
    private final Consumer<String> progress;
    private final List<InfraProcess> infra = new ArrayList<>();
    private final Map<ServiceSpec, Process> services = new LinkedHashMap<>();
    private String kafka;
    private String jdbcUrl;
    private String dbUser;
    private String dbPassword;

    private LocalStack(Path root, Path stateDir, boolean keepData, Consumer<String> progress) {
        this.root = root;
        this.stateDir = stateDir;
        this.keepData = keepData;
        this.progress = progress;
    }

    /**
     * Starts everything and returns once every service answers ready on /q/health/ready; on any failure stops what it
     * started and throws with the failing piece's log tail.
     *
     * @param stateDir  where logs (and, with {@code keepData}, the broker's and the database's data) are kept
     * @param kafkaPort 0 for a free port; likewise {@code postgresPort}
     */
    public static LocalStack start(Path root, Path stateDir, boolean keepData, int kafkaPort, int postgresPort,
            Consumer<String> progress) {
        LocalStack stack = new LocalStack(root, stateDir, keepData, progress);
        try {
            stack.startInfra(kafkaPort, postgresPort);
            stack.startServices();
            stack.awaitReady();
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    public String kafkaBootstrapServers() {
        return kafka;
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    public Map<ServiceSpec, Process> services() {
        return services;
    }

    public List<Long> pids() {
        List<Long> pids = new ArrayList<>();
        infra.forEach(p -> pids.add(p.pid()));
        services.values().forEach(p -> pids.add(p.pid()));
        return pids;
    }

    public Path logFile(ServiceSpec service) {
        return stateDir.resolve("logs").resolve(service.name() + ".log");
    }

    private void startInfra(int kafkaPort, int postgresPort) {
        String envKafka = System.getenv("KAFKA_BOOTSTRAP_SERVERS");
        String envJdbc = System.getenv("QUARKUS_DATASOURCE_JDBC_URL");
        CompletableFuture<InfraProcess> kafkaStart = envKafka != null ? null
                : CompletableFuture.supplyAsync(() -> InfraProcess.kafka(kafkaPort,
                        keepData ? stateDir.resolve("data/kafka") : null));
        CompletableFuture<InfraProcess> pgStart = envJdbc != null ? null
                : CompletableFuture.supplyAsync(() -> InfraProcess.postgres(postgresPort,
                        keepData ? InfraProcess.reachablePostgresDir(stateDir.resolve("data/postgres")) : null));
        progress.accept(envKafka != null ? "Kafka: using " + envKafka : "Kafka: starting a KRaft broker on 127.0.0.1:" + kafkaPort);
        progress.accept(envJdbc != null ? "PostgreSQL: using " + envJdbc : "PostgreSQL: starting on 127.0.0.1:" + postgresPort);
        kafka = envKafka != null ? envKafka : joinInfra(kafkaStart).address();
        if (envJdbc != null) {
            jdbcUrl = envJdbc;
            dbUser = System.getenv().getOrDefault("QUARKUS_DATASOURCE_USERNAME", "postgres");
            dbPassword = System.getenv().getOrDefault("QUARKUS_DATASOURCE_PASSWORD", "postgres");
        } else {
            jdbcUrl = joinInfra(pgStart).address();
            dbUser = "postgres";
            dbPassword = "postgres";
        }
        progress.accept("infrastructure ready: kafka " + kafka + ", database " + jdbcUrl);
    }

    private InfraProcess joinInfra(CompletableFuture<InfraProcess> start) {
        try {
            InfraProcess process = start.join();
            infra.add(process);
            return process;
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    private void startServices() {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        try {
            Files.createDirectories(stateDir.resolve("logs"));
            for (ServiceSpec service : ServiceSpec.ALL) {
                Path jar = service.runnerJar(root);
                if (!Files.exists(jar)) {
                    throw new IllegalStateException(jar + " is missing: build first (bin/trainer build)");
                }
                ProcessBuilder builder = new ProcessBuilder(java, "-Xmx384m", "-XX:+UseSerialGC", "-jar", jar.toString())
                        .directory(root.resolve(service.name()).toFile())
                        .redirectErrorStream(true)
                        .redirectOutput(logFile(service).toFile())
                        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
                Map<String, String> env = builder.environment();
                env.put("KAFKA_BOOTSTRAP_SERVERS", kafka);
                env.put("QUARKUS_DATASOURCE_JDBC_URL", jdbcUrl);
                env.put("QUARKUS_DATASOURCE_USERNAME", dbUser);
                env.put("QUARKUS_DATASOURCE_PASSWORD", dbPassword);
                env.put("QUARKUS_HTTP_PORT", Integer.toString(service.port()));
                env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
                services.put(service, builder.start());
                progress.accept("started " + service.name() + " on " + service.baseUrl() + " (log " + logFile(service) + ")");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the services: " + e.getMessage(), e);
        }
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        List<ServiceSpec> waiting = new ArrayList<>(ServiceSpec.ALL);
        while (!waiting.isEmpty()) {
            for (var it = waiting.iterator(); it.hasNext();) {
                ServiceSpec service = it.next();
                Process process = services.get(service);
                if (!process.isAlive()) {
                    throw new IllegalStateException(service.name() + " exited with code " + process.exitValue() + ":\n"
                            + tail(logFile(service), 40));
                }
                if (Http.status(service.baseUrl() + "/q/health/ready") == 200) {
                    progress.accept(service.name() + " is ready");
                    it.remove();
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("not ready after " + READY_TIMEOUT.toSeconds() + " s: " + waiting.stream()
                        .map(s -> s.name() + "\n" + tail(logFile(s), 20)).toList());
            }
            sleep(500);
        }
    }

    /** Stops the services (SIGTERM, then SIGKILL after 20 s), then the broker and the database. */
    @Override
    public void close() {
        services.values().forEach(Process::destroy);
        for (Process p : services.values()) {
            try {
                if (!p.waitFor(STOP_TIMEOUT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS)) {
                    p.destroyForcibly().waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        services.clear();
        infra.forEach(InfraProcess::close);
        infra.clear();
    }

    static String tail(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log at " + file + ")";
        }
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
